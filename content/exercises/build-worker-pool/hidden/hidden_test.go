package pool

import (
	"errors"
	"regexp"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// TestSubmitAfterClose: once Close has returned, Submit returns ErrClosed
// and the task never runs.
func TestSubmitAfterClose(t *testing.T) {
	p := New(2)
	p.Close()
	ran := false
	for range 50 {
		if err := p.Submit(func() { ran = true }); !errors.Is(err, ErrClosed) {
			t.Fatalf("Submit after Close = %v, want ErrClosed", err)
		}
	}
	if ran {
		t.Fatal("a task submitted after Close ran")
	}
}

// TestCloseTwice: a second Close is harmless (closing a channel twice panics).
func TestCloseTwice(t *testing.T) {
	p := New(2)
	p.Close()
	p.Close()
}

// TestCloseWaitsForRunningTasks: Close must not return while a task a
// worker has taken is still running, and must return once it finishes.
func TestCloseWaitsForRunningTasks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := New(2)
		release := make(chan struct{})
		finished := false
		if err := p.Submit(func() { <-release; finished = true }); err != nil {
			t.Fatalf("Submit on an open pool = %v, want nil", err)
		}
		closed := make(chan struct{})
		go func() { p.Close(); close(closed) }()
		synctest.Wait()
		select {
		case <-closed:
			t.Fatal("Close returned while a task was still running: it must wait for work in flight")
		default:
		}
		close(release)
		<-closed
		if !finished {
			t.Fatal("Close returned before the running task finished")
		}
	})
}

// TestWaitingSubmitGivesUpOnClose: with every worker busy, a Submit waits;
// when Close is called it must return ErrClosed at once, without running its
// task and without waiting for a worker. Closing the tasks channel under it
// instead panics with "send on closed channel".
func TestWaitingSubmitGivesUpOnClose(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := New(2)
		release := make(chan struct{})
		for range 2 {
			if err := p.Submit(func() { <-release }); err != nil {
				t.Fatalf("Submit on an open pool = %v, want nil", err)
			}
		}
		ran := false
		submitted := make(chan error, 1)
		go func() { submitted <- p.Submit(func() { ran = true }) }()
		synctest.Wait()
		select {
		case err := <-submitted:
			t.Fatalf("Submit returned %v while both workers were busy: it must wait for one", err)
		default:
		}
		closed := make(chan struct{})
		go func() { p.Close(); close(closed) }()
		synctest.Wait()
		select {
		case err := <-submitted:
			if !errors.Is(err, ErrClosed) {
				t.Errorf("the waiting Submit returned %v after Close, want ErrClosed", err)
			}
		default:
			t.Error("the waiting Submit was still waiting after Close was called: it must return ErrClosed at once")
		}
		close(release)
		<-closed
		synctest.Wait()
		if ran {
			t.Error("the task of a Submit that waited until Close ran anyway")
		}
	})
}

// TestSubmitRacingClose: 8 goroutines submit while another closes the pool.
// Every Submit returns nil or ErrClosed, each task that was accepted has run
// exactly once by the time Close returns, and -race sees no data race.
func TestSubmitRacingClose(t *testing.T) {
	for range 20 {
		p := New(4)
		var accepted, ran atomic.Int32
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for range 25 {
					err := p.Submit(func() { ran.Add(1) })
					switch {
					case err == nil:
						accepted.Add(1)
					case errors.Is(err, ErrClosed):
						return
					default:
						t.Errorf("Submit = %v, want nil or ErrClosed", err)
						return
					}
				}
			})
		}
		wg.Go(p.Close)
		wg.Wait()
		p.Close()
		if a, r := accepted.Load(), ran.Load(); a != r {
			t.Fatalf("%d Submits returned nil but %d tasks ran by the time Close returned", a, r)
		}
	}
}

// TestCloseLeavesNoGoroutines: after Close returns, every worker has exited.
// The goroutines of this test's synctest bubble are counted after
// synctest.Wait, when every one of them has either exited or blocked for
// good, so a leaked worker is always seen and goroutines of other tests
// never are. It runs last: when a goroutine is left blocked, synctest also
// fails the whole test binary.
func TestCloseLeavesNoGoroutines(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		before := bubbleGoroutines(t)
		p := New(8)
		for range 20 {
			if err := p.Submit(func() {}); err != nil {
				t.Fatalf("Submit on an open pool = %v, want nil", err)
			}
		}
		p.Close()
		synctest.Wait()
		if leaked := bubbleGoroutines(t) - before; leaked > 0 {
			t.Fatalf("%d goroutine(s) of an 8-worker pool were still alive after Close returned", leaked)
		}
	})
}

// bubbleHeader matches the first line of a goroutine in a stack dump; since
// Go 1.25 the runtime names the synctest bubble a goroutine belongs to there.
var bubbleHeader = regexp.MustCompile(`(?m)^goroutine \d+ \[[^\n]*synctest bubble (\d+)\]:$`)

// bubbleGoroutines counts the goroutines of the caller's synctest bubble in a
// dump of every goroutine. The dump is taken with the world stopped, so the
// count is exact; runtime.NumGoroutine is not, while other goroutines exit.
func bubbleGoroutines(t *testing.T) int {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	headers := bubbleHeader.FindAllSubmatch(buf, -1)
	if len(headers) == 0 {
		t.Fatal("the goroutine dump names no synctest bubble: this test needs Go 1.25 or later")
	}
	// The dump starts with the calling goroutine, so its bubble comes first.
	count := 0
	for _, h := range headers {
		if string(h[1]) == string(headers[0][1]) {
			count++
		}
	}
	return count
}
