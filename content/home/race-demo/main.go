package main

import "fmt"

func main() {
	hits := 0
	done := make(chan bool)
	go func() {
		hits++
		done <- true
	}()
	hits++
	<-done
	fmt.Println("hits:", hits)
}
