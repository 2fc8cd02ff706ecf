// Package hits counts page views for a web service.
package hits

import (
	"sync"
	"sync/atomic"
)

// Counter counts hits per page. Every HTTP handler calls Inc, so many
// goroutines use one Counter at once.
type Counter struct {
	pages sync.Map // page name -> *atomic.Int64, never replaced once stored
}

// Inc adds one hit to page.
func (c *Counter) Inc(page string) {
	v, ok := c.pages.Load(page) // fast path: the page is usually known
	if !ok {
		// Two goroutines may both miss; LoadOrStore lets exactly one
		// counter win, and both use that one.
		v, _ = c.pages.LoadOrStore(page, new(atomic.Int64))
	}
	v.(*atomic.Int64).Add(1)
}

// Get returns the number of hits of page, 0 for a page never seen.
func (c *Counter) Get(page string) int64 {
	v, ok := c.pages.Load(page)
	if !ok {
		return 0
	}
	return v.(*atomic.Int64).Load()
}
