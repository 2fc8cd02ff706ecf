package readreport

import (
	"strings"
	"testing"
)

// The lines of stats_test.go that the report names. The file is not
// editable, so they do not move.
const (
	racyFile     = "stats_test.go"
	writeLine    = 24 // w.last = ms in observe
	readLine     = 32 // return total, w.last in snapshot
	ingesterLine = 55 // go statement of the goroutine that calls ingest
	dashLine     = 60 // go statement of the goroutine that calls dashboard
)

func norm(x Access) Access {
	return Access{Op: strings.ToLower(strings.TrimSpace(x.Op)), File: strings.TrimSpace(x.File), Line: x.Line}
}

var (
	theWrite = Access{Op: "write", File: racyFile, Line: writeLine}
	theRead  = Access{Op: "read", File: racyFile, Line: readLine}
)

// accessesRight reports whether Current and Previous are the two accesses,
// in either order (which one the detector saw first can change between runs).
func accessesRight() bool {
	c, p := norm(Answer.Current), norm(Answer.Previous)
	return (c == theWrite && p == theRead) || (c == theRead && p == theWrite)
}

// callerLines are frames below the top of the access stacks.
var callerLines = map[int]bool{38: true, 44: true, 58: true, 63: true}

func describe(x Access) string {
	switch {
	case x.Op == "" || x.File == "" || x.Line == 0:
		return "not filled in yet"
	case x.File == racyFile && (x.Line == ingesterLine || x.Line == dashLine):
		return "that line is a go statement: it belongs in a \"created at\" site, not in an access"
	case x.File == racyFile && callerLines[x.Line]:
		return "that frame is a caller further down the stack: an access is the top frame of its section"
	default:
		return "that is not the top frame of an access section of the report (check the operation too)"
	}
}

func TestTheTwoAccesses(t *testing.T) {
	c, p := norm(Answer.Current), norm(Answer.Previous)
	if c == p && c != (Access{}) {
		t.Fatalf("Answer.Current and Answer.Previous are the same access %+v: a race is between two accesses", c)
	}
	for name, x := range map[string]Access{"Current": c, "Previous": p} {
		if x != theWrite && x != theRead {
			t.Errorf("Answer.%s = %+v: %s", name, x, describe(x))
		}
	}
	if !accessesRight() && !t.Failed() {
		t.Errorf("Answer.Current and Answer.Previous must be the two different accesses of one report")
	}
}

func TestWhereTheGoroutinesWereCreated(t *testing.T) {
	if !accessesRight() {
		t.Fatal("get Current and Previous right first: each creation site belongs to the goroutine of one access")
	}
	want := map[Access]int{theWrite: ingesterLine, theRead: dashLine}
	check := func(name string, x Access, s Site) {
		if strings.TrimSpace(s.File) != racyFile {
			t.Errorf("Answer.%s.File = %q: the go statement is not in that file", name, s.File)
			return
		}
		switch s.Line {
		case want[x]:
		case ingesterLine, dashLine:
			t.Errorf("Answer.%s.Line = %d: that go statement started the other goroutine", name, s.Line)
		default:
			t.Errorf("Answer.%s.Line = %d: not the top frame of a \"created at\" section", name, s.Line)
		}
	}
	check("CurrentCreatedAt", norm(Answer.Current), Answer.CurrentCreatedAt)
	check("PreviousCreatedAt", norm(Answer.Previous), Answer.PreviousCreatedAt)
}
