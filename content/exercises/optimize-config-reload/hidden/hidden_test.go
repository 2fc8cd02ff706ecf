package reload

import (
	"sync"
	"testing"
	"time"
)

// TestOldSnapshotUnchanged: a Config that was returned by Current never
// changes afterwards, its map included.
func TestOldSnapshotUnchanged(t *testing.T) {
	s := New(Config{Version: 1, Timeout: time.Second, Limits: map[string]int{"api": 10}})
	old := s.Current()
	s.Update(func(c *Config) {
		c.Version = 2
		c.Timeout = 2 * time.Second
		c.Limits["api"] = 20
		c.Limits["admin"] = 1
	})
	if old.Version != 1 || old.Timeout != time.Second {
		t.Fatalf("Update changed a published Config: it now says version %d, timeout %v", old.Version, old.Timeout)
	}
	if old.Limits["api"] != 10 || len(old.Limits) != 1 {
		t.Fatalf("Update changed the Limits map of a published Config: %v", old.Limits)
	}
	now := s.Current()
	if now == old {
		t.Fatal("Current() returns the same *Config before and after Update")
	}
	if now.Version != 2 || now.Timeout != 2*time.Second || now.Limits["api"] != 20 || now.Limits["admin"] != 1 {
		t.Fatalf("after Update, Current() = %+v", now)
	}
}

// TestNoLostUpdates: 16 goroutines each apply 250 increments at once; none
// may be lost.
func TestNoLostUpdates(t *testing.T) {
	s := New(Config{Limits: map[string]int{"hits": 0}})
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 250 {
				s.Update(func(c *Config) {
					c.Version++
					c.Limits["hits"]++
				})
			}
		}()
	}
	close(start)
	wg.Wait()
	if c := s.Current(); c.Version != 4000 || c.Limits["hits"] != 4000 {
		t.Fatalf("after 4000 concurrent increments: version %d, hits %d; want 4000 and 4000", c.Version, c.Limits["hits"])
	}
}

// TestReadersNeverSeeHalfUpdate: while a writer publishes 1000 versions, 4
// readers check that every Config they get is whole (all fields of one
// version) and that versions never go backwards.
func TestReadersNeverSeeHalfUpdate(t *testing.T) {
	s := New(Config{Version: 1, Timeout: time.Millisecond, Limits: map[string]int{"api": 1}})
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for {
				c := s.Current()
				if c == nil {
					t.Error("Current() returned nil")
					return
				}
				if c.Timeout != time.Duration(c.Version)*time.Millisecond || c.Limits["api"] != c.Version {
					t.Errorf("half-updated Config: version %d, timeout %v, api limit %d", c.Version, c.Timeout, c.Limits["api"])
					return
				}
				if c.Version < last {
					t.Errorf("version went back from %d to %d", last, c.Version)
					return
				}
				last = c.Version
				select {
				case <-done:
					return
				default:
				}
			}
		}()
	}
	for v := 2; v <= 1000; v++ {
		s.Update(func(c *Config) {
			c.Version = v
			c.Timeout = time.Duration(v) * time.Millisecond
			c.Limits["api"] = v
		})
	}
	close(done)
	wg.Wait()
}

// TestReadersDoNotWaitForWriters: while an Update is in progress, Current
// still returns at once, with the previous configuration.
func TestReadersDoNotWaitForWriters(t *testing.T) {
	s := New(Config{Version: 1, Limits: map[string]int{}})
	inside, release := make(chan struct{}), make(chan struct{})
	updated := make(chan struct{})
	go func() {
		s.Update(func(c *Config) {
			close(inside)
			<-release // a slow update: still running
			c.Version = 2
		})
		close(updated)
	}()
	<-inside
	got := make(chan int, 1)
	go func() { got <- s.Current().Version }()
	select {
	case v := <-got:
		if v != 1 {
			t.Errorf("during an Update, Current() returned version %d, want the previous version 1", v)
		}
	case <-time.After(3 * time.Second):
		t.Error("Current() waited for an Update in progress: readers must not take the writers' lock")
	}
	close(release)
	<-updated
	if v := s.Current().Version; v != 2 {
		t.Fatalf("after the Update, version %d, want 2", v)
	}
}
