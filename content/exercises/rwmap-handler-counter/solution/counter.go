// Package visits counts page visits over HTTP.
package visits

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"sync"
)

// Counter counts visits per page. Its handler serves:
//
//	POST /visit/{page}   records a visit to page and responds with its new count
//	GET  /visits/{page}  responds with the number of visits to page (0 if none)
//	GET  /visits         responds with every page's count as a JSON object
//
// The HTTP server calls these handlers from many goroutines at once.
type Counter struct {
	mu     sync.Mutex // guards counts; most requests write, so a Mutex fits
	counts map[string]int
}

// NewCounter returns a counter with no visits.
func NewCounter() *Counter {
	return &Counter{counts: make(map[string]int)}
}

// Handler returns the HTTP handler of c.
func (c *Counter) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /visit/{page}", c.visit)
	mux.HandleFunc("GET /visits/{page}", c.count)
	mux.HandleFunc("GET /visits", c.all)
	return mux
}

// Each handler copies what it needs under the lock and writes the response
// after unlocking, so a slow client never holds c.mu.

func (c *Counter) visit(w http.ResponseWriter, r *http.Request) {
	page := r.PathValue("page")
	c.mu.Lock()
	c.counts[page]++
	n := c.counts[page]
	c.mu.Unlock()
	fmt.Fprintln(w, n)
}

func (c *Counter) count(w http.ResponseWriter, r *http.Request) {
	page := r.PathValue("page")
	c.mu.Lock()
	n := c.counts[page]
	c.mu.Unlock()
	fmt.Fprintln(w, n)
}

func (c *Counter) all(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	snap := maps.Clone(c.counts)
	c.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(snap)
}
