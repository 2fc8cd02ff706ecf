// Package pool runs tasks on a fixed number of worker goroutines.
package pool

import (
	"errors"
	"sync"
)

// ErrClosed is returned by Submit once Close has been called.
var ErrClosed = errors.New("pool: closed")

// Pool runs submitted tasks on at most n goroutines at a time. Create one
// with New and call Close when done with it.
//
// The tasks channel is unbuffered and never closed: a task is accepted only
// when a worker receives it, so "Submit returned nil" means "a worker has
// it", and no Submit can ever send on a closed channel. Shutdown is a
// separate channel, quit, which both Submit and the workers select on.
type Pool struct {
	tasks   chan func()
	quit    chan struct{}
	once    sync.Once
	workers sync.WaitGroup
}

// New returns a pool that runs at most n tasks at a time (n >= 1).
func New(n int) *Pool {
	p := &Pool{tasks: make(chan func()), quit: make(chan struct{})}
	for range n {
		p.workers.Go(p.work)
	}
	return p
}

// work runs tasks until the pool is closed. A worker that is running a task
// finishes it first, so Close's Wait also waits for in-flight work.
func (p *Pool) work() {
	for {
		select {
		case task := <-p.tasks:
			task()
		case <-p.quit:
			return
		}
	}
}

// Submit hands task to a worker, waiting while all n workers are busy. It
// returns nil once a worker has taken the task, or ErrClosed, without
// running the task, when the pool is closed before a worker takes it.
func (p *Pool) Submit(task func()) error {
	select {
	case p.tasks <- task:
		return nil
	case <-p.quit:
		return ErrClosed
	}
}

// Close stops the pool: later Submits return ErrClosed, Submits waiting for
// a worker return ErrClosed, and Close returns once every task already taken
// by a worker has finished and every worker goroutine has exited. Calling
// Close again does nothing.
func (p *Pool) Close() {
	p.once.Do(func() { close(p.quit) })
	p.workers.Wait()
}
