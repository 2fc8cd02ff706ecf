// The runtime functions sync links to (sync/runtime.go declares them; the runtime implements them
// in sema.go), backed by the deterministic scheduler in ../rt. Unlike the Mutex's, the RWMutex
// model gives these hooks no steps of their own: they run inside the step that calls them, and a
// goroutine that parks continues in a new step (`woken`) once readied and granted one.

package rwsync

import "lockstep.dev/conformance/rt"

// runtime_SemacquireRWMutexR is sema.go sync_runtime_SemacquireRWMutexR → semacquire1(addr, lifo,
// semaBlockProfile|semaMutexProfile, skipframes, waitReasonSyncRWMutexRLock).
func runtime_SemacquireRWMutexR(s *uint32, lifo bool, skipframes int) {
	rt.Semacquire1(s, lifo, "sync.RWMutex.RLock")
}

// runtime_SemacquireRWMutex is sema.go sync_runtime_SemacquireRWMutex (waitReasonSyncRWMutexLock).
func runtime_SemacquireRWMutex(s *uint32, lifo bool, skipframes int) {
	rt.Semacquire1(s, lifo, "sync.RWMutex.Lock")
}

// runtime_Semrelease is sema.go sync_runtime_Semrelease → semrelease1(addr, handoff, skipframes).
func runtime_Semrelease(s *uint32, handoff bool, skipframes int) {
	rt.Semrelease1(s, handoff)
}

// fatal is runtime.fatal (sync/runtime.go links it).
func fatal(s string) { rt.Fatal(s) }
