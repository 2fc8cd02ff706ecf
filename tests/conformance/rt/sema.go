// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the GO-LICENSE file.

// The parts of Go 1.26 src/runtime/sema.go that sync.Mutex and sync.RWMutex reach: semacquire1,
// semrelease1, cansemacquire and semaRoot.queue/dequeue, with their control flow kept. What is
// left out, and why it changes nothing here:
//   - semtable hashes addresses into 251 roots, each a treap of addresses with a wait list per
//     address. Here every semaphore address has its own root, so the treap has one node and only
//     the per-address wait list (head sudog, waitlink, waittail) remains; its LIFO/FIFO order is
//     the one queue() builds.
//   - root.lock, profiling (acquiretime, releasetime, blockevent, mutexevent) and sudog caching do
//     not change the order of anything while only one goroutine runs at a time.
//   - The atomics are plain operations for the same reason.

package rt

type sudog struct {
	g        *G
	ticket   uint32
	waitlink *sudog // next waiter on the same address
	waittail *sudog // the last waiter (kept in the head only)
}

type semaRoot struct {
	head  *sudog // the treap node for the one address: the head of its wait list
	nwait uint32 // Number of waiters. Read w/o the lock.
}

func rootFor(addr *uint32) *semaRoot {
	r := sched.roots[addr]
	if r == nil {
		r = &semaRoot{}
		sched.roots[addr] = r
	}
	return r
}

// Semacquire1 is semacquire1 (sema.go:146). It reports whether the goroutine parked: Mutex's
// stand-in for runtime_SemacquireMutex needs to know (see isync/runtime.go).
func Semacquire1(addr *uint32, lifo bool, reason string) (parked bool) {
	// Easy case.
	if cansemacquire(addr) {
		return false
	}

	// Harder case:
	//	increment waiter count
	//	try cansemacquire one more time, return if succeeded
	//	enqueue itself as a waiter
	//	sleep
	//	(waiter descriptor is dequeued by signaler)
	s := &sudog{}
	root := rootFor(addr)
	s.ticket = 0
	for {
		// Add ourselves to nwait to disable "easy case" in semrelease.
		root.nwait++
		// Check cansemacquire to avoid missed wakeup.
		if cansemacquire(addr) {
			root.nwait--
			break
		}
		// Any semrelease after the cansemacquire knows we're waiting
		// (we set nwait above), so go to sleep.
		root.queue(addr, s, lifo)
		gopark(reason)
		if s.ticket != 0 || cansemacquire(addr) {
			break
		}
	}
	return true
}

// Semrelease1 is semrelease1 (sema.go:207).
func Semrelease1(addr *uint32, handoff bool) {
	root := rootFor(addr)
	*addr++ // atomic.Xadd(addr, 1)

	// Easy case: no waiters?
	// This check must happen after the xadd, to avoid a missed wakeup
	// (see loop in semacquire).
	if root.nwait == 0 {
		return
	}

	// Harder case: search for a waiter and wake it.
	s := root.dequeue(addr)
	if s != nil {
		root.nwait--
	}
	if s != nil { // May be slow or even yield, so unlock first
		if s.ticket != 0 {
			panic("corrupted semaphore ticket") // throw
		}
		if handoff && cansemacquire(addr) {
			s.ticket = 1
		}
		Goready(s.g) // readyWithTime(s, 5+skipframes)
		if s.ticket == 1 {
			// Direct G handoff: readyWithTime has added the waiter G as runnext in the
			// current P; we now call the scheduler so that we start running the waiter G
			// immediately.
			goyield()
		}
	}
}

// cansemacquire is sema.go:291.
func cansemacquire(addr *uint32) bool {
	for {
		v := *addr
		if v == 0 {
			return false
		}
		*addr = v - 1 // atomic.Cas(addr, v, v-1) cannot fail: nothing else runs
		return true
	}
}

// queue is semaRoot.queue (sema.go:304) for an address that has a root of its own.
func (root *semaRoot) queue(addr *uint32, s *sudog, lifo bool) {
	s.g = sched.cur
	if t := root.head; t != nil {
		// Already have addr in list.
		if lifo {
			// Substitute s in t's place in treap.
			root.head = s
			// Add t first in s's wait list.
			s.waitlink = t
			s.waittail = t.waittail
			if s.waittail == nil {
				s.waittail = t
			}
			t.waittail = nil
		} else {
			// Add s to end of t's wait list.
			if t.waittail == nil {
				t.waitlink = s
			} else {
				t.waittail.waitlink = s
			}
			t.waittail = s
			s.waitlink = nil
		}
		return
	}
	// Add s as new leaf in tree of unique addrs.
	s.waitlink = nil
	s.waittail = nil
	root.head = s
}

// dequeue is semaRoot.dequeue (sema.go:405): the head of addr's wait list.
func (root *semaRoot) dequeue(addr *uint32) (found *sudog) {
	s := root.head
	if s == nil {
		return nil
	}
	if t := s.waitlink; t != nil {
		// Substitute t, also waiting on addr, for s in root tree of unique addrs.
		root.head = t
		if t.waitlink != nil {
			t.waittail = s.waittail
		} else {
			t.waittail = nil
		}
		s.waitlink = nil
		s.waittail = nil
	} else {
		root.head = nil
	}
	return s
}

// Waiters lists the goroutines parked on addr, head first (for the comparison).
func Waiters(addr *uint32) []string {
	out := []string{}
	for s := rootFor(addr).head; s != nil; s = s.waitlink {
		out = append(out, s.g.ID)
	}
	return out
}
