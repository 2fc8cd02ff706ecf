package main

import "runtime"

// runtime/testdata/testprog/deadlock.go RecoverBeforePanicAfterGoexit
func main() {
	defer func() {
		r := recover()
		if r == nil {
			panic("bad recover")
		}
	}()
	defer func() {
		panic("hello")
	}()
	runtime.Goexit()
}
