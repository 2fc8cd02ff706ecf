package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// wait is what a learner should read off one wait: its code, the line of main.go it blocked at,
// and the line of main.go the waking goroutine was at (0: nobody woke it).
type wait struct {
	reason   string
	line     int
	wakeLine int
}

// learnerLine is the line of the innermost frame in a learner's file (flat: main.go, x_test.go).
func learnerLine(stack []Frame) int {
	for _, f := range stack {
		if !strings.Contains(f.File, "/") {
			return f.Line
		}
	}
	return -1
}

func waits(tl *Timeline) []wait {
	var out []wait
	for _, s := range tl.Spans {
		if s.State != StateWaiting {
			continue
		}
		w := wait{reason: s.Reason, line: learnerLine(s.Stack)}
		if s.WokenBy != nil {
			w.wakeLine = learnerLine(s.WokenBy.Stack)
		}
		out = append(out, w)
	}
	return out
}

// TestTracesTellTheStory checks, on every captured program, the facts the timeline exists to
// show (independent of the golden files' exact shape): each expected wait is there, at its line,
// woken from the right line.
func TestTracesTellTheStory(t *testing.T) {
	expect := map[string][]wait{
		// Three workers wait in mu.Lock() (line 26): the first is woken by main's Unlock (20),
		// the others by a worker's Unlock (29); main waits in wg.Wait (21), woken by Done (30).
		"mutex":     {{ReasonMutex, 26, 20}, {ReasonMutex, 26, 29}, {ReasonMutex, 26, 29}, {ReasonWaitGroup, 21, 30}},
		"rwmutex":   {{ReasonRWMutexWrite, 37, 32}, {ReasonRWMutexRead, 29, 39}},
		"waitgroup": {{ReasonWaitGroup, 19, 17}, {ReasonSleep, 16, 0}},
		// The sender waits in ping <- 1 (32) until main receives (17), the receiver in <-pong (36)
		// until main sends (18), main's select (23) until close(quit) (21).
		"channels": {{ReasonChanSend, 32, 17}, {ReasonChanRecv, 36, 18}, {ReasonSelect, 23, 21}},
		"sleep":    {{ReasonSleep, 17, 0}, {ReasonSleep, 17, 0}, {ReasonChanRecv, 13, 18}},
		"cond":     {{ReasonCond, 21, 30}, {ReasonCond, 21, 30}, {ReasonWaitGroup, 32, 25}},
		// Locked twice at line 15: a wait nobody ends, up to the SIGQUIT.
		"deadlock":    {{ReasonMutex, 15, 0}, {ReasonChanRecv, 18, 0}},
		"annotations": {{ReasonSleep, 24, 0}, {ReasonSleep, 20, 0}, {ReasonWaitGroup, 27, 22}},
		// go test -trace: the workers wait in mu.Lock() (18), woken by the test's Unlock (24) and
		// by a worker's (20); the test waits in wg.Wait() (25), woken by Done (21).
		"gotest": {{ReasonMutex, 18, 24}, {ReasonMutex, 18, 20}, {ReasonWaitGroup, 25, 21}},
	}
	opts := testOptions(t)
	for name, want := range expect {
		tl := convertFile(t, "../testdata/"+name+".trace", opts)
		got := waits(tl)
		for _, w := range want {
			i := slices.Index(got, w)
			if i < 0 {
				t.Errorf("%s: no wait %+v in %+v", name, w, got)
				continue
			}
			got = slices.Delete(got, i, i+1)
		}
		if tl.Truncated != nil {
			t.Errorf("%s: truncated %+v", name, tl.Truncated)
		}
		for _, g := range tl.Goroutines {
			if Hidden(g.ID, g.StartFunc) {
				t.Errorf("%s: runtime goroutine %+v shown", name, g)
			}
		}
		if tl.HiddenGoroutines == 0 {
			t.Errorf("%s: no hidden goroutines: the tracer's own should be", name)
		}
	}
}

// In the deadlock, the blocked goroutine's wait lasts to the end of the timeline.
func TestDeadlockWaitLastsToTheEnd(t *testing.T) {
	tl := convertFile(t, "../testdata/deadlock.trace", testOptions(t))
	for _, s := range tl.Spans {
		if s.Reason == ReasonMutex {
			if s.End != tl.EndNs || s.WokenBy != nil {
				t.Errorf("mutex wait %+v should end at %d unwoken", s, tl.EndNs)
			}
			return
		}
	}
	t.Error("no mutex wait")
}

func TestAnnotations(t *testing.T) {
	tl := convertFile(t, "../testdata/annotations.trace", testOptions(t))
	if len(tl.Tasks) != 2 || tl.Tasks[0].Type != "makeCoffee" || tl.Tasks[1].Type != "steamMilk" ||
		tl.Tasks[1].Parent != tl.Tasks[0].ID || tl.Tasks[0].End == nil {
		t.Errorf("tasks: %+v", tl.Tasks)
	}
	var regions []string
	for _, r := range tl.Regions {
		regions = append(regions, r.Type)
		if r.Start == nil || r.End == nil || *r.End < *r.Start {
			t.Errorf("region %+v not closed in order", r)
		}
	}
	slices.Sort(regions)
	if !slices.Equal(regions, []string{"extract", "grind", "steam"}) {
		t.Errorf("regions: %v", regions)
	}
	var logs []string
	for _, l := range tl.Logs {
		logs = append(logs, l.Category+"="+l.Message)
	}
	if !slices.Equal(logs, []string{"orderID=42", "shots=2"}) {
		t.Errorf("logs: %v", logs)
	}
}

// Every span lies inside the timeline, and a goroutine's spans do not overlap.
func TestSpansAreOrdered(t *testing.T) {
	opts := testOptions(t)
	for _, path := range traces(t) {
		tl := convertFile(t, path, opts)
		last := map[int64]int64{}
		for _, s := range tl.Spans {
			if s.Start < 0 || s.End < s.Start || s.End > tl.EndNs || s.Start < last[s.G] {
				t.Errorf("%s: span %+v (previous end %d, timeline end %d)", path, s, last[s.G], tl.EndNs)
			}
			last[s.G] = s.End
		}
	}
}

// -all keeps the runtime's goroutines.
func TestAllKeepsRuntimeGoroutines(t *testing.T) {
	opts := testOptions(t)
	opts.All = true
	tl := convertFile(t, "../testdata/mutex.trace", opts)
	if tl.HiddenGoroutines != 0 {
		t.Errorf("hidden %d with All", tl.HiddenGoroutines)
	}
	runtime := 0
	for _, g := range tl.Goroutines {
		if Hidden(g.ID, g.StartFunc) {
			runtime++
		}
	}
	if runtime == 0 {
		t.Error("no runtime goroutine listed with All")
	}
}

func TestCaps(t *testing.T) {
	opts := testOptions(t)
	full := convertFile(t, "../testdata/rwmutex.trace", opts)
	fullJSON, _ := json.Marshal(full)

	opts.MaxEvents = 50
	tl := convertFile(t, "../testdata/rwmutex.trace", opts)
	if tl.Truncated == nil || tl.Truncated.Cause != CutMaxEvents || tl.Truncated.AfterEvents != 50 {
		t.Errorf("max events: truncated = %+v", tl.Truncated)
	}
	if tl.EndNs >= full.EndNs {
		t.Errorf("max events: end %d not before %d", tl.EndNs, full.EndNs)
	}

	for _, maxBytes := range []int{4096, 6000, len(fullJSON) - 1} {
		opts := testOptions(t)
		opts.MaxBytes = maxBytes
		tl := convertFile(t, "../testdata/rwmutex.trace", opts)
		out, _ := json.Marshal(tl)
		if len(out) > maxBytes {
			t.Errorf("max bytes %d: output is %d bytes", maxBytes, len(out))
		}
		if tl.Truncated == nil || tl.Truncated.Cause != CutMaxBytes || tl.Truncated.AfterEvents <= 0 {
			t.Errorf("max bytes %d: truncated = %+v", maxBytes, tl.Truncated)
		}
	}
	// The count is conservative (an open item counts with its widest end), so the cap must leave
	// some room: twice the output is plenty.
	opts = testOptions(t)
	opts.MaxBytes = 2 * len(fullJSON)
	if tl := convertFile(t, "../testdata/rwmutex.trace", opts); tl.Truncated != nil {
		t.Errorf("a cap of twice the output's size truncated it: %+v", tl.Truncated)
	}
}

// A trace cut at any point (as a killed program leaves it) gives a timeline marked cut, or a
// malformed_trace error when nothing could be read; never a panic or a hang. A cut that falls
// exactly between two generations leaves a valid, shorter trace: nothing can tell it apart.
func TestCutTraces(t *testing.T) {
	// The deadlock ran 200 ms: several 50 ms generations, so a cut can leave whole ones before it.
	data, err := os.ReadFile("../testdata/deadlock.trace")
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t)
	partial := 0
	if _, err := Convert(bytes.NewReader(data), opts); err != nil {
		t.Fatal(err)
	}
	for cut := 0; cut < len(data); cut += 89 {
		tl, err := Convert(bytes.NewReader(data[:cut]), opts)
		switch e := err.(type) {
		case nil:
			if tl.Truncated != nil && tl.Truncated.Cause != CutTraceEnded {
				t.Errorf("cut at %d: %+v", cut, tl.Truncated)
			}
			if tl.Truncated != nil {
				partial++
			}
		case *Error:
			if e.Code != ErrMalformed && e.Code != ErrNotATrace {
				t.Errorf("cut at %d: %v", cut, e)
			}
		default:
			t.Errorf("cut at %d: %T %v", cut, err, err)
		}
	}
	if partial == 0 {
		t.Error("no cut gave a partial timeline")
	}
	t.Logf("%d of %d cuts gave a partial timeline", partial, len(data)/89+1)
}

func TestGarbage(t *testing.T) {
	opts := testOptions(t)
	for _, input := range [][]byte{nil, []byte("hello, world\n"), []byte("go 1.26 trace\x00\x00\x00"), bytes.Repeat([]byte{0xff}, 4096)} {
		_, err := Convert(bytes.NewReader(input), opts)
		if e, ok := err.(*Error); !ok || (e.Code != ErrNotATrace && e.Code != ErrMalformed) {
			t.Errorf("%q: %v", fmt.Sprintf("%.20s", input), err)
		}
	}
}

func BenchmarkConvert(b *testing.B) {
	opts := testOptions(b)
	for _, path := range traces(b) {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(path[len("../testdata/"):], func(b *testing.B) {
			var size int
			for b.Loop() {
				tl, err := Convert(bytes.NewReader(data), opts)
				if err != nil {
					b.Fatal(err)
				}
				out, _ := json.Marshal(tl)
				size = len(out)
			}
			b.ReportMetric(float64(size), "json-bytes")
			b.ReportMetric(float64(len(data)), "trace-bytes")
		})
	}
}
