// Thread bomb: a thousand goroutines, each on its own locked OS thread blocked in a raw syscall,
// so the runtime must create one thread per goroutine. The pids cgroup counts threads: thread
// creation must fail long before a thousand. Prints the count of threads it got as it goes.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"syscall"
)

var threads atomic.Int64

func main() {
	for i := 0; i < 1000; i++ {
		go func() {
			runtime.LockOSThread()
			fmt.Println("threads:", threads.Add(1))
			ts := syscall.Timespec{Sec: 30}
			syscall.Nanosleep(&ts, nil)
		}()
	}
	select {}
}
