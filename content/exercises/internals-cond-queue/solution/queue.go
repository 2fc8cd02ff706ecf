// Package queue is a bounded FIFO queue for handing work from producers to
// consumers: Put waits while the queue is full, Get waits while it is empty.
package queue

import "sync"

// Queue is a bounded FIFO queue safe for concurrent use.
type Queue[T any] struct {
	mu       sync.Mutex
	notFull  *sync.Cond // a slot was freed: Put may proceed
	notEmpty *sync.Cond // an item was added: Get may proceed
	items    []T        // guarded by mu
	limit    int
}

// New returns an empty queue that holds at most capacity items (capacity >= 1).
func New[T any](capacity int) *Queue[T] {
	q := &Queue[T]{limit: capacity}
	q.notFull = sync.NewCond(&q.mu)
	q.notEmpty = sync.NewCond(&q.mu)
	return q
}

// Put appends v, waiting while the queue is full.
func (q *Queue[T]) Put(v T) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == q.limit { // recheck after every wakeup
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.notEmpty.Signal() // one item: one getter can use it
}

// Get removes and returns the oldest item, waiting while the queue is empty.
func (q *Queue[T]) Get() T {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 { // another goroutine may have taken the item first
		q.notEmpty.Wait()
	}
	v := q.items[0]
	var zero T
	q.items[0] = zero // do not keep a reference to the removed item
	q.items = q.items[1:]
	q.notFull.Signal() // one free slot: one putter can use it
	return v
}

// Len returns the number of items in the queue.
func (q *Queue[T]) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}
