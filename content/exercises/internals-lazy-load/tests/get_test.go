package lazy

import (
	"errors"
	"sync"
	"testing"
)

// TestGetLoads: one goroutine, so no synchronization is involved yet.
func TestGetLoads(t *testing.T) {
	calls := 0
	l := New(func() (*Config, error) {
		calls++
		return &Config{Endpoint: "https://a.example", Retries: 3}, nil
	})
	for range 3 {
		c, err := l.Get()
		if err != nil || c == nil || c.Endpoint != "https://a.example" || c.Retries != 3 {
			t.Fatalf("Get() = %v, %v; want the loaded config", c, err)
		}
	}
	if calls != 1 {
		t.Fatalf("load was called %d times for 3 Gets, want 1", calls)
	}
}

// TestConcurrentFirstGets: eight goroutines call Get at the same time on a
// fresh Loader. Each one either reads the pointer before the winner writes
// it or after, and nothing orders it with that write unless Get makes it so:
// an unsynchronized fast path is reported by the race detector on every run.
func TestConcurrentFirstGets(t *testing.T) {
	l := New(func() (*Config, error) {
		return &Config{Endpoint: "https://a.example", Retries: 3}, nil
	})
	start := make(chan struct{})
	var wg sync.WaitGroup
	got := make([]*Config, 8)
	errs := make([]error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			got[i], errs[i] = l.Get()
		}()
	}
	close(start)
	wg.Wait()
	for i := range 8 {
		if errs[i] != nil || got[i] == nil || got[i].Retries != 3 {
			t.Fatalf("goroutine %d: Get() = %v, %v; want the loaded config", i, got[i], errs[i])
		}
		if got[i] != got[0] {
			t.Fatalf("goroutines 0 and %d got different *Config values: load ran more than once", i)
		}
	}
}

var errUnavailable = errors.New("config service unavailable")
