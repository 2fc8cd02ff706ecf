package hits

import (
	"sync"
	"testing"
)

// TestRecordWhileCounting records hits in one goroutine while another reads
// the count. Both start together at a closed channel; nothing but Counter
// itself orders their accesses, so an unguarded access is reported by
// go test -race on every run.
func TestRecordWhileCounting(t *testing.T) {
	c := New()
	start := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		<-start
		for range 100 {
			c.Record("/")
		}
	}()
	go func() {
		defer wg.Done()
		<-start
		for range 100 {
			_ = c.Count("/")
		}
	}()
	close(start)
	wg.Wait()
	if got := c.Count("/"); got != 100 {
		t.Fatalf(`Count("/") = %d, want 100`, got)
	}
}
