// Every core spinning forever.
package main

import "runtime"

func main() {
	for i := 0; i < runtime.NumCPU()*4; i++ {
		go func() {
			for {
			}
		}()
	}
	select {}
}
