// Built-in maps are not safe for concurrent use. The runtime notices a write while another
// write is in progress and stops the whole program; recover cannot catch this fatal error.
// The check is a flag, so two writes must really overlap to be seen: many writes from several
// goroutines, on more threads than cores so they overlap even on a busy one-core machine.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(8)
	hits := map[string]int{}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1_000_000; i++ {
				hits[fmt.Sprint("page", i%8)]++
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(hits))
}
