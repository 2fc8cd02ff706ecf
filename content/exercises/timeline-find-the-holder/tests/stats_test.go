package stats

import (
	"cmp"
	"encoding/json"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The service's shape in this test: 40 routes, a window of 20 000 latencies
// that is already full, and two request handlers serving 3 000 requests each.
const (
	window   = 20_000
	handlers = 2
	requests = 3_000
)

var routes = func() []string {
	r := make([]string, 40)
	for i := range r {
		r[i] = fmt.Sprintf("/api/items/%d", i)
	}
	return r
}()

// busyDay plays a busy stretch of the service on s. Every request is recorded;
// now and then a handler also serves the dashboard (Top, Mean, Snapshot) or
// trims the window, exactly as often on every run.
func busyDay(s *Stats) {
	for i := range window { // yesterday's traffic: the window starts full
		s.Record(routes[i%len(routes)], time.Duration(i%89)*time.Millisecond)
	}
	// Two handlers run side by side as on a real server, even on one CPU.
	if runtime.GOMAXPROCS(0) < handlers {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(handlers))
	}
	var wg sync.WaitGroup
	for h := range handlers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range requests {
				s.Record(routes[(h+i*i)%len(routes)], time.Duration(i%97)*time.Millisecond)
				switch {
				case i%100 == 49:
					s.Top(5)
				case i%1000 == 124:
					s.Mean()
				case i%1000 == 624:
					s.Snapshot()
				case i%300 == 299:
					s.Trim()
				}
			}
		}()
	}
	wg.Wait()
	s.Trim()
}

// TestBusyDay runs the workload and checks that the service still does its
// job. Run it with Timeline to see who waits for s.mu, and for whom.
func TestBusyDay(t *testing.T) {
	s := New(window)
	busyDay(s)

	var hits map[string]int
	if err := json.Unmarshal(s.Snapshot(), &hits); err != nil {
		t.Fatalf("Snapshot is not JSON: %v", err)
	}
	total := 0
	for _, n := range hits {
		total += n
	}
	if n := window + handlers*requests; total != n || len(hits) != len(routes) {
		t.Fatalf("Snapshot counts %d requests on %d routes, want %d on %d", total, len(hits), n, len(routes))
	}
	want := make([]RouteHits, 0, len(hits))
	for route, n := range hits {
		want = append(want, RouteHits{route, n})
	}
	slices.SortFunc(want, func(a, b RouteHits) int {
		return cmp.Or(b.Hits-a.Hits, strings.Compare(a.Route, b.Route))
	})
	if top := s.Top(3); !slices.Equal(top, want[:3]) {
		t.Fatalf("Top(3) = %v, want %v (the busiest first, ties by name)", top, want[:3])
	}
	// The window keeps the newest 20 000 latencies: every handler request and
	// yesterday's last 14 000, whatever order the handlers recorded them in.
	var sum time.Duration
	for i := handlers * requests; i < window; i++ {
		sum += time.Duration(i%89) * time.Millisecond
	}
	for i := range requests {
		sum += handlers * time.Duration(i%97) * time.Millisecond
	}
	if got, want := s.Mean(), sum/window; got != want {
		t.Fatalf("Mean() = %v after the busy day, want %v (the mean of the newest %d latencies)", got, want, window)
	}
}

// answer is SlowHolder as a bare method name: "(*Stats).Trim()" counts as "Trim".
func answer() string {
	name := strings.TrimSpace(SlowHolder)
	name = strings.TrimSuffix(name, "()")
	if i := strings.LastIndex(name, "."); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// TestAnswerNamesAMethod checks the form of the answer, not whether it is
// right: the hidden test measures that on your program.
func TestAnswerNamesAMethod(t *testing.T) {
	if answer() == "" {
		t.Fatal(`SlowHolder is empty: run TestBusyDay with Timeline, select the long waits on s.mu.Lock() and read whose s.mu.Unlock() woke them`)
	}
	if _, ok := reflect.TypeOf(&Stats{}).MethodByName(answer()); !ok {
		t.Fatalf("SlowHolder = %q is not a method of Stats (Record, Top, Mean, Snapshot or Trim)", SlowHolder)
	}
}
