package sessions

import (
	"fmt"
	"sync"
	"testing"
)

// TestOpenFromManyGoroutines opens 100 sessions from 4 goroutines released
// together by a closed channel. Nothing orders their accesses to shared
// fields except what Sessions itself does, so with -race an unprotected
// access is reported on every run.
func TestOpenFromManyGoroutines(t *testing.T) {
	const goroutines, perGoroutine = 4, 25
	s := New()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range perGoroutine {
				s.Open(fmt.Sprintf("g%d-%d", g, i), fmt.Sprint("user", g))
			}
		}()
	}
	close(start)
	wg.Wait()
	if got, want := s.Opened(), goroutines*perGoroutine; got != want {
		t.Fatalf("Opened() = %d, want %d", got, want)
	}
	if user, ok := s.User("g2-7"); !ok || user != "user2" {
		t.Fatalf(`User("g2-7") = %q, %v; want "user2", true`, user, ok)
	}
}

// TestUserOfUnknownSession checks the lookup of a missing ID.
func TestUserOfUnknownSession(t *testing.T) {
	s := New()
	s.Open("a", "ada")
	if user, ok := s.User("b"); ok || user != "" {
		t.Fatalf(`User("b") = %q, %v; want "", false`, user, ok)
	}
	if got := s.Opened(); got != 1 {
		t.Fatalf("Opened() = %d after one Open, want 1", got)
	}
}
