package sessions

import (
	"fmt"
	"sync"
	"testing"
)

// TestOpenedWhileOpening calls Opened while other goroutines call Open. With
// -race, an Opened that reads the counter without the lock is reported.
func TestOpenedWhileOpening(t *testing.T) {
	s := New()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range 200 {
				s.Open(fmt.Sprintf("w%d-%d", g, i), "u")
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-start
		last := 0
		for range 200 {
			n := s.Opened()
			if n < last {
				t.Errorf("Opened() went down from %d to %d", last, n)
				return
			}
			last = n
		}
	}()
	close(start)
	wg.Wait()
	if got := s.Opened(); got != 400 {
		t.Fatalf("Opened() = %d, want 400", got)
	}
}

// TestExactCountUnderContention: 16 goroutines × 500 Open, 3 rounds.
func TestExactCountUnderContention(t *testing.T) {
	for round := range 3 {
		s := New()
		start := make(chan struct{})
		var wg sync.WaitGroup
		for g := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				for i := range 500 {
					s.Open(fmt.Sprintf("%d-%d", g, i), "u")
				}
			}()
		}
		close(start)
		wg.Wait()
		if got := s.Opened(); got != 8000 {
			t.Fatalf("round %d: Opened() = %d, want 8000", round+1, got)
		}
	}
}
