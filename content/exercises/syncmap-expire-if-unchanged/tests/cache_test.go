package cache

import (
	"testing"
	"time"
)

var (
	past   = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	now    = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	future = time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
)

func expired(_ string, e Entry) bool { return e.Expires.Before(now) }

// TestSweepRemovesExpired checks the sweep without concurrency.
func TestSweepRemovesExpired(t *testing.T) {
	var c Cache
	c.Set("old1", "a", past)
	c.Set("old2", "b", past)
	c.Set("live", "c", future)
	if n := c.Sweep(expired); n != 2 {
		t.Fatalf("Sweep removed %d entries, want 2", n)
	}
	for _, k := range []string{"old1", "old2"} {
		if _, ok := c.Get(k); ok {
			t.Errorf("%q expired but is still cached", k)
		}
	}
	if e, ok := c.Get("live"); !ok || e.Value != "c" {
		t.Fatalf(`Get("live") = %v, %v; want the live entry "c"`, e, ok)
	}
}

// TestRefreshDuringSweepSurvives: while isStale is judging the expired entry
// of "user:7", another goroutine refreshes it, and isStale returns only after
// that Set has finished. The refreshed entry was never judged, so Sweep must
// keep it. The ordering is forced by channels, so the result is the same on
// every run.
func TestRefreshDuringSweepSurvives(t *testing.T) {
	var c Cache
	c.Set("user:7", "old session", past)
	isStale := func(key string, e Entry) bool {
		stale := e.Expires.Before(now)
		if key == "user:7" && e.Value == "old session" {
			refreshed := make(chan struct{})
			go func() { // a request handler refreshing the session
				c.Set("user:7", "new session", future)
				close(refreshed)
			}()
			<-refreshed
		}
		return stale
	}
	n := c.Sweep(isStale)
	e, ok := c.Get("user:7")
	if !ok {
		t.Fatal(`the refreshed "user:7" was deleted by Sweep: it deleted the key, not the entry it judged`)
	}
	if e.Value != "new session" {
		t.Fatalf(`Get("user:7") = %q, want "new session"`, e.Value)
	}
	if n != 0 {
		t.Fatalf("Sweep reported %d removed entries, want 0: nothing was removed", n)
	}
}
