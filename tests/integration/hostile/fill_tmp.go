// Writes to /tmp until the filesystem says no; the cap must hold.
package main

import (
	"fmt"
	"os"
)

func main() {
	f, err := os.Create("/tmp/fill")
	if err != nil {
		fmt.Println("create failed:", err)
		return
	}
	chunk := make([]byte, 1<<20)
	total := 0
	for {
		n, err := f.Write(chunk)
		total += n
		if err != nil {
			fmt.Printf("stopped after %d MiB: %v\n", total>>20, err)
			return
		}
		if total > 4<<30 {
			fmt.Println("wrote 4 GiB to /tmp: no cap")
			os.Exit(3)
		}
	}
}
