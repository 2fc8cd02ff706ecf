// Package service is a small API service: it counts page visits, keeps user
// profiles, and counts API calls per client. Every method and handler may be
// called from many request goroutines at the same time.
package service

import (
	"fmt"
	"iter"
	"net/http"
	"sync"
)

// Service holds the state the handlers share.
type Service struct {
	visits   map[string]int // page → visits
	Profiles *Registry
	calls    sync.Map // client → number of API calls
}

// New returns an empty Service.
func New() *Service {
	return &Service{visits: map[string]int{}, Profiles: NewRegistry()}
}

// Visit handles GET /visit?page=…: it counts one visit of the page.
func (s *Service) Visit(w http.ResponseWriter, r *http.Request) {
	page := r.URL.Query().Get("page")
	s.visits[page]++
	fmt.Fprintln(w, "ok")
}

// Visits returns the visits of page so far.
func (s *Service) Visits(page string) int {
	return s.visits[page]
}

// CountCall counts one API call by client.
func (s *Service) CountCall(client string) {
	n := 0
	if v, ok := s.calls.Load(client); ok {
		n = v.(int)
	}
	s.calls.Store(client, n+1)
}

// Calls returns the API calls counted for client.
func (s *Service) Calls(client string) int {
	if v, ok := s.calls.Load(client); ok {
		return v.(int)
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
// any method of r, including Set.
func (r *Registry) All() iter.Seq2[string, Profile] {
	return func(yield func(string, Profile) bool) {
		r.mu.Lock()
		defer r.mu.Unlock()
		for id, p := range r.byID {
			if !yield(id, p) {
				return
			}
		}
	}
}
