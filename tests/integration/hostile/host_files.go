// Tries to read host files and list host directories. Exits 3 if it can.
// (/proc shows only the sandbox's own processes; server_env.go checks their environments.)
package main

import (
	"fmt"
	"os"
)

func main() {
	leaked := false
	for _, path := range []string{"/etc/shadow", "/etc/passwd", "/root/.bashrc", "/work", "/home", "/usr/local/go/VERSION", "/sys/fs/cgroup"} {
		if _, err := os.ReadFile(path); err == nil {
			fmt.Println("read", path)
			leaked = true
		}
		if entries, err := os.ReadDir(path); err == nil && len(entries) > 0 {
			fmt.Println("listed", path)
			leaked = true
		}
	}
	if leaked {
		os.Exit(3)
	}
	fmt.Println("host files: none readable")
}
