package stats

import (
	"cmp"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// clearMargin: the holder named must have caused this many times the waiting
// of any other for the question to have one answer. The starter's gap is far
// wider on every machine measured; a smaller one means stats.go was changed.
const clearMargin = 3

// method is the Stats method a function belongs to ("Trim" for
// stats.(*Stats).Trim and its closures), or a plain function's name.
var method = regexp.MustCompile(`^stats\.(?:\(\*?Stats\)\.)?([A-Za-z0-9_]+)`)

// waitingCaused sums the mutex profile by the function of this package that
// called a sync mutex's Unlock. The runtime charges a wait, and the waits
// queued behind it, to the Unlock that ended it: the edge the timeline draws.
func waitingCaused() (cycles, waits map[string]int64) {
	var records []runtime.BlockProfileRecord
	n, ok := runtime.MutexProfile(nil)
	for !ok {
		records = make([]runtime.BlockProfileRecord, n+16)
		n, ok = runtime.MutexProfile(records)
	}
	cycles, waits = map[string]int64{}, map[string]int64{}
	for _, r := range records[:n] {
		frames := runtime.CallersFrames(r.Stack())
		unlocked := false // only sync's mutexes, not the runtime's own locks
		for {
			f, more := frames.Next()
			if strings.HasPrefix(f.Function, "sync.(*Mutex).Unlock") || strings.HasPrefix(f.Function, "sync.(*RWMutex).") {
				unlocked = true
			} else if m := method.FindStringSubmatch(f.Function); m != nil {
				if unlocked {
					cycles[m[1]] += r.Cycles
					waits[m[1]] += r.Count
				}
				break
			}
			if !more {
				break
			}
		}
	}
	return cycles, waits
}

// TestAnswerIsTheMeasuredHolder runs the busy day on your program with the
// mutex profile on and checks SlowHolder against what it measured.
func TestAnswerIsTheMeasuredHolder(t *testing.T) {
	if answer() == "" {
		t.Fatal("SlowHolder is empty")
	}
	defer runtime.SetMutexProfileFraction(runtime.SetMutexProfileFraction(1))
	before, beforeWaits := waitingCaused()
	busyDay(New(window))
	caused, causedWaits := waitingCaused()

	var total, waits int64
	names := make([]string, 0, len(caused))
	for name := range caused {
		caused[name] -= before[name]
		total += caused[name]
		waits += causedWaits[name] - beforeWaits[name]
		names = append(names, name)
	}
	if total <= 0 {
		t.Fatal("no goroutine waited for s.mu during the busy day: with no waiting there is no holder to name")
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(cmp.Compare(caused[b], caused[a]), strings.Compare(a, b)) })
	percent := func(name string) string { return fmt.Sprintf("%.1f%%", 100*float64(caused[name])/float64(total)) }

	if len(names) > 1 && caused[names[0]] < clearMargin*caused[names[1]] {
		t.Fatalf("measured over %d waits for s.mu: the Unlock that ended the most waiting ended %s of it, less than %d times the next (%s): in this version of stats.go no one critical section stands out. Answer about stats.go as the exercise gives it.",
			waits, percent(names[0]), clearMargin, percent(names[1]))
	}
	if got := answer(); got != names[0] {
		t.Fatalf("SlowHolder = %q: measured over %d waits for s.mu, the waits that %s's Unlock ended are %s of all the waiting; another operation's Unlock ended far more. Look again at whose Unlock woke the long waits.",
			SlowHolder, waits, got, percent(got))
	}
	others := make([]string, 0, len(names))
	for _, name := range names[1:] {
		others = append(others, name+" "+percent(name))
	}
	t.Logf("measured over %d waits for s.mu, the Unlock that ended them: %s %s; the others: %s",
		waits, names[0], percent(names[0]), strings.Join(others, ", "))
}
