// Copyright 2014 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the GO-LICENSE file.

// Go 1.26 src/runtime/proc.go internal_sync_runtime_canSpin and internal_sync_runtime_doSpin, with
// the machine's state (CPU count, GOMAXPROCS, idle and spinning Ps, this P's run queue) read from
// the case's SpinEnv instead. The constants are src/runtime/lock_spinbit.go's.

package rt

const (
	active_spin     = 4  // referenced in proc.go for sync.Mutex implementation
	active_spin_cnt = 30 // referenced in proc.go for sync.Mutex implementation
)

// CanSpin is internal_sync_runtime_canSpin (proc.go:7938). Go 1.24 reads ncpu where 1.25 and 1.26
// reads numCPUStartup; both are the CPU count, which SpinEnv.NumCPUStartup stands for.
func CanSpin(i int) bool {
	env := sched.Env
	// sync.Mutex is cooperative, so we are conservative with spinning.
	// Spin only few times and only if running on a multicore machine and
	// GOMAXPROCS>1 and there is at least one other running P and local runq is empty.
	// As opposed to runtime mutex we don't do passive spinning here,
	// because there can be work on global runq or on other Ps.
	if i >= active_spin || env.NumCPUStartup <= 1 || env.Gomaxprocs <= env.Npidle+env.Nmspinning+1 {
		return false
	}
	if !env.LocalRunqEmpty {
		return false
	}
	return true
}

// DoSpin is internal_sync_runtime_doSpin (proc.go:7955): procyield(active_spin_cnt) burns CPU
// cycles and changes no state, and takes no time on the case's clock.
func DoSpin() {}
