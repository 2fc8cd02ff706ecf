package service

import (
	"fmt"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestUpdateWhileIterating deactivates every profile from inside the loop
// over All, as the doc comment of All allows. It must finish.
func TestUpdateWhileIterating(t *testing.T) {
	r := NewRegistry()
	for i := range 20 {
		r.Set(fmt.Sprint("u", i), Profile{Name: fmt.Sprint("user", i), Active: true})
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for id, p := range r.All() {
			if _, ok := r.Get(id); !ok {
				t.Errorf("Get(%q) inside the loop found nothing", id)
			}
			p.Active = false
			r.Set(id, p)
		}
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("a loop over All that calls Get and Set did not finish in 3s: is the lock held while the loop body runs?")
	}
	for i := range 20 {
		if p, _ := r.Get(fmt.Sprint("u", i)); p.Active {
			t.Fatalf("u%d is still active after the loop", i)
		}
	}
}

// TestIterateWhileOthersWrite ranges over All while other goroutines Set.
func TestIterateWhileOthersWrite(t *testing.T) {
	r := NewRegistry()
	for i := range 50 {
		r.Set(fmt.Sprint("u", i), Profile{Name: "x"})
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range 200 {
				r.Set(fmt.Sprintf("w%d-%d", g, i), Profile{Name: "y"})
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-start
		for range 20 {
			n := 0
			for range r.All() {
				n++
			}
			if n < 50 {
				t.Errorf("All() yielded %d profiles, want at least 50", n)
				return
			}
		}
	}()
	close(start)
	wg.Wait()
}

// TestAllStopsEarly breaks out of the loop: All must stop yielding.
func TestAllStopsEarly(t *testing.T) {
	r := NewRegistry()
	for i := range 10 {
		r.Set(fmt.Sprint("u", i), Profile{})
	}
	n := 0
	for range r.All() {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Fatalf("the loop ran %d times, want 3", n)
	}
	r.Set("after", Profile{}) // the lock, if any, was released
}

// TestCallsAreNotLost counts 64 × 1000 calls of one client from 64 goroutines.
func TestCallsAreNotLost(t *testing.T) {
	// Real parallelism even on a one-CPU machine: the OS then preempts
	// threads at arbitrary instructions, as it does in production.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for round := range 3 {
		s := New()
		start := make(chan struct{})
		var wg sync.WaitGroup
		for range 64 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				for range 1000 {
					s.CountCall("client-a")
				}
			}()
		}
		close(start)
		wg.Wait()
		if got := s.Calls("client-a"); got != 64000 {
			t.Fatalf("round %d: Calls = %d, want 64000: increments were lost", round+1, got)
		}
		if got := s.Calls("nobody"); got != 0 {
			t.Fatalf(`Calls("nobody") = %d, want 0`, got)
		}
	}
}

// TestVisitsWhileReading reads Visits while handlers count, and checks totals per page.
func TestVisitsWhileReading(t *testing.T) {
	s := New()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 50 {
				rec := httptest.NewRecorder()
				s.Visit(rec, httptest.NewRequest("GET", fmt.Sprintf("/visit?page=p%d", g%2), nil))
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-start
		for range 100 {
			_ = s.Visits("p0")
		}
	}()
	close(start)
	wg.Wait()
	if a, b := s.Visits("p0"), s.Visits("p1"); a != 100 || b != 100 {
		t.Fatalf("Visits = %d and %d, want 100 and 100", a, b)
	}
}
