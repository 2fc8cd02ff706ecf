// main waits in WaitGroup.Wait until the last of two workers calls Done.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for id := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(id+1) * 5 * time.Millisecond)
		}()
	}
	wg.Wait()
	fmt.Println("all done")
}
