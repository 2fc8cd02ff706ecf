package reload

import (
	"sync"
	"testing"
	"time"
)

func initial() Config {
	return Config{Version: 1, Timeout: time.Second, Limits: map[string]int{"api": 10}}
}

// TestUpdateChangesConfig: after Update, Current returns the new values.
func TestUpdateChangesConfig(t *testing.T) {
	s := New(initial())
	if c := s.Current(); c == nil || c.Version != 1 || c.Limits["api"] != 10 {
		t.Fatalf("Current() = %+v, want the initial configuration", c)
	}
	s.Update(func(c *Config) {
		c.Version = 2
		c.Limits["api"] = 20
	})
	c := s.Current()
	if c.Version != 2 || c.Limits["api"] != 20 || c.Timeout != time.Second {
		t.Fatalf("after Update, Current() = %+v; want version 2, api limit 20, timeout 1s", c)
	}
}

// TestReadersDuringReload: one writer reloads 500 times while two readers use
// the current configuration. Reading a Config while a writer changes it is a
// data race, reported on every run.
func TestReadersDuringReload(t *testing.T) {
	s := New(initial())
	start := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		<-start
		for v := 2; v <= 501; v++ {
			s.Update(func(c *Config) {
				c.Version = v
				c.Timeout = time.Duration(v) * time.Millisecond
			})
		}
	}()
	for range 2 {
		go func() {
			defer wg.Done()
			<-start
			for range 500 {
				c := s.Current()
				if c.Version > 1 && c.Timeout != time.Duration(c.Version)*time.Millisecond {
					t.Errorf("a reader saw version %d with timeout %v: a half-updated configuration", c.Version, c.Timeout)
					return
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	if v := s.Current().Version; v != 501 {
		t.Fatalf("final version %d, want 501", v)
	}
}
