/**
 * Pure: the Go text of the stall watcher that a traced program carries (the run wrapper's file and
 * the test file of test-watcher.ts), as templates with {placeholders}.
 *
 * Why it exists: while tracing is on, the runtime's tracer goroutines wake on timers every 50–100
 * ms, so from /proc a traced deadlock looks like a program sleeping in a loop and the watchdog
 * never stalls it (sandbox/README.md, "Traced runs"). From inside, the program can see what /proc
 * cannot: every goroutine's wait reason. When every goroutine of the learner waits in a state that
 * only another goroutine can end, twice in a row with the same stacks, the watcher completes the
 * trace and returns; the tracer's goroutines exit with it, and the process looks to the watchdog
 * exactly like an untraced one, so the watchdog's own rule (no CPU and no pending timer) decides.
 * Channel waits, select with cases, sleep, IO wait and syscalls never count: a timer the watcher
 * cannot see (time.After, ctx.Done()) may end them.
 */

/** The watcher's functions; {save} is the function that completes the trace once. */
export const WATCHER_FUNCS = `
// lockstepTraceStuckStates are the wait reasons (runtime2.go, waitReasonStrings) that only another
// goroutine can end: no timer and no outside event wakes them.
var lockstepTraceStuckStates = map[string]bool{
	"sync.Mutex.Lock":         true,
	"sync.RWMutex.Lock":       true,
	"sync.RWMutex.RLock":      true,
	"sync.WaitGroup.Wait":     true,
	"sync.Cond.Wait":          true,
	"semacquire":              true,
	"select (no cases)":       true,
	"chan send (nil chan)":    true,
	"chan receive (nil chan)": true,
}

// lockstepTraceWatch looks at every goroutine every {periodMs} ms, or less often when a look is
// costly. When all of the learner's wait on each other on two looks in a row with the same stacks,
// it completes the trace and returns, so nothing of the tracer (nor this loop's own timer) hides
// the stall from the watchdog outside.
func lockstepTraceWatch() {
	buf := make([]byte, 64<<10)
	previous := ""
	wait := {periodMs} * time.Millisecond
	for {
		time.Sleep(wait)
		began := time.Now()
		n := runtime.Stack(buf, true)
		if n == len(buf) {
			// A cut dump could hide a running goroutine: look again with room for all of them.
			if len(buf) < 16<<20 {
				buf = make([]byte, 2*len(buf))
			}
			previous = ""
			continue
		}
		stacks, stuck := lockstepTraceStuck(string(buf[:n]))
		// runtime.Stack stops the world (~3 ms for 1000 goroutines under -race, ~70 ms for 10 000):
		// the pause between looks is at least 20 times the look, so watching costs at most ~5 %.
		wait = max({periodMs}*time.Millisecond, 20*time.Since(began))
		if !stuck {
			previous = ""
			continue
		}
		if stacks == previous {
			// The converter ends the timeline at this event and knows why (stopped_all_waiting).
			trace.Log(context.Background(), "lockstep", "stopped_all_waiting")
			{save}()
			return
		}
		previous = stacks
	}
}

// lockstepTraceStuck reads a runtime.Stack dump of all goroutines: the learner's goroutines' text
// (the wait's length left out, it grows) and whether there is at least one and every one of them
// waits in a stuck state.
func lockstepTraceStuck(dump string) (string, bool) {
	var kept strings.Builder
	learners := 0
	for _, g := range strings.Split(dump, "\\n\\n") {
		header, body, _ := strings.Cut(g, "\\n")
		open := strings.Index(header, " [")
		if !strings.HasPrefix(header, "goroutine ") || open < 0 || !strings.HasSuffix(header, "]:") {
			return "", false // not a dump we can read: never stop on it
		}
		if lockstepTraceNotLearners(body) {
			continue
		}
		state, _, _ := strings.Cut(header[open+2:len(header)-2], ", ") // ", 3 minutes", ", locked to thread"
		if !lockstepTraceStuckStates[state] {
			return "", false
		}
		learners++
		kept.WriteString(header[:open] + " [" + state + "]\\n" + body + "\\n")
	}
	return kept.String(), learners > 0
}

// lockstepTraceNotLearners reports whether a goroutine (its dump without the header) belongs to
// this file, the tracer, the signal relay or the runtime, or is the testing framework waiting for
// a test: the first frame outside runtime and sync is in package testing (tRunner, (*T).Run,
// runTests…), which only a test goroutine wakes.
func lockstepTraceNotLearners(body string) bool {
	if strings.Contains(body, ".lockstepTrace") {
		return true
	}
	creator := ""
	if i := strings.LastIndex(body, "\\ncreated by "); i >= 0 {
		creator = body[i+len("\\ncreated by "):]
	} else if strings.HasPrefix(body, "created by ") {
		creator = body[len("created by "):]
	}
	for _, p := range []string{"runtime.", "runtime/", "internal/", "os/signal."} {
		if strings.HasPrefix(creator, p) {
			return true
		}
	}
	for _, line := range strings.Split(body, "\\n") {
		if line == "" || line[0] == '\\t' || line[0] == ' ' {
			continue // a file:line, not a function
		}
		if strings.HasPrefix(line, "runtime.") || strings.HasPrefix(line, "internal/") || strings.HasPrefix(line, "sync.") {
			continue
		}
		return strings.HasPrefix(line, "testing.")
	}
	return false
}
`;

/**
 * How often the watcher looks at most, in ms: two looks decide, so a stall is seen after ~200–300
 * ms (longer for programs with thousands of goroutines, whose dumps are costly).
 */
export const WATCH_PERIOD_MS = 100;

/**
 * The Go test file (package {pkg}) a traced `go test` gets beside the learner's tests. The test
 * binary traces itself (-test.trace, started by testing's M.Run); this file only stops it early.
 * testing stops the trace again at exit: trace.Stop without tracing does nothing (measured: README).
 */
export const TEST_WATCHER_FILE = `// Code generated by Lockstep to end a traced test's stall early; DO NOT EDIT.

package {pkg}

import (
	"context"
	"runtime"
	"runtime/trace"
	"strings"
	"time"
)

func init() { go lockstepTraceWatchTraced() }

// lockstepTraceWatchTraced waits until testing's M.Run has started the trace, then watches: a stop
// before the start would be lost, and the trace started afterwards would run on.
func lockstepTraceWatchTraced() {
	for !trace.IsEnabled() {
		time.Sleep({periodMs} * time.Millisecond)
	}
	lockstepTraceWatch()
}

// lockstepTraceSave completes the trace that -test.trace started; the watcher calls it once.
func lockstepTraceSave() {
	trace.Stop()
}
{watcher}`;
