package timeline

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.json from the traces")

// captureInfo is testdata/capture.json, written by scripts/capture-trace-testdata.ts.
type captureInfo struct {
	Go     string `json:"go"`
	SrcDir string `json:"srcDir"`
	GOROOT string `json:"goroot"`
}

func testOptions(t testing.TB) Options {
	t.Helper()
	data, err := os.ReadFile("../testdata/capture.json")
	if err != nil {
		t.Fatal(err)
	}
	var info captureInfo
	if err := json.Unmarshal(data, &info); err != nil {
		t.Fatal(err)
	}
	return Options{Strip: []string{info.SrcDir, info.GOROOT}, MaxEvents: 200_000, MaxBytes: 2 << 20, MaxStack: 32}
}

func traces(t testing.TB) []string {
	t.Helper()
	names, err := filepath.Glob("../testdata/*.trace")
	if err != nil || len(names) == 0 {
		t.Fatalf("no traces in testdata: %v", err)
	}
	return names
}

func convertFile(t testing.TB, path string, opts Options) *Timeline {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tl, err := Convert(f, opts)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return tl
}

// TestGolden compares each trace's timeline, normalised, with testdata/<name>.json.
func TestGolden(t *testing.T) {
	opts := testOptions(t)
	for _, path := range traces(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".trace")
		t.Run(name, func(t *testing.T) {
			got, err := json.MarshalIndent(Normalize(convertFile(t, path, opts)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("..", "testdata", name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./... -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from its golden file; run go test ./... -update and review the diff", name)
			}
		})
	}
}

// Normalize makes a timeline comparable across captures: times become their rank among all the
// times in it (order kept, 0 stays 0), goroutine and task ids are renumbered in first-seen order.
func Normalize(tl *Timeline) *Timeline {
	out := *tl
	times := []int64{0, tl.EndNs}
	addP := func(p *int64) {
		if p != nil {
			times = append(times, *p)
		}
	}
	for _, s := range tl.Spans {
		times = append(times, s.Start, s.End)
	}
	for _, r := range tl.Regions {
		addP(r.Start)
		addP(r.End)
	}
	for _, k := range tl.Tasks {
		addP(k.Start)
		addP(k.End)
	}
	for _, l := range tl.Logs {
		times = append(times, l.T)
	}
	for _, g := range tl.GC {
		times = append(times, g.Start, g.End)
	}
	slices.Sort(times)
	times = slices.Compact(times)
	rank := func(t int64) int64 { i, _ := slices.BinarySearch(times, t); return int64(i) }
	rankP := func(p *int64) *int64 {
		if p == nil {
			return nil
		}
		r := rank(*p)
		return &r
	}
	gids := map[int64]int64{}
	gid := func(id int64) int64 {
		if n, ok := gids[id]; ok {
			return n
		}
		gids[id] = int64(len(gids) + 1)
		return gids[id]
	}
	tids := map[uint64]uint64{0: 0}
	tid := func(id uint64) uint64 {
		if n, ok := tids[id]; ok {
			return n
		}
		tids[id] = uint64(len(tids))
		return tids[id]
	}
	out.EndNs = rank(tl.EndNs)
	out.Goroutines = make([]Goroutine, 0, len(tl.Goroutines))
	for _, g := range tl.Goroutines {
		g.ID = gid(g.ID)
		out.Goroutines = append(out.Goroutines, g)
	}
	out.Spans = make([]Span, 0, len(tl.Spans))
	for _, s := range tl.Spans {
		s.G, s.Start, s.End = gid(s.G), rank(s.Start), rank(s.End)
		if s.WokenBy != nil {
			w := *s.WokenBy
			w.G = gid(w.G)
			s.WokenBy = &w
		}
		out.Spans = append(out.Spans, s)
	}
	out.Tasks = make([]Task, 0, len(tl.Tasks))
	for _, k := range tl.Tasks {
		k.ID, k.Parent, k.Start, k.End = tid(k.ID), tid(k.Parent), rankP(k.Start), rankP(k.End)
		out.Tasks = append(out.Tasks, k)
	}
	out.Regions = make([]Region, 0, len(tl.Regions))
	for _, r := range tl.Regions {
		r.G, r.Task, r.Start, r.End = gid(r.G), tid(r.Task), rankP(r.Start), rankP(r.End)
		out.Regions = append(out.Regions, r)
	}
	out.Logs = make([]Log, 0, len(tl.Logs))
	for _, l := range tl.Logs {
		l.G, l.Task, l.T = gid(l.G), tid(l.Task), rank(l.T)
		out.Logs = append(out.Logs, l)
	}
	out.GC = make([]GC, 0, len(tl.GC))
	for _, g := range tl.GC {
		g.Start, g.End = rank(g.Start), rank(g.End)
		out.GC = append(out.GC, g)
	}
	return &out
}
