// Tries to write outside /tmp. Exits 3 if any write succeeds.
package main

import (
	"fmt"
	"os"
)

func main() {
	wrote := false
	for _, path := range []string{"/escape.txt", "/sandbox/escape.txt", "/sandbox/src/escape.txt", "/etc/escape.txt", "/usr/escape.txt", "/dev/shm/escape.txt", "/proc/escape.txt"} {
		if err := os.WriteFile(path, []byte("x"), 0o644); err == nil {
			fmt.Println("wrote", path)
			wrote = true
		}
	}
	if wrote {
		os.Exit(3)
	}
	fmt.Println("writes outside /tmp: all refused")
}
