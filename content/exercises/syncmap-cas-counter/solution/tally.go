// Package tally keeps running totals per key, for example bytes sent per
// customer, updated by many goroutines at once.
package tally

import "sync"

// Tally holds one total per key. Its zero value is ready to use, and every
// method may be called from many goroutines at the same time.
type Tally struct {
	totals sync.Map // key -> int64
}

// Add adds delta to the total of key (a missing key starts at 0) and returns
// the new total: the value the total had right after this addition.
func (t *Tally) Add(key string, delta int64) int64 {
	for {
		// A missing key is created with delta in one atomic step.
		v, loaded := t.totals.LoadOrStore(key, delta)
		if !loaded {
			return delta
		}
		n := v.(int64) + delta
		// Succeeds only if the total is still the one we loaded; otherwise
		// another Add got in between, and we retry from its result.
		if t.totals.CompareAndSwap(key, v, n) {
			return n
		}
	}
}

// Get returns the total of key, 0 for a key never added to.
func (t *Tally) Get(key string) int64 {
	v, ok := t.totals.Load(key)
	if !ok {
		return 0
	}
	return v.(int64)
}
