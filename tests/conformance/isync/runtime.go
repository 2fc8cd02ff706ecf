// The runtime functions internal/sync links to (internal/sync/runtime.go declares them; the
// runtime implements them in sema.go, proc.go and time), here backed by the deterministic
// scheduler in ../rt. Where the TypeScript model starts a micro-step inside a hook, the hook marks
// it with rt.Step.

package isync

import "lockstep.dev/conformance/rt"

// runtime_SemacquireMutex is sema.go internal_sync_runtime_SemacquireMutex → semacquire1(addr,
// lifo, semaBlockProfile|semaMutexProfile, skipframes, waitReasonSyncMutexLock).
//
// Steps: the call is the model's `semacquire` step. A goroutine that parks continues in a new step
// (`woken`) when granted one after the release readied it. The model also shows the fast path's
// success as its own `woken` step before lockSlow goes on, so the copy stops there too: a real
// goroutine can be preempted at that point, so this is one more real interleaving, not a new one.
func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int) {
	rt.Step("semacquire") // step
	if !rt.Semacquire1(s, lifo, "sync.Mutex.Lock") {
		rt.Step("woken") // step
	}
}

// runtime_Semrelease is sema.go internal_sync_runtime_Semrelease → semrelease1(addr, handoff,
// skipframes); the model gives it a step of its own (`semrelease`).
func runtime_Semrelease(s *uint32, handoff bool, skipframes int) {
	rt.Step("semrelease") // step
	rt.Semrelease1(s, handoff)
}

// runtime_canSpin is proc.go internal_sync_runtime_canSpin.
func runtime_canSpin(i int) bool { return rt.CanSpin(i) }

// runtime_doSpin is proc.go internal_sync_runtime_doSpin.
func runtime_doSpin() { rt.DoSpin() }

// runtime_nanotime is time.go's nanotime, the case's clock.
func runtime_nanotime() int64 { return rt.Nanotime() }

// throw and fatal are runtime.throw / runtime.fatal (internal/sync/runtime.go links both).
func throw(s string) { rt.Fatal(s) }
func fatal(s string) { rt.Fatal(s) }
