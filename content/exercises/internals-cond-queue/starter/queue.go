// Package queue is a bounded FIFO queue for handing work from producers to
// consumers: Put waits while the queue is full, Get waits while it is empty.
package queue

import "sync"

// Queue is a bounded FIFO queue safe for concurrent use.
type Queue[T any] struct {
	mu    sync.Mutex
	cond  *sync.Cond // signalled when the queue changes
	items []T        // guarded by mu
	limit int
}

// New returns an empty queue that holds at most capacity items (capacity >= 1).
func New[T any](capacity int) *Queue[T] {
	q := &Queue[T]{limit: capacity}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// Put appends v, waiting while the queue is full.
func (q *Queue[T]) Put(v T) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == q.limit {
		q.cond.Wait()
	}
	q.items = append(q.items, v)
	q.cond.Signal()
}

// Get removes and returns the oldest item, waiting while the queue is empty.
func (q *Queue[T]) Get() T {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

// Len returns the number of items in the queue.
func (q *Queue[T]) Len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}
