// An unbuffered send waits for its receiver, a receive waits for its sender, and a select waits
// for one of two channels.
package main

import (
	"fmt"
	"time"
)

func main() {
	ping := make(chan int)
	pong := make(chan int)
	quit := make(chan struct{})
	go sender(ping)
	go receiver(pong)
	time.Sleep(5 * time.Millisecond) // both are waiting by now
	v := <-ping
	pong <- v * 10
	go func() {
		time.Sleep(5 * time.Millisecond)
		close(quit)
	}()
	select {
	case <-quit:
		fmt.Println("quit")
	case v := <-ping:
		fmt.Println("unexpected", v)
	}
}

func sender(ping chan<- int) {
	ping <- 1
}

func receiver(pong <-chan int) {
	fmt.Println("received", <-pong)
}
