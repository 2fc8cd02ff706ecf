package timeline

import "strings"

// WrapperPrefix starts every function of the file the runner adds to trace a program
// (playground/src/trace/wrapper.ts, WRAPPER_FUNC_PREFIX): its goroutine is not the learner's.
const WrapperPrefix = "main.lockstepTrace"

// WrapperSave writes the trace; once it runs, the learner's program has ended (WRAPPER_SAVE_FUNC).
const WrapperSave = WrapperPrefix + "Save"

// Goroutines that start in these packages belong to the runtime, the tracer or the signal relay
// (os/signal's loop, started by signal.Notify), not to the learner.
var hiddenStartPrefixes = []string{"runtime.", "runtime/", "internal/", "os/signal.", WrapperPrefix}

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
	return false
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
	return fn == WrapperSave || strings.HasPrefix(fn, WrapperSave+".") || strings.Contains(fn, "."+strings.TrimPrefix(WrapperSave, "main.")+".")
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
