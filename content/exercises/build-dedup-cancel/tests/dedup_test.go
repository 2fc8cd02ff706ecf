package dedup

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
)

// TestCallersShareOneCall: 5 callers ask for the same key while its call is
// held in flight; fn runs once and all 5 get its value. synctest.Wait returns
// when every goroutine of the test is blocked, so all 5 are waiting by then.
func TestCallersShareOneCall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Group[string, int]
		var calls atomic.Int32
		release := make(chan struct{})
		fn := func(context.Context) (int, error) {
			calls.Add(1)
			<-release
			return 42, nil
		}
		var wg sync.WaitGroup
		for range 5 {
			wg.Go(func() {
				if v, err := g.Do(context.Background(), "eur", fn); v != 42 || err != nil {
					t.Errorf(`Do("eur") = %d, %v, want 42, nil`, v, err)
				}
			})
		}
		synctest.Wait()
		close(release)
		wg.Wait()
		if n := calls.Load(); n != 1 {
			t.Fatalf("5 concurrent Do(\"eur\") ran fn %d times, want 1", n)
		}
	})
}

// TestDifferentKeysDoNotWait: a call for one key does not hold up another.
func TestDifferentKeysDoNotWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Group[string, int]
		release := make(chan struct{})
		slow := make(chan error, 1)
		go func() {
			_, err := g.Do(context.Background(), "slow", func(context.Context) (int, error) {
				<-release
				return 1, nil
			})
			slow <- err
		}()
		synctest.Wait()
		v, err := g.Do(context.Background(), "fast", func(context.Context) (int, error) { return 2, nil })
		if v != 2 || err != nil {
			t.Errorf(`Do("fast") = %d, %v while "slow" was in flight, want 2, nil`, v, err)
		}
		close(release)
		if err := <-slow; err != nil {
			t.Errorf(`Do("slow") = %v, want nil`, err)
		}
	})
}
