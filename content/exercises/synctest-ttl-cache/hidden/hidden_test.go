package ttlcache

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// TestExpiryAtExactlyTheTTL: set at t, an entry is there at t+ttl-1ns and
// gone at t+ttl. Fake time makes the boundary exact.
func TestExpiryAtExactlyTheTTL(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const ttl = 90 * time.Second
		c := New(ttl)
		defer c.Close()
		time.Sleep(7 * time.Second) // the entry is set after New, not with it
		c.Set("k", "v")
		time.Sleep(ttl - time.Nanosecond)
		if _, ok := c.Get("k"); !ok {
			t.Fatal("Get one nanosecond before the TTL is up found nothing, want the value")
		}
		time.Sleep(time.Nanosecond)
		if _, ok := c.Get("k"); ok {
			t.Fatal("Get at exactly the TTL found the value: an entry set at t is gone from t+ttl on")
		}
	})
}

// TestSetRefreshesTheTTL: a second Set starts the entry's TTL again.
func TestSetRefreshesTheTTL(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := New(time.Hour)
		defer c.Close()
		c.Set("k", "old")
		time.Sleep(50 * time.Minute)
		c.Set("k", "new")
		time.Sleep(50 * time.Minute)
		if v, ok := c.Get("k"); !ok || v != "new" {
			t.Fatalf(`Get("k") = %q, %v 50 min after it was set again, want "new", true`, v, ok)
		}
		time.Sleep(10 * time.Minute)
		if _, ok := c.Get("k"); ok {
			t.Fatal(`Get("k") found the value one TTL after the last Set`)
		}
	})
}

// TestJanitorRemovesExpired: the janitor runs every TTL, so two TTLs after
// the last Set every entry is gone from storage, not only hidden by Get.
// synctest.Wait lets the janitor finish its pass before Len looks.
func TestJanitorRemovesExpired(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := New(time.Minute)
		defer c.Close()
		for i := range 10 {
			c.Set(fmt.Sprint("k", i), "v")
		}
		time.Sleep(30 * time.Second)
		c.Set("late", "v")
		time.Sleep(time.Minute)
		synctest.Wait()
		if n := c.Len(); n != 1 {
			t.Fatalf("Len() = %d 90 s after ten 1 min entries and 60 s after one more, want 1 (the janitor removes what expired)", n)
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		if n := c.Len(); n != 0 {
			t.Fatalf("Len() = %d two TTLs after the last Set, want 0", n)
		}
	})
}

// TestCloseStopsTheJanitor: a cache that is closed leaves no goroutine
// behind. synctest.Test fails when the bubble's goroutines are still
// blocked after the test function returns.
func TestCloseStopsTheJanitor(t *testing.T) {
	for range 3 {
		synctest.Test(t, func(t *testing.T) {
			c := New(time.Second)
			c.Set("k", "v")
			time.Sleep(10 * time.Second)
			c.Close()
		})
	}
}

// TestADayInFakeTime: a day of cache time with entries set every minute. In
// fake time this takes no real time; a cache that still wakes up far more
// often than its TTL needs, or that waits in real time, does not finish.
func TestADayInFakeTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := New(10 * time.Minute)
		defer c.Close()
		for m := range 24 * 60 {
			c.Set(fmt.Sprint("m", m), "v")
			if _, ok := c.Get(fmt.Sprint("m", m-10)); ok {
				t.Fatalf("minute %d: the entry of minute %d (10 min TTL) is still there", m, m-10)
			}
			if _, ok := c.Get(fmt.Sprint("m", m-9)); m >= 9 && !ok {
				t.Fatalf("minute %d: the entry of minute %d (10 min TTL) is gone too early", m, m-9)
			}
			time.Sleep(time.Minute)
		}
	})
}

// TestConcurrentUse: many goroutines set and get while the janitor runs;
// with -race every access to the map must be under c.mu.
func TestConcurrentUse(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := New(time.Second)
		defer c.Close()
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 50 {
					key := fmt.Sprint("k", (g+i)%16)
					c.Set(key, "v")
					if v, ok := c.Get(key); !ok || v != "v" {
						t.Errorf("Get(%q) right after Set = %q, %v", key, v, ok)
						return
					}
					time.Sleep(100 * time.Millisecond)
				}
			}()
		}
		wg.Wait()
	})
}
