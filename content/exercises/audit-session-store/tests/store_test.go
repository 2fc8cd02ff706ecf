package sessions

import (
	"fmt"
	"sync"
	"testing"
)

// TestSetGetDelete checks the behaviour from a single goroutine.
func TestSetGetDelete(t *testing.T) {
	s := New()
	s.Set("t1", "ada")
	if user, ok := s.Get("t1"); !ok || user != "ada" {
		t.Fatalf(`Get("t1") = %q, %v; want "ada", true`, user, ok)
	}
	s.Delete("t1")
	s.Delete("unknown")
	if _, ok := s.Get("t1"); ok {
		t.Fatal(`Get("t1") found the token after Delete`)
	}
	if n := s.Len(); n != 0 {
		t.Fatalf("Len() = %d after the only session was deleted, want 0", n)
	}
}

// TestReadWhileWriting: one goroutine logs users in while the test reads.
// The race detector reports any access to the map that is not synchronized,
// whatever the timing, so an unguarded map fails this test on every run.
func TestReadWhileWriting(t *testing.T) {
	s := New()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 100 {
			s.Set(fmt.Sprint("w", i), "writer")
		}
	}()
	for i := range 100 {
		s.Get(fmt.Sprint("w", i))
	}
	wg.Wait()
	if n := s.Len(); n != 100 {
		t.Fatalf("Len() = %d after 100 logins, want 100", n)
	}
}
