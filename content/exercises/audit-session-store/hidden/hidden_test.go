package sessions

import (
	"fmt"
	"sync"
	"testing"
)

// TestHammer runs 8 goroutines, each with its own 200 tokens: log in, read
// back, log out every other one. The final contents must be exact.
func TestHammer(t *testing.T) {
	s := New()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				token, user := fmt.Sprintf("g%d-%d", g, i), fmt.Sprint("user", g)
				s.Set(token, user)
				if got, ok := s.Get(token); !ok || got != user {
					t.Errorf("Get(%q) = %q, %v right after Set, want %q, true", token, got, ok, user)
					return
				}
				if i%2 == 1 {
					s.Delete(token)
				}
				_ = s.Len()
			}
		}()
	}
	wg.Wait()
	if n := s.Len(); n != 8*100 {
		t.Fatalf("Len() = %d, want %d", n, 8*100)
	}
	for g := range 8 {
		for i := range 200 {
			token := fmt.Sprintf("g%d-%d", g, i)
			_, ok := s.Get(token)
			if want := i%2 == 0; ok != want {
				t.Fatalf("after the hammer, Get(%q) found = %v, want %v", token, ok, want)
			}
		}
	}
}

// TestSharedTokens: many goroutines write and delete the same few tokens,
// the shape that makes the runtime stop an unguarded map with a fatal error.
func TestSharedTokens(t *testing.T) {
	s := New()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 500 {
				token := fmt.Sprint("shared", i%4)
				s.Set(token, fmt.Sprint("user", g))
				s.Get(token)
				s.Delete(token)
			}
		}()
	}
	wg.Wait()
	s.Set("last", "ada")
	if n := s.Len(); n != 1 {
		t.Fatalf("Len() = %d, want 1: the last operation on every shared token is a Delete", n)
	}
}
