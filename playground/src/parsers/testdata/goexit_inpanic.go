package main

import "runtime"

// runtime/testdata/testprog/deadlock.go GoexitInPanic
func main() {
	go func() {
		defer func() {
			runtime.Goexit()
		}()
		panic("hello")
	}()
	runtime.Goexit()
}
