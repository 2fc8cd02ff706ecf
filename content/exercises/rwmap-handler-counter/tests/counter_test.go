package visits

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// do sends one request to h in process, with no network, and returns the
// status code and the body without surrounding white space.
func do(h http.Handler, method, path string) (int, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec.Code, strings.TrimSpace(rec.Body.String())
}

// TestConcurrentVisits sends 400 visits from 8 goroutines at once, as a
// server would run concurrent requests. Nothing orders the handler calls,
// so with -race an unguarded map is reported on every run.
func TestConcurrentVisits(t *testing.T) {
	h := NewCounter().Handler()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 50 {
				if code, _ := do(h, "POST", "/visit/home"); code != http.StatusOK {
					t.Errorf("POST /visit/home: status %d, want 200", code)
					return
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	if _, body := do(h, "GET", "/visits/home"); body != "400" {
		t.Fatalf("GET /visits/home after 400 visits = %q, want \"400\"", body)
	}
}

// TestVisitAndCount checks the sequential behaviour of the three routes.
func TestVisitAndCount(t *testing.T) {
	h := NewCounter().Handler()
	for i, want := range []string{"1", "2"} {
		if code, body := do(h, "POST", "/visit/docs"); code != http.StatusOK || body != want {
			t.Fatalf("POST /visit/docs #%d = %d %q, want 200 %q", i+1, code, body, want)
		}
	}
	if _, body := do(h, "GET", "/visits/docs"); body != "2" {
		t.Fatalf("GET /visits/docs = %q, want \"2\"", body)
	}
	if _, body := do(h, "GET", "/visits/blog"); body != "0" {
		t.Fatalf("GET /visits/blog (never visited) = %q, want \"0\"", body)
	}
	if _, body := do(h, "GET", "/visits"); body != `{"docs":2}` {
		t.Fatalf("GET /visits = %q, want %q", body, `{"docs":2}`)
	}
}
