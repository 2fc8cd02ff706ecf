// Package hits counts page views for a web service.
package hits

import "sync"

// Counter counts hits per page. Every HTTP handler calls Inc, so many
// goroutines use one Counter at once.
type Counter struct {
	pages sync.Map // page name -> *int
}

// Inc adds one hit to page.
func (c *Counter) Inc(page string) {
	v, ok := c.pages.Load(page)
	if !ok {
		v = new(int)
		c.pages.Store(page, v)
	}
	*v.(*int)++
}

// Get returns the number of hits of page, 0 for a page never seen.
func (c *Counter) Get(page string) int64 {
	v, ok := c.pages.Load(page)
	if !ok {
		return 0
	}
	return int64(*v.(*int))
}
