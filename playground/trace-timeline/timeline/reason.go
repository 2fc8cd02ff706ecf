package timeline

import "strings"

// Wait reasons: the closed list a waiting or syscall span carries.
const (
	ReasonMutex        = "mutex"
	ReasonRWMutexRead  = "rwmutex_read"
	ReasonRWMutexWrite = "rwmutex_write"
	ReasonWaitGroup    = "waitgroup"
	ReasonCond         = "cond"
	ReasonChanSend     = "chan_send"
	ReasonChanRecv     = "chan_recv"
	ReasonSelect       = "select"
	ReasonSleep        = "sleep"
	ReasonSyscall      = "syscall"
	ReasonGCAssist     = "gc_assist"
	ReasonOther        = "other"
)

// The sync methods a learner calls that can block, by the code of the wait.
var syncWaits = map[string]string{
	"sync.(*Mutex).Lock":       ReasonMutex,
	"sync.(*RWMutex).RLock":    ReasonRWMutexRead,
	"sync.(*RWMutex).Lock":     ReasonRWMutexWrite,
	"sync.(*WaitGroup).Wait":   ReasonWaitGroup,
	"sync.(*Cond).Wait":        ReasonCond,
	"sync.(*Mutex).TryLock":    ReasonMutex, // never blocks; listed so it is not "other" if it ever does
	"sync.(*RWMutex).TryLock":  ReasonRWMutexWrite,
	"sync.(*RWMutex).TryRLock": ReasonRWMutexRead,
}

// WaitReason turns the runtime's block reason (the strings of runtime/traceruntime.go's
// traceBlockReasonStrings) and the blocking stack (innermost first) into a wait code.
//
// The runtime says only "sync" for every semaphore wait, so the kind of lock comes from the
// stack: the outermost sync frame of the run of std frames above the learner's code is the method
// the learner called. Innermost would be wrong: RWMutex.Lock first waits in the Mutex it embeds.
func WaitReason(runtimeReason string, stack []Frame) string {
	switch runtimeReason {
	case "sync", "sync.(*Cond).Wait":
		if code, ok := calledSyncMethod(stack); ok {
			return code
		}
		if runtimeReason == "sync.(*Cond).Wait" {
			return ReasonCond
		}
		return ReasonOther
	case "chan send":
		return ReasonChanSend
	case "chan receive":
		return ReasonChanRecv
	case "select":
		return ReasonSelect
	case "sleep":
		return ReasonSleep
	case "GC mark assist wait for work":
		return ReasonGCAssist
	case "forever", "":
		// "forever": select {} or a nil channel. "": a goroutine that was already waiting when the
		// trace began has no reason; its stack still tells.
		return reasonFromStack(stack)
	}
	return ReasonOther
}

// calledSyncMethod finds the sync method the learner's code called, if the stack is in one.
func calledSyncMethod(stack []Frame) (string, bool) {
	code, found := "", false
	for _, f := range stack {
		if !isStdFrame(f) {
			break
		}
		if c, ok := syncWaits[f.Func]; ok {
			code, found = c, true
		}
	}
	return code, found
}

// reasonFromStack recognises a wait from the blocking functions on its stack alone.
func reasonFromStack(stack []Frame) string {
	if code, ok := calledSyncMethod(stack); ok {
		return code
	}
	for _, f := range stack {
		switch f.Func {
		case "runtime.block", "runtime.selectgo":
			return ReasonSelect
		case "runtime.chansend", "runtime.chansend1":
			return ReasonChanSend
		case "runtime.chanrecv", "runtime.chanrecv1", "runtime.chanrecv2":
			return ReasonChanRecv
		case "time.Sleep":
			return ReasonSleep
		}
		if !isStdFrame(f) {
			break
		}
	}
	return ReasonOther
}

// isStdFrame reports whether a frame belongs to the standard library. A learner's file is flat
// ("main.go", "c_test.go" once the build directory is stripped), so a frame in a file without a
// slash is theirs; otherwise the function's import path (up to the first dot after its last
// slash) has no dot and is not main. (A test package is named after its module, "prog": the
// file tells it apart.)
func isStdFrame(f Frame) bool {
	if f.File != "" && !strings.Contains(f.File, "/") {
		return false
	}
	path := f.Func
	if slash := strings.LastIndexByte(path, '/'); slash >= 0 {
		if dot := strings.IndexByte(path[slash:], '.'); dot >= 0 {
			path = path[:slash+dot]
		}
	} else if dot := strings.IndexByte(path, '.'); dot >= 0 {
		path = path[:dot]
	}
	return path != "main" && !strings.Contains(path, ".")
}
