package counter

import (
	"sync"
	"testing"
)

// TestExactTotalUnderContention repeats a heavier scenario 5 times: 32
// goroutines released together by a closed channel, 2000 Inc calls each.
func TestExactTotalUnderContention(t *testing.T) {
	const rounds, goroutines, perGoroutine = 5, 32, 2000
	for round := range rounds {
		var c Counter
		start := make(chan struct{})
		var wg sync.WaitGroup
		for range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				for range perGoroutine {
					c.Inc()
				}
			}()
		}
		close(start)
		wg.Wait()
		if got, want := c.Value(), int64(goroutines*perGoroutine); got != want {
			t.Fatalf("round %d: Value() = %d, want %d", round+1, got, want)
		}
	}
}

// TestValueWhileIncrementing reads Value from one goroutine while others call
// Inc. A Value that reads c.n without the same synchronization as Inc is a
// data race even when Inc itself is correct: -race reports it because
// nothing orders the read after the writes.
func TestValueWhileIncrementing(t *testing.T) {
	const writers, perWriter = 4, 1000
	var c Counter
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range perWriter {
				c.Inc()
			}
		}()
	}
	done := make(chan struct{})
	var last int64
	go func() {
		defer close(done)
		for range 1000 {
			v := c.Value()
			if v < last {
				t.Errorf("Value() went backwards: %d after %d", v, last)
				return
			}
			last = v
		}
	}()
	wg.Wait()
	<-done
	if got, want := c.Value(), int64(writers*perWriter); got != want {
		t.Fatalf("Value() = %d after all writers finished, want %d", got, want)
	}
}
