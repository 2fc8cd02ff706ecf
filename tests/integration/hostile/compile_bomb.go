// A compile bomb: a huge composite literal the compiler must materialise.
package main

import "fmt"

var table = [1 << 26]int{1<<26 - 1: 1}

type T0 struct{ a, b, c, d, e, f, g, h T1 }
type T1 struct{ a, b, c, d, e, f, g, h T2 }
type T2 struct{ a, b, c, d, e, f, g, h T3 }
type T3 struct{ a, b, c, d, e, f, g, h T4 }
type T4 struct{ a, b, c, d, e, f, g, h T5 }
type T5 struct{ a, b, c, d, e, f, g, h T6 }
type T6 struct{ a, b, c, d, e, f, g, h [1 << 20]byte }

var big T0

func main() {
	fmt.Println(len(table), big.a.a.a.a.a.a.h[0])
}
