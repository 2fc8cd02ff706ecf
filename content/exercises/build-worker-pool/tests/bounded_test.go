package pool

import (
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// TestRunsEveryTask: 100 tasks on 4 workers; when Close returns, every one
// has run.
func TestRunsEveryTask(t *testing.T) {
	p := New(4)
	var ran atomic.Int32
	for i := range 100 {
		if err := p.Submit(func() { ran.Add(1) }); err != nil {
			t.Fatalf("Submit %d on an open pool = %v, want nil", i+1, err)
		}
	}
	p.Close()
	if n := ran.Load(); n != 100 {
		t.Fatalf("%d of 100 tasks had run when Close returned, want all 100", n)
	}
}

// TestAtMostNAtOnce: 10 goroutines each submit a task that blocks until the
// test releases it, to a pool of 3. synctest.Wait returns when every
// goroutine of the test is blocked, so at that moment exactly 3 tasks must be
// running, no more (no bound) and no fewer (not really 3 workers). No timing
// is involved.
func TestAtMostNAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := New(3)
		var running, most atomic.Int32
		release := make(chan struct{})
		task := func() {
			n := running.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			<-release
			running.Add(-1)
		}
		var submitters sync.WaitGroup
		for range 10 {
			submitters.Go(func() {
				if err := p.Submit(task); err != nil {
					t.Errorf("Submit on an open pool = %v, want nil", err)
				}
			})
		}
		synctest.Wait()
		if n := running.Load(); n != 3 {
			t.Errorf("%d tasks were running at once on a pool of 3 with 10 submitted, want 3", n)
		}
		close(release)
		submitters.Wait()
		p.Close()
		if n := most.Load(); n > 3 {
			t.Errorf("up to %d tasks ran at once on a pool of 3", n)
		}
	})
}
