package main

import "runtime"

// runtime/testdata/testprog/deadlock.go RecoveredPanicAfterGoexit
func main() {
	defer func() {
		defer func() {
			r := recover()
			if r == nil {
				panic("bad recover")
			}
		}()
		panic("hello")
	}()
	runtime.Goexit()
}
