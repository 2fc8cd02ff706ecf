// A test, traced as `test` is (go test -trace): two goroutines wait for a mutex the test holds.
package prog

import (
	"sync"
	"testing"
	"time"
)

func TestWorkers(t *testing.T) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	for id := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			t.Log("worker", id, "has the lock")
			mu.Unlock()
		}()
	}
	time.Sleep(10 * time.Millisecond)
	mu.Unlock()
	wg.Wait()
}
