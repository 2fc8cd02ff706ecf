// Go's mutexes are not re-entrant: the second Lock waits for an Unlock that can never come.
// Built with -race, the program just hangs (golang/go#20588); Lockstep's runner notices that
// every goroutine is blocked and reports the deadlock with the line it is stuck on.
package main

import (
	"fmt"
	"sync"
)

var mu sync.Mutex

func balance() int {
	mu.Lock()
	defer mu.Unlock()
	return 42
}

func main() {
	mu.Lock()
	defer mu.Unlock()
	fmt.Println("balance:", balance()) // balance locks mu again
}
