package conformance

import (
	"encoding/json"
	"os"
	"testing"
)

// casesPath is where scripts/conformance-cases.ts writes the cases (CONFORMANCE_CASES overrides it).
func casesPath() string {
	if p := os.Getenv("CONFORMANCE_CASES"); p != "" {
		return p
	}
	return "testdata/cases.json"
}

func loadCases(t *testing.T) []Case {
	t.Helper()
	cases, err := LoadCases(casesPath())
	if err != nil {
		t.Fatalf("%v\nwrite the cases first: node scripts/conformance-cases.ts %s", err, casesPath())
	}
	return cases
}

// TestCopiesMatchTheModels replays every case through the Go copies and compares the states after
// every move with the TypeScript models'.
func TestCopiesMatchTheModels(t *testing.T) {
	cases := loadCases(t)
	perModel := map[string]int{}
	states, failed := 0, 0
	for _, c := range cases {
		perModel[c.Model]++
		m, n := Replay(c)
		states += n
		if m != nil {
			failed++
			if failed <= 10 {
				t.Error(m.Error())
			}
		}
	}
	// A file with a handful of cases would prove little: the generator writes thousands.
	for _, model := range []string{"mutex", "rwmutex"} {
		if perModel[model] < 500 {
			t.Errorf("only %d %s cases in %s", perModel[model], model, casesPath())
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d cases differ (first 10 shown)", failed, len(cases))
	}
	t.Logf("compared %d states of %d cases (%v)", states, len(cases), perModel)
}

// TestComparisonCatchesADifference proves the comparison can fail: a case whose recorded state
// word (or readerCount) after one move is off by one must be reported at that move.
func TestComparisonCatchesADifference(t *testing.T) {
	cases := loadCases(t)
	for _, model := range []string{"mutex", "rwmutex"} {
		var c *Case
		for i := range cases {
			if cases[i].Model == model && len(cases[i].Moves) >= 4 {
				c = &cases[i]
				break
			}
		}
		if c == nil {
			t.Fatalf("no %s case with 4 moves", model)
		}
		changed := *c
		changed.States = append([]json.RawMessage{}, c.States...)
		var state map[string]any
		if err := json.Unmarshal(c.States[3], &state); err != nil {
			t.Fatal(err)
		}
		field := map[string]string{"mutex": "word", "rwmutex": "readerCount"}[model]
		state[field] = state[field].(float64) + 1
		changed.States[3], _ = json.Marshal(state)
		m, _ := Replay(changed)
		if m == nil || m.Step != 3 {
			t.Fatalf("%s: a changed %s after move 3 was not reported there: %v", model, field, m)
		}
	}
}
