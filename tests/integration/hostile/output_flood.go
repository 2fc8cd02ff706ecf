// Prints lines forever.
package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("line", i, "of a flood that never ends")
	}
}
