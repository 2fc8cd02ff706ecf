// kill(-1, SIGKILL): tries to kill every process it can see.
package main

import (
	"fmt"
	"syscall"
)

func main() {
	err := syscall.Kill(-1, syscall.SIGKILL)
	fmt.Println("kill(-1) returned:", err)
}
