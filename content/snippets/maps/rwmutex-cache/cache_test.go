package cache

import (
	"fmt"
	"sync"
	"testing"
)

func TestConcurrentGetSet(t *testing.T) {
	c := New()
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				c.Set(fmt.Sprint("k", i%10), fmt.Sprint(w))
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				c.Get(fmt.Sprint("k", i%10))
			}
		}()
	}
	wg.Wait()
	if _, ok := c.Get("k3"); !ok {
		t.Fatal("k3 missing after the writers finished")
	}
}
