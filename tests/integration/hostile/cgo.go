// User cgo must be refused: it would run a C compiler on the learner's code.
package main

/*
#include <stdlib.h>
static int answer(void) { return system("id"); }
*/
import "C"

import "fmt"

func main() {
	fmt.Println(C.answer())
}
