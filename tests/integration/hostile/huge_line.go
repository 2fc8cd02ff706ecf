// One 16 MiB line with no newline.
package main

import (
	"bytes"
	"os"
)

func main() {
	os.Stdout.Write(bytes.Repeat([]byte{'x'}, 16<<20))
}
