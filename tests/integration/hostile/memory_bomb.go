// Memory bomb: keep 64 MiB chunks alive until something stops us.
package main

import "fmt"

func main() {
	var keep [][]byte
	for i := 0; ; i++ {
		chunk := make([]byte, 64<<20)
		for j := range chunk {
			chunk[j] = byte(j)
		}
		keep = append(keep, chunk)
		fmt.Println("allocated", (i+1)*64, "MiB")
	}
}
