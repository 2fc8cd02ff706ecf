// Two goroutines sleep for different times.
package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan string)
	go nap("short", 2*time.Millisecond, done)
	go nap("long", 8*time.Millisecond, done)
	fmt.Println(<-done, <-done)
}

func nap(name string, d time.Duration, done chan<- string) {
	time.Sleep(d)
	done <- name
}
