package dedup

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// TestCallerGivesUpAlone: of two callers sharing a call, the one whose ctx
// is cancelled returns context.Canceled at once; the call's own context is
// not cancelled (fn is not running on that caller's ctx), and the other
// caller still gets the value.
func TestCallerGivesUpAlone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Group[string, int]
		release := make(chan struct{})
		fn := func(ctx context.Context) (int, error) {
			select {
			case <-release:
				return 42, nil
			case <-ctx.Done():
				return 0, ctx.Err()
			}
		}
		impatient, cancel := context.WithCancel(context.Background())
		first, second := make(chan error, 1), make(chan error, 1)
		go func() { _, err := g.Do(impatient, "k", fn); first <- err }()
		synctest.Wait()
		var v int
		go func() { var err error; v, err = g.Do(context.Background(), "k", fn); second <- err }()
		synctest.Wait()
		cancel()
		synctest.Wait()
		select {
		case err := <-first:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("the cancelled caller's Do = %v, want context.Canceled", err)
			}
		default:
			t.Error("the caller whose ctx was cancelled was still waiting: it must return at once")
		}
		close(release)
		if err := <-second; err != nil || v != 42 {
			t.Errorf("the patient caller's Do = %d, %v after the other gave up, want 42, nil: the call must go on for it", v, err)
		}
	})
}

// TestLastCallerCancelsTheCall: when every caller of a call has given up,
// fn's context is cancelled (otherwise fn runs for nobody, and here it would
// block for ever), and the next caller of that key starts a fresh call at
// once rather than joining the cancelled one, which here is slow to stop.
func TestLastCallerCancelsTheCall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Group[string, int]
		var calls atomic.Int32
		stopped, finish := make(chan struct{}), make(chan struct{})
		var stop sync.Once // a Do that runs fn more than once must fail below, not panic here
		fn := func(ctx context.Context) (int, error) {
			calls.Add(1)
			<-ctx.Done()
			stop.Do(func() { close(stopped) })
			<-finish // still cleaning up after its cancellation
			return 0, ctx.Err()
		}
		defer close(finish)
		var cancels []context.CancelFunc
		defer func() { // a failed check leaves nothing blocked behind it
			for _, cancel := range cancels {
				cancel()
			}
		}()
		var wg sync.WaitGroup
		for range 3 {
			ctx, cancel := context.WithCancel(context.Background())
			cancels = append(cancels, cancel)
			wg.Go(func() {
				if _, err := g.Do(ctx, "k", fn); !errors.Is(err, context.Canceled) {
					t.Errorf("Do after its ctx was cancelled = %v, want context.Canceled", err)
				}
			})
		}
		synctest.Wait()
		for _, cancel := range cancels[:2] {
			cancel()
		}
		synctest.Wait()
		select {
		case <-stopped:
			t.Fatal("fn's context was cancelled while one caller was still waiting for it")
		default:
		}
		cancels[2]()
		wg.Wait()
		synctest.Wait()
		select {
		case <-stopped:
		default:
			t.Fatal("fn's context was not cancelled after all 3 callers gave up: the call goes on for nobody")
		}
		fresh := make(chan error, 1)
		var v int
		go func() {
			var err error
			v, err = g.Do(context.Background(), "k", func(context.Context) (int, error) { return 7, nil })
			fresh <- err
		}()
		synctest.Wait()
		select {
		case err := <-fresh:
			if v != 7 || err != nil {
				t.Fatalf("a new Do after every caller gave up = %d, %v, want 7, nil from a fresh call", v, err)
			}
		default:
			t.Fatal("a new Do after every caller gave up joined the cancelled call instead of starting a fresh one")
		}
		if n := calls.Load(); n != 1 {
			t.Fatalf("the first fn ran %d times, want 1", n)
		}
	})
}

// TestErrorReachesEveryCaller: an error from fn is returned to every caller
// of the call, and the key is forgotten once it is done: the next Do runs fn
// again instead of returning a stale result.
func TestErrorReachesEveryCaller(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Group[string, int]
		boom := errors.New("backend down")
		release := make(chan struct{})
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				_, err := g.Do(context.Background(), "k", func(context.Context) (int, error) {
					<-release
					return 0, boom
				})
				if !errors.Is(err, boom) {
					t.Errorf("Do = %v, want the error fn returned", err)
				}
			})
		}
		synctest.Wait()
		close(release)
		wg.Wait()
		v, err := g.Do(context.Background(), "k", func(context.Context) (int, error) { return 5, nil })
		if v != 5 || err != nil {
			t.Fatalf("Do after the failed call finished = %d, %v, want 5, nil from a new call", v, err)
		}
	})
}

// TestPanicReachesEveryCaller: when fn panics, every caller gets a
// *PanicError holding the panic value, and the process does not crash (a
// panic that escapes the goroutine running fn ends the whole test binary).
func TestPanicReachesEveryCaller(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Group[string, int]
		release := make(chan struct{})
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				_, err := g.Do(context.Background(), "k", func(context.Context) (int, error) {
					<-release
					panic("nil map")
				})
				var pe *PanicError
				if !errors.As(err, &pe) || pe.Value != "nil map" {
					t.Errorf(`Do = %v, want a *PanicError with Value "nil map"`, err)
				}
			})
		}
		synctest.Wait()
		close(release)
		wg.Wait()
	})
}

// TestManyKeysManyCallers: 32 goroutines call Do on 8 keys 50 times each
// under -race; every caller gets its key's value.
func TestManyKeysManyCallers(t *testing.T) {
	var g Group[int, string]
	var wg sync.WaitGroup
	for c := range 32 {
		wg.Go(func() {
			for i := range 50 {
				key := (c + i) % 8
				v, err := g.Do(context.Background(), key, func(context.Context) (string, error) {
					return fmt.Sprint("v", key), nil
				})
				if err != nil || v != fmt.Sprint("v", key) {
					t.Errorf("Do(%d) = %q, %v, want %q, nil", key, v, err, fmt.Sprint("v", key))
					return
				}
			}
		})
	}
	wg.Wait()
}
