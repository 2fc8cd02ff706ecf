// counter++ is a load, an add and a store. Two goroutines doing it at the same time without
// synchronization is a data race: the race detector reports it, and updates can be lost.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 1000; j++ {
				counter++ // read-modify-write with no lock
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter =", counter)
}
