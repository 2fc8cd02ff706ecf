package timeline

import "strings"

// WrapperPrefix starts every function of the files the runner adds to a traced build: the run
// wrapper in package main (playground/src/trace/wrapper.ts, WRAPPER_FUNC_PREFIX) and the stall
// watcher's test file in the learner's test package (test-watcher.ts). Their goroutines are not
// the learner's.
const WrapperPrefix = "lockstepTrace"

// WrapperSave completes the trace; once it runs, the learner's program has ended or the watcher
// stopped tracing (WRAPPER_SAVE_FUNC).
const WrapperSave = WrapperPrefix + "Save"

// WrapperWatch starts the stall watcher's functions (watcher-go.ts): a save it calls means every
// goroutine of the learner was waiting on another when tracing stopped.
const WrapperWatch = WrapperPrefix + "Watch"

// Goroutines that start in these packages belong to the runtime, the tracer or the signal relay
// (os/signal's loop, started by signal.Notify), not to the learner.
var hiddenStartPrefixes = []string{"runtime.", "runtime/", "internal/", "os/signal."}

// localName is a function's name without its package path ("lockstepTraceSave.func1" of
// "example.com/prog_test.lockstepTraceSave.func1").
func localName(fn string) string {
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		fn = fn[i+1:]
	}
	if i := strings.Index(fn, "."); i >= 0 {
		return fn[i+1:]
	}
	return fn
}

// IsWrapper reports whether a function is one of the generated files', in any package.
func IsWrapper(fn string) bool {
	return strings.HasPrefix(localName(fn), WrapperPrefix)
}

// The stall watcher's log event just before it stops tracing (watcher-go.ts): the trace is not
// cut by a crash but ended on purpose, with every goroutine of the learner waiting on another.
const (
	WatcherLogCategory = "lockstep"
	WatcherLogMessage  = "stopped_all_waiting"
)

// WatcherStopLog reports whether a log event is the watcher's: its text, logged from the watcher's
// own function (a learner's trace.Log of the same text is an ordinary log).
func WatcherStopLog(category, message string, stack []Frame) bool {
	if category != WatcherLogCategory || message != WatcherLogMessage {
		return false
	}
	for _, f := range stack {
		if IsWatcher(f.Func) {
			return true
		}
	}
	return false
}

// IsWatcher reports whether a function is the stall watcher's.
func IsWatcher(fn string) bool {
	return strings.HasPrefix(localName(fn), WrapperWatch)
}

// Hidden reports whether a goroutine belongs to the runtime, the tracer or the trace wrapper. One
// whose start is unknown is shown: the timeline does not hide what it cannot name.
func Hidden(id int64, startFunc string) bool {
	if id == 1 {
		return false // runtime.main runs main.main
	}
	for _, p := range hiddenStartPrefixes {
		if strings.HasPrefix(startFunc, p) {
			return true
		}
	}
	return IsWrapper(startFunc)
}

// StartFromStack names the function a goroutine started with, from any of its stacks (innermost
// first): the outermost frame, but main.main for runtime.main, and never runtime.goexit.
func StartFromStack(stack []Frame) string {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].Func {
		case "runtime.goexit":
			continue
		case "runtime.main":
			return "main.main"
		}
		return stack[i].Func
	}
	return ""
}

// IsWrapperSave reports whether a function is the wrapper's save or a closure inside it (the
// runtime prints an inlined closure as "main.lockstepTraceOnQuit.lockstepTraceSave.func1").
func IsWrapperSave(fn string) bool {
	local := localName(fn)
	return local == WrapperSave || strings.HasPrefix(local, WrapperSave+".") || strings.Contains(local, "."+WrapperSave+".")
}

// TrimRuntimeTop drops the runtime's own frames (gopark, semacquire, …) above the first frame of
// any other package, so a stack starts where the learner's call entered the runtime. A stack of
// runtime frames only is kept whole.
func TrimRuntimeTop(stack []Frame) []Frame {
	for i, f := range stack {
		if !strings.HasPrefix(f.Func, "runtime.") && !strings.HasPrefix(f.Func, "internal/") {
			return stack[i:]
		}
	}
	return stack
}

// StripFile removes the first matching prefix (the build directory, GOROOT/src/) from a path.
func StripFile(file string, prefixes []string) string {
	for _, p := range prefixes {
		if p != "" && strings.HasPrefix(file, p) {
			return file[len(p):]
		}
	}
	return file
}
