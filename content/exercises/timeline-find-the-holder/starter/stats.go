// Package stats keeps the request statistics of a busy web service: the hits
// per route and the latencies of the most recent requests, for its dashboard.
package stats

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"time"
)

// RouteHits is one line of the dashboard's table of busiest routes.
type RouteHits struct {
	Route string `json:"route"`
	Hits  int    `json:"hits"`
}

// Stats is shared by every request handler: one mutex guards all of it.
type Stats struct {
	mu        sync.Mutex
	hits      map[string]int  // requests per route
	latencies []time.Duration // the latest requests' latencies, oldest first
	window    int             // how many latencies Trim keeps
}

// New returns empty statistics that keep the latencies of the last window requests.
func New(window int) *Stats {
	return &Stats{hits: map[string]int{}, window: window}
}

// Record counts one request to route that took the given time.
func (s *Stats) Record(route string, took time.Duration) {
	s.mu.Lock()
	s.hits[route]++
	s.latencies = append(s.latencies, took)
	s.mu.Unlock()
}

// Top returns the n routes with the most hits, busiest first.
func (s *Stats) Top(n int) []RouteHits {
	s.mu.Lock()
	all := make([]RouteHits, 0, len(s.hits))
	for route, hits := range s.hits {
		all = append(all, RouteHits{route, hits})
	}
	slices.SortFunc(all, func(a, b RouteHits) int {
		return cmp.Or(b.Hits-a.Hits, strings.Compare(a.Route, b.Route))
	})
	s.mu.Unlock()
	return all[:min(n, len(all))]
}

// Mean returns the mean latency of the requests in the window.
func (s *Stats) Mean() time.Duration {
	s.mu.Lock()
	var sum time.Duration
	for _, d := range s.latencies {
		sum += d
	}
	n := len(s.latencies)
	s.mu.Unlock()
	if n == 0 {
		return 0
	}
	return sum / time.Duration(n)
}

// Snapshot returns the hits per route as indented JSON, for the dashboard.
func (s *Stats) Snapshot() []byte {
	s.mu.Lock()
	out, err := json.MarshalIndent(s.hits, "", "  ")
	s.mu.Unlock()
	if err != nil {
		panic(err) // a map[string]int always encodes
	}
	return out
}

// Trim forgets the oldest latencies beyond the window.
func (s *Stats) Trim() {
	s.mu.Lock()
	for len(s.latencies) > s.window {
		s.latencies = slices.Delete(s.latencies, 0, 1)
	}
	s.mu.Unlock()
}
