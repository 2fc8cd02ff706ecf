// A single goroutine spinning forever.
package main

func main() {
	n := 0
	for {
		n++
	}
}
