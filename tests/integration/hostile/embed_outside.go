// go:embed may not reach outside the package directory.
package main

import (
	_ "embed"
	"fmt"
)

//go:embed ../../../etc/passwd
var passwd string

func main() {
	fmt.Println(passwd)
}
