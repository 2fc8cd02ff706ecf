package collect

import (
	"slices"
	"strconv"
	"testing"
)

func square(n int) string { return strconv.Itoa(n * n) }

// want returns the expected results of square over inputs, sorted.
func want(inputs []int) []string {
	var out []string
	for _, n := range inputs {
		out = append(out, square(n))
	}
	slices.Sort(out)
	return out
}

// TestCollectAll collects 100 results. The goroutines that append share the
// slice with no synchronization between them, so with -race the unprotected
// append is reported on every run.
func TestCollectAll(t *testing.T) {
	var inputs []int
	for i := range 100 {
		inputs = append(inputs, i)
	}
	got := Collect(inputs, square)
	if len(got) != len(inputs) {
		t.Fatalf("Collect returned %d results for %d inputs: %d were lost",
			len(got), len(inputs), len(inputs)-len(got))
	}
	slices.Sort(got)
	if !slices.Equal(got, want(inputs)) {
		t.Fatalf("Collect returned the wrong results:\n got %v\nwant %v", got, want(inputs))
	}
}

// TestCollectNothing: no inputs, no results.
func TestCollectNothing(t *testing.T) {
	if got := Collect(nil, square); len(got) != 0 {
		t.Fatalf("Collect(nil) = %v, want no results", got)
	}
}
