// Package pool runs tasks on a fixed number of worker goroutines.
package pool

import "errors"

// ErrClosed is returned by Submit once Close has been called.
var ErrClosed = errors.New("pool: closed")

// Pool runs submitted tasks on at most n goroutines at a time. Create one
// with New and call Close when done with it.
//
// This placeholder is not a pool yet: Submit runs the task in the caller's
// goroutine, so any number of tasks run at once, and Close stops nothing.
type Pool struct{}

// New returns a pool that runs at most n tasks at a time (n >= 1).
func New(n int) *Pool {
	return &Pool{}
}

// Submit hands task to a worker, waiting while all n workers are busy. It
// returns nil once a worker has taken the task, or ErrClosed, without
// running the task, when the pool is closed before a worker takes it.
func (p *Pool) Submit(task func()) error {
	task()
	return nil
}

// Close stops the pool: later Submits return ErrClosed, Submits waiting for
// a worker return ErrClosed, and Close returns once every task already taken
// by a worker has finished and every worker goroutine has exited. Calling
// Close again does nothing.
func (p *Pool) Close() {}
