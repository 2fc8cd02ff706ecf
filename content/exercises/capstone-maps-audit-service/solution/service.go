// Package service is a small API service: it counts page visits, keeps user
// profiles, and counts API calls per client. Every method and handler may be
// called from many request goroutines at the same time.
package service

import (
	"fmt"
	"iter"
	"net/http"
	"sync"
	"sync/atomic"
)

// Service holds the state the handlers share.
type Service struct {
	mu       sync.Mutex     // guards visits
	visits   map[string]int // page → visits; owner: mu
	Profiles *Registry
	calls    sync.Map // client → *atomic.Int64; entries are never replaced
}

// New returns an empty Service.
func New() *Service {
	return &Service{visits: map[string]int{}, Profiles: NewRegistry()}
}

// Visit handles GET /visit?page=…: it counts one visit of the page.
func (s *Service) Visit(w http.ResponseWriter, r *http.Request) {
	page := r.URL.Query().Get("page")
	s.mu.Lock()
	s.visits[page]++
	s.mu.Unlock()
	fmt.Fprintln(w, "ok")
}

// Visits returns the visits of page so far.
func (s *Service) Visits(page string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.visits[page]
}

// CountCall counts one API call by client. LoadOrStore makes sure every
// goroutine increments the same counter; the increment itself is atomic.
func (s *Service) CountCall(client string) {
	v, _ := s.calls.LoadOrStore(client, new(atomic.Int64))
	v.(*atomic.Int64).Add(1)
}

// Calls returns the API calls counted for client.
func (s *Service) Calls(client string) int {
	if v, ok := s.calls.Load(client); ok {
		return int(v.(*atomic.Int64).Load())
	}
	return 0
}

// Profile is what the service knows about a user.
type Profile struct {
	Name   string
	Active bool
}

// Registry maps user IDs to profiles.
type Registry struct {
	mu   sync.Mutex // guards byID
	byID map[string]Profile
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry {
	return &Registry{byID: map[string]Profile{}}
}

// Set stores the profile of id.
func (r *Registry) Set(id string, p Profile) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.byID[id] = p
}

// Get returns the profile of id.
func (r *Registry) Get(id string) (Profile, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.byID[id]
	return p, ok
}

// All yields every profile, in no particular order. The loop body may call
// any method of r, including Set: All copies the entries under the lock and
// yields the copy after releasing it, so user code never runs under r.mu.
func (r *Registry) All() iter.Seq2[string, Profile] {
	return func(yield func(string, Profile) bool) {
		type entry struct {
			id string
			p  Profile
		}
		r.mu.Lock()
		entries := make([]entry, 0, len(r.byID))
		for id, p := range r.byID {
			entries = append(entries, entry{id, p})
		}
		r.mu.Unlock()
		for _, e := range entries {
			if !yield(e.id, e.p) {
				return
			}
		}
	}
}
