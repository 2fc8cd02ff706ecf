// go:linkname to a runtime function that the runtime does not offer for linking.
package main

import (
	"fmt"
	_ "unsafe"
)

//go:linkname secureMode runtime.isSecureMode
func secureMode() bool

func main() {
	fmt.Println("secure mode:", secureMode())
}
