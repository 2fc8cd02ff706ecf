package ingest

import (
	"slices"
	"sync"
	"testing"
)

// memSink keeps the lines written to it; during calls it runs during(line).
type memSink struct {
	mu     sync.Mutex
	lines  []string
	during func(line string)
}

func (s *memSink) Write(line string) {
	if s.during != nil {
		s.during(line)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lines = append(s.lines, line)
}

func (s *memSink) sorted() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(slices.Values(s.lines))
}

// TestRecordCountsAndLogs checks Record from one goroutine.
func TestRecordCountsAndLogs(t *testing.T) {
	sink := &memSink{}
	in := New(sink)
	for i, want := range []int{1, 2, 3} {
		if seq := in.Record("acme", 10*(i+1)); seq != want {
			t.Fatalf("Record #%d returned %d, want %d", i+1, seq, want)
		}
	}
	if b := in.Bytes("acme"); b != 60 {
		t.Fatalf(`Bytes("acme") = %d, want 60`, b)
	}
	want := []string{"1 acme 10", "2 acme 20", "3 acme 30"}
	if got := sink.sorted(); !slices.Equal(got, want) {
		t.Fatalf("audit lines %q, want %q", got, want)
	}
}

// TestQuotaRefuses: an event that would pass the quota is refused, gets no
// number and writes no line.
func TestQuotaRefuses(t *testing.T) {
	sink := &memSink{}
	in := New(sink)
	in.SetQuota("acme", 25)
	if seq := in.Record("acme", 20); seq != 1 {
		t.Fatalf("Record(20) under a quota of 25 = %d, want 1", seq)
	}
	if seq := in.Record("acme", 10); seq != 0 {
		t.Fatalf("Record(10) after 20 of 25 bytes = %d, want 0 (refused)", seq)
	}
	if seq := in.Record("other", 10); seq != 2 {
		t.Fatalf(`Record("other", 10) = %d, want 2`, seq)
	}
	if got := sink.sorted(); len(got) != 2 {
		t.Fatalf("audit lines %q, want 2 (none for the refused event)", got)
	}
}
