package queue

import (
	"runtime"
	"sync"
	"testing"
	"time"
)

// TestGetWaitsWhenEmpty: a Get on an empty queue waits for the next Put.
func TestGetWaitsWhenEmpty(t *testing.T) {
	q := New[int](4)
	got := make(chan int)
	go func() { got <- q.Get() }()
	waitBlocked(t, "Get", 1)
	q.Put(7)
	select {
	case v := <-got:
		if v != 7 {
			t.Fatalf("Get() = %d, want 7", v)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Put added an item, but the waiting Get was never woken")
	}
}

// TestWakeupTakenByAnother: a waiting Get is woken by a Put, but another
// Get takes the item before the woken one runs. The woken Get must notice
// that the queue is empty again and keep waiting.
func TestWakeupTakenByAnother(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // one P: the woken Get runs only when we block
	q := New[int](4)
	got := make(chan int, 1)
	go func() { got <- q.Get() }()
	waitBlocked(t, "Get", 1)
	q.Put(1)                  // wakes the waiting Get...
	if v := q.Get(); v != 1 { // ...but this Get takes the item first
		t.Fatalf("Get() = %d, want 1", v)
	}
	waitBlocked(t, "Get", 1) // the woken Get must be waiting again
	select {
	case v := <-got:
		t.Fatalf("a Get on an empty queue returned %d", v)
	default:
	}
	q.Put(2)
	select {
	case v := <-got:
		if v != 2 {
			t.Fatalf("Get() = %d, want 2", v)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the waiting Get was not woken by the second Put")
	}
}

// TestManyProducersAndConsumers: 4 producers and 4 consumers share a queue
// of capacity 1, so both kinds wait often. Every item must arrive exactly
// once, each producer's items in order, and nobody may wait for ever.
func TestManyProducersAndConsumers(t *testing.T) {
	const producers, consumers, each = 4, 4, 300
	q := New[[2]int](1) // {producer, sequence number}
	var wg sync.WaitGroup
	results := make(chan [][2]int, consumers)
	for p := range producers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				q.Put([2]int{p, i})
			}
		}()
	}
	for range consumers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine [][2]int
			for range producers * each / consumers {
				mine = append(mine, q.Get())
			}
			results <- mine
		}()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(8 * time.Second):
		t.Fatal("producers and consumers still waiting after 8s: a wakeup was lost")
	}
	close(results)
	seen := make(map[[2]int]bool)
	for mine := range results {
		last := map[int]int{}
		for _, it := range mine {
			if seen[it] {
				t.Fatalf("item %v received twice", it)
			}
			seen[it] = true
			if prev, ok := last[it[0]]; ok && it[1] < prev {
				t.Fatalf("producer %d's item %d arrived after its item %d", it[0], it[1], prev)
			}
			last[it[0]] = it[1]
		}
	}
	if len(seen) != producers*each {
		t.Fatalf("received %d distinct items, want %d", len(seen), producers*each)
	}
}
