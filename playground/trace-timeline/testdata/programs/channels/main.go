// An unbuffered send waits for its receiver, a receive waits for its sender, and a select waits
// for one of two channels.
package main

import (
	"fmt"
	"time"
)

func main() {
	jobs := make(chan int)
	results := make(chan int)
	quit := make(chan struct{})
	go producer(jobs)
	time.Sleep(5 * time.Millisecond)
	go consumer(jobs, results)
	go func() {
		time.Sleep(5 * time.Millisecond)
		close(quit)
	}()
	for {
		select {
		case r := <-results:
			fmt.Println("result", r)
		case <-quit:
			fmt.Println("quit")
			return
		}
	}
}

func producer(jobs chan<- int) {
	jobs <- 1
	close(jobs)
}

func consumer(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 10
	}
}
