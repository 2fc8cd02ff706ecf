// Built-in maps are not safe for concurrent use. The runtime notices a write while another
// write is in progress and stops the whole program; recover cannot catch this fatal error.
package main

import (
	"fmt"
	"sync"
)

func main() {
	hits := map[string]int{}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100000; i++ {
				hits[fmt.Sprint("page", i%8)]++
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(hits))
}
