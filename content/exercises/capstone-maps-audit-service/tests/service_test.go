package service

import (
	"net/http/httptest"
	"sync"
	"testing"
)

// TestVisitsFromManyRequests sends 100 concurrent requests to the Visit
// handler. Nothing but Service itself orders the handlers, so an unguarded
// access is reported by -race on every run.
func TestVisitsFromManyRequests(t *testing.T) {
	s := New()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			rec := httptest.NewRecorder()
			s.Visit(rec, httptest.NewRequest("GET", "/visit?page=home", nil))
			if rec.Code != 200 {
				t.Errorf("status %d, want 200", rec.Code)
			}
		}()
	}
	close(start)
	wg.Wait()
	if got := s.Visits("home"); got != 100 {
		t.Fatalf(`Visits("home") = %d, want 100`, got)
	}
}

// TestProfilesInOneGoroutine checks Set, Get and All without concurrency.
func TestProfilesInOneGoroutine(t *testing.T) {
	r := NewRegistry()
	r.Set("u1", Profile{Name: "Ada", Active: true})
	r.Set("u2", Profile{Name: "Grace"})
	if p, ok := r.Get("u1"); !ok || p.Name != "Ada" {
		t.Fatalf(`Get("u1") = %+v, %v; want Ada, true`, p, ok)
	}
	seen := map[string]string{}
	for id, p := range r.All() {
		seen[id] = p.Name
	}
	if len(seen) != 2 || seen["u1"] != "Ada" || seen["u2"] != "Grace" {
		t.Fatalf("All() yielded %v, want u1:Ada and u2:Grace", seen)
	}
}
