// Three goroutines take one mutex: main holds it while they arrive, so each waits in Lock and is
// woken by the goroutine that calls Unlock.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	for id := range 3 {
		wg.Add(1)
		go worker(id, &mu, &wg)
	}
	time.Sleep(20 * time.Millisecond)
	mu.Unlock()
	wg.Wait()
}

func worker(id int, mu *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	fmt.Println("worker", id, "has the lock")
	time.Sleep(2 * time.Millisecond)
	mu.Unlock()
}
