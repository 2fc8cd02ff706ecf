// go:linkname into the runtime to call an internal function.
package main

import (
	"fmt"
	_ "unsafe"
)

//go:linkname runtimeNanotime runtime.nanotime
func runtimeNanotime() int64

//go:linkname procyield runtime.procyield
func procyield(cycles uint32)

func main() {
	procyield(10)
	fmt.Println("nanotime:", runtimeNanotime() > 0)
}
