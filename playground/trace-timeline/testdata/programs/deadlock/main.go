// A goroutine locks a mutex it already holds: the program hangs until the watchdog's SIGQUIT.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	done := make(chan bool)
	go func() {
		mu.Lock()
		fmt.Println("locked once")
		mu.Lock()
		done <- true
	}()
	<-done
}
