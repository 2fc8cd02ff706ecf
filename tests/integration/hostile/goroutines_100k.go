// 100,000 goroutines alive at once, then released.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	release := make(chan struct{})
	for i := 0; i < 100000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
		}()
	}
	close(release)
	wg.Wait()
	fmt.Println("all done")
}
