// Two readers hold an RWMutex; a writer waits for them in Lock, and a late reader waits in RLock
// behind the waiting writer.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	for id := range 2 {
		wg.Add(1)
		go reader(id, &rw, &wg, 30*time.Millisecond)
	}
	time.Sleep(5 * time.Millisecond)
	wg.Add(1)
	go writer(&rw, &wg)
	time.Sleep(5 * time.Millisecond)
	wg.Add(1)
	go reader(2, &rw, &wg, 0)
	wg.Wait()
}

func reader(id int, rw *sync.RWMutex, wg *sync.WaitGroup, hold time.Duration) {
	defer wg.Done()
	rw.RLock()
	time.Sleep(hold)
	fmt.Println("reader", id, "done")
	rw.RUnlock()
}

func writer(rw *sync.RWMutex, wg *sync.WaitGroup) {
	defer wg.Done()
	rw.Lock()
	fmt.Println("writer has the lock")
	rw.Unlock()
}
