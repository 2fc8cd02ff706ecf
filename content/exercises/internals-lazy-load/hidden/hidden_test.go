package lazy

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// blockedInGet counts goroutines that are parked somewhere inside Get.
func blockedInGet() int {
	buf := make([]byte, 1<<20)
	dump := string(buf[:runtime.Stack(buf, true)])
	n := 0
	for _, g := range strings.Split(dump, "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if strings.Contains(header, "[running]") || strings.Contains(header, "[runnable]") {
			continue
		}
		if strings.Contains(g, "(*Loader).Get(") {
			n++
		}
	}
	return n
}

// TestOneLoadForConcurrentGets: load blocks until all eight callers are
// inside Get. A Get that lets every caller run load of its own fails here.
func TestOneLoadForConcurrentGets(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	l := New(func() (*Config, error) {
		calls.Add(1)
		<-release
		return &Config{Endpoint: "https://a.example"}, nil
	})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if c, err := l.Get(); err != nil || c == nil {
				t.Errorf("Get() = %v, %v; want the loaded config", c, err)
			}
		}()
	}
	deadline := time.Now().Add(5 * time.Second)
	for blockedInGet() < 8 {
		if time.Now().After(deadline) {
			close(release)
			t.Fatalf("after 5s only %d of 8 goroutines are waiting inside Get", blockedInGet())
		}
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Fatalf("8 concurrent first Gets called load %d times, want 1", n)
	}
}

// TestFailedLoadIsRetried: a failed load is reported and not remembered;
// the next Get calls load again. (sync.Once would never call it again.)
func TestFailedLoadIsRetried(t *testing.T) {
	calls := 0
	l := New(func() (*Config, error) {
		calls++
		if calls == 1 {
			return nil, errUnavailable
		}
		return &Config{Endpoint: "https://b.example"}, nil
	})
	if c, err := l.Get(); !errors.Is(err, errUnavailable) || c != nil {
		t.Fatalf("first Get() = %v, %v; want nil and the load error", c, err)
	}
	c, err := l.Get()
	if err != nil || c == nil || c.Endpoint != "https://b.example" {
		t.Fatalf("second Get() = %v, %v; want the config from a second load", c, err)
	}
	if _, err := l.Get(); err != nil || calls != 2 {
		t.Fatalf("third Get: err %v, load called %d times; want nil and 2", err, calls)
	}
}

// TestNoLoadAfterSuccess: once loaded, many concurrent Gets never call load.
func TestNoLoadAfterSuccess(t *testing.T) {
	var calls atomic.Int32
	l := New(func() (*Config, error) {
		calls.Add(1)
		return &Config{Endpoint: "https://a.example"}, nil
	})
	first, _ := l.Get()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if c, err := l.Get(); c != first || err != nil {
					t.Errorf("Get() = %p, %v; want the first config %p", c, err, first)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Fatalf("load was called %d times, want 1", n)
	}
}
