// Tries to start a shell. Exits 3 if it runs.
package main

import (
	"fmt"
	"os"
	"os/exec"
)

func main() {
	for _, sh := range []string{"/bin/sh", "/bin/bash", "/usr/bin/env"} {
		if out, err := exec.Command(sh, "-c", "echo escaped").CombinedOutput(); err == nil {
			fmt.Printf("%s ran: %s", sh, out)
			os.Exit(3)
		}
	}
	fmt.Println("exec: no shell")
}
