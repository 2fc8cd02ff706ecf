package visits

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestCountWhileVisiting reads single counts while other goroutines visit:
// GET /visits/{page} reads the map and needs the lock as well.
func TestCountWhileVisiting(t *testing.T) {
	h := NewCounter().Handler()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-start
			for range 50 {
				do(h, "POST", fmt.Sprint("/visit/p", g))
			}
		}()
		go func() {
			defer wg.Done()
			<-start
			prev := 0
			for range 50 {
				_, body := do(h, "GET", fmt.Sprint("/visits/p", g))
				n, err := strconv.Atoi(body)
				if err != nil || n < prev || n > 50 {
					t.Errorf("GET /visits/p%d = %q after %d, want a count between %d and 50", g, body, prev, prev)
					return
				}
				prev = n
			}
		}()
	}
	close(start)
	wg.Wait()
}

// TestAllWhileVisiting encodes every count while other goroutines visit:
// the encoder ranges over the map, so it needs the lock too (or a copy
// taken under it).
func TestAllWhileVisiting(t *testing.T) {
	h := NewCounter().Handler()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			<-start
			for i := range 50 {
				do(h, "POST", fmt.Sprint("/visit/q", (g+i)%5))
			}
		}()
		go func() {
			defer wg.Done()
			<-start
			for range 20 {
				_, body := do(h, "GET", "/visits")
				var counts map[string]int
				if err := json.Unmarshal([]byte(body), &counts); err != nil {
					t.Errorf("GET /visits = %q: not a JSON object: %v", body, err)
					return
				}
				total := 0
				for _, n := range counts {
					total += n
				}
				if total > 200 {
					t.Errorf("GET /visits counts %d visits, but only 200 are ever made", total)
					return
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	var counts map[string]int
	_, body := do(h, "GET", "/visits")
	if err := json.Unmarshal([]byte(body), &counts); err != nil || len(counts) != 5 {
		t.Fatalf("GET /visits at the end = %q, want 5 pages", body)
	}
}

// TestEveryVisitGetsItsOwnNumber: 1600 concurrent visits to one page must
// answer 1, 2, …, 1600, each exactly once. Reading the count and writing it
// back in two separate critical sections can hand out a number twice.
func TestEveryVisitGetsItsOwnNumber(t *testing.T) {
	h := NewCounter().Handler()
	start := make(chan struct{})
	got := make(chan int, 1600)
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 100 {
				_, body := do(h, "POST", "/visit/same")
				n, _ := strconv.Atoi(body)
				got <- n
			}
		}()
	}
	close(start)
	wg.Wait()
	close(got)
	var all []int
	for n := range got {
		all = append(all, n)
	}
	slices.Sort(all)
	for i, n := range all {
		if n != i+1 {
			t.Fatalf("the 1600 responses, sorted, have %d at position %d: every number from 1 to 1600 must come back exactly once", n, i+1)
		}
	}
}

// stallingWriter is a ResponseWriter for a slow client: its first Write
// blocks until release is closed.
type stallingWriter struct {
	header  http.Header
	entered chan struct{}
	release chan struct{}
	once    sync.Once
	body    bytes.Buffer
}

func (w *stallingWriter) Header() http.Header { return w.header }
func (w *stallingWriter) WriteHeader(int)     {}
func (w *stallingWriter) Write(p []byte) (int, error) {
	w.once.Do(func() {
		close(w.entered)
		<-w.release
	})
	return w.body.Write(p)
}

// TestNoLockWhileWritingTheResponse: while GET /visits is stuck writing its
// response to a slow client, a visit must still be served. A handler that
// holds the lock while it writes blocks every other request behind that
// client. The 5 s deadline is only reached by such a handler.
func TestNoLockWhileWritingTheResponse(t *testing.T) {
	h := NewCounter().Handler()
	do(h, "POST", "/visit/home")
	w := &stallingWriter{header: http.Header{}, entered: make(chan struct{}), release: make(chan struct{})}
	getDone := make(chan struct{})
	go func() {
		defer close(getDone)
		h.ServeHTTP(w, httptest.NewRequest("GET", "/visits", nil))
	}()
	select {
	case <-w.entered:
	case <-getDone:
		t.Fatal("GET /visits returned without writing a body")
	}
	posted := make(chan string, 1)
	go func() {
		_, body := do(h, "POST", "/visit/home")
		posted <- body
	}()
	select {
	case body := <-posted:
		close(w.release)
		<-getDone
		if body != "2" {
			t.Fatalf("second POST /visit/home = %q, want \"2\"", body)
		}
	case <-time.After(5 * time.Second):
		close(w.release)
		<-getDone
		<-posted
		t.Fatal("POST /visit/home waited while GET /visits was writing to a slow client: the lock is held during the write")
	}
}
