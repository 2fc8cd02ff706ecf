package collect

import (
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
)

// TestManyRounds repeats a larger collection 10 times and compares the exact
// multiset of results, duplicates included.
func TestManyRounds(t *testing.T) {
	var inputs []int
	for i := range 300 {
		inputs = append(inputs, i%50) // every result appears 6 times
	}
	for round := range 10 {
		got := Collect(inputs, func(n int) string { return "r" + strconv.Itoa(n) })
		var wantRes []string
		for _, n := range inputs {
			wantRes = append(wantRes, "r"+strconv.Itoa(n))
		}
		slices.Sort(got)
		slices.Sort(wantRes)
		if !slices.Equal(got, wantRes) {
			t.Fatalf("round %d: %d results, want %d, or wrong contents", round+1, len(got), len(wantRes))
		}
	}
}

// TestWorkRunsConcurrently: each call to work waits until all 8 calls have
// started. If Collect runs work one call at a time (for example under its
// lock), the first call waits for ever and the runner reports a deadlock.
func TestWorkRunsConcurrently(t *testing.T) {
	const n = 8
	var started atomic.Int32
	all := make(chan struct{})
	work := func(i int) string {
		if started.Add(1) == n {
			close(all)
		}
		<-all
		return strconv.Itoa(i)
	}
	got := Collect([]int{0, 1, 2, 3, 4, 5, 6, 7}, work)
	if len(got) != n {
		t.Fatalf("Collect returned %d results, want %d", len(got), n)
	}
}
