package counter

import (
	"sync"
	"testing"
)

// TestIncFromManyGoroutines starts 8 goroutines that each call Inc 1000 times
// and expects Value to report exactly 8000 afterwards. The goroutines are not
// ordered by any synchronization, so with -race an unprotected c.n++ is
// reported as a data race on every run, whatever the scheduler does.
func TestIncFromManyGoroutines(t *testing.T) {
	const goroutines, perGoroutine = 8, 1000
	var c Counter
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start // all goroutines begin together, to make lost updates likely too
			for range perGoroutine {
				c.Inc()
			}
		}()
	}
	close(start)
	wg.Wait()
	if got, want := c.Value(), int64(goroutines*perGoroutine); got != want {
		t.Fatalf("Value() = %d after %d goroutines × %d Inc calls, want %d: %d updates were lost",
			got, goroutines, perGoroutine, want, want-got)
	}
}

// TestZeroValue checks that a Counter needs no constructor.
func TestZeroValue(t *testing.T) {
	var c Counter
	if got := c.Value(); got != 0 {
		t.Fatalf("Value() of a new Counter = %d, want 0", got)
	}
	c.Inc()
	if got := c.Value(); got != 1 {
		t.Fatalf("Value() after one Inc = %d, want 1", got)
	}
}
