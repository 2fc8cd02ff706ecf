// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the GO-LICENSE file.

// A copy of Go 1.26 src/sync/rwmutex.go (RLock, RUnlock, rUnlockSlow, Lock, Unlock; the same
// constant, atomics and control flow, diffable by eye), with three kinds of change:
//   - race.* calls are gone (they change no state);
//   - `rt.Step("…") // step` lines mark where the TypeScript model
//     (components/visualizer/models/rwmutex/read.ts, write.ts) starts its next micro-step;
//   - w is the writer lock the model declares as its simplification (writer.go): a lock with a
//     FIFO queue that Unlock hands straight to the next writer. The real w is a sync.Mutex, whose
//     own algorithm ../isync checks against the mutex model.
// The runtime hooks it calls are in runtime.go.

package rwsync

import (
	"sync/atomic"

	"lockstep.dev/conformance/rt"
)

// A RWMutex is a reader/writer mutual exclusion lock. (rwmutex.go:39)
type RWMutex struct {
	w           writerLock   // held if there are pending writers
	writerSem   uint32       // semaphore for writers to wait for completing readers
	readerSem   uint32       // semaphore for readers to wait for completing writers
	readerCount atomic.Int32 // number of pending readers
	readerWait  atomic.Int32 // number of departing readers
}

const rwmutexMaxReaders = 1 << 30

// RLock locks rw for reading. (rwmutex.go:67)
func (rw *RWMutex) RLock() {
	if rw.readerCount.Add(1) < 0 {
		// A writer is pending, wait for it.
		rt.Step("rlockSem") // step
		runtime_SemacquireRWMutexR(&rw.readerSem, false, 0)
	}
}

// RUnlock undoes a single [RWMutex.RLock] call. (rwmutex.go:114)
func (rw *RWMutex) RUnlock() {
	if r := rw.readerCount.Add(-1); r < 0 {
		// Outlined slow-path to allow the fast-path to be inlined
		rt.Step("runlockSlow") // step
		rw.rUnlockSlow(r)
	}
}

// rUnlockSlow is rwmutex.go:129.
func (rw *RWMutex) rUnlockSlow(r int32) {
	if r+1 == 0 || r+1 == -rwmutexMaxReaders {
		fatal("sync: RUnlock of unlocked RWMutex")
	}
	// A writer is pending.
	if rw.readerWait.Add(-1) == 0 {
		// The last reader unblocks the writer.
		runtime_Semrelease(&rw.writerSem, false, 1)
	}
}

// Lock locks rw for writing. (rwmutex.go:144)
func (rw *RWMutex) Lock() {
	// First, resolve competition with other writers.
	rw.w.Lock()
	rt.Step("lockAnnounce") // step
	// Announce to readers there is a pending writer.
	r := rw.readerCount.Add(-rwmutexMaxReaders) + rwmutexMaxReaders
	if r != 0 {
		rt.Step("lockWait") // step: the model splits the next line's two atomics
	}
	// Wait for active readers.
	if r != 0 && rw.readerWait.Add(r) != 0 {
		runtime_SemacquireRWMutex(&rw.writerSem, false, 0)
	}
}

// Unlock unlocks rw for writing. (rwmutex.go:201)
func (rw *RWMutex) Unlock() {
	// Announce to readers there is no active writer.
	r := rw.readerCount.Add(rwmutexMaxReaders)
	if r >= rwmutexMaxReaders {
		fatal("sync: Unlock of unlocked RWMutex")
	}
	rt.Step("unlockRelease") // step
	// Unblock blocked readers, if any.
	for i := 0; i < int(r); i++ {
		runtime_Semrelease(&rw.readerSem, false, 0)
	}
	rt.Step("unlockW") // step
	// Allow other writers to proceed.
	rw.w.Unlock()
}

// ReaderCount, ReaderWait, WriterSem, ReaderSem and W expose the fields for the comparison.
func (rw *RWMutex) ReaderCount() int32 { return rw.readerCount.Load() }
func (rw *RWMutex) ReaderWait() int32  { return rw.readerWait.Load() }
func (rw *RWMutex) WriterSem() *uint32 { return &rw.writerSem }
func (rw *RWMutex) ReaderSem() *uint32 { return &rw.readerSem }
func (rw *RWMutex) W() *writerLock     { return &rw.w }
