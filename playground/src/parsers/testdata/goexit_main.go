package main

import "runtime"

// runtime/testdata/testprog/deadlock.go GoexitDeadlock
func main() {
	f := func() {
		for i := 0; i < 10; i++ {
		}
	}
	go f()
	go f()
	runtime.Goexit()
}
