package main

import "runtime"

// runtime/testdata/testprog/deadlock.go PanicAfterGoexit
func main() {
	defer func() {
		panic("hello")
	}()
	runtime.Goexit()
}
