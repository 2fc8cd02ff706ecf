package diagnose

import "testing"

// The goroutines of the dump in the statement, and the lines of ledger.go
// that its stacks name. These tests only check that your answer could come
// from the dump; the hidden tests check that it is right.
var (
	dumpGoroutines = map[int]bool{1: true, 6: true, 7: true, 8: true, 9: true, 10: true, 11: true, 12: true, 13: true}
	dumpLines      = map[int]bool{18: true, 28: true, 38: true, 43: true, 52: true, 60: true, 67: true, 74: true}
)

// TestAnswerIsFromTheDump checks the form of the three constants.
func TestAnswerIsFromTheDump(t *testing.T) {
	if HolderGoroutine == 0 || HolderLine == 0 || HolderWaitsFor == 0 {
		t.Fatal("fill in HolderGoroutine, HolderLine and HolderWaitsFor in answer.go from the dump in the statement")
	}
	if !dumpGoroutines[HolderGoroutine] {
		t.Errorf(`HolderGoroutine = %d: no goroutine of the dump has that number (the N of "goroutine N [...]:")`, HolderGoroutine)
	}
	if !dumpGoroutines[HolderWaitsFor] {
		t.Errorf(`HolderWaitsFor = %d: no goroutine of the dump has that number`, HolderWaitsFor)
	}
	if HolderWaitsFor == HolderGoroutine {
		t.Errorf("HolderWaitsFor = HolderGoroutine = %d: a goroutine blocked in a channel operation waits for another goroutine", HolderGoroutine)
	}
	if !dumpLines[HolderLine] {
		t.Errorf(`HolderLine = %d: no frame of the dump is at ledger.go:%d (the number after "ledger.go:")`, HolderLine, HolderLine)
	}
}
