// Package readreport is an exercise in reading a race report. Fill in Answer
// below; do not change the types.
package readreport

// Access is one of the two accesses a race report names: the operation
// ("read" or "write") and the file name and line of the top frame of its stack.
type Access struct {
	Op   string
	File string
	Line int
}

// Site is the file name and line of the top frame of a "created at" stack.
type Site struct {
	File string
	Line int
}

// Report is your reading of the race report.
type Report struct {
	Current           Access // the access in the first section of the report
	Previous          Access // the "Previous ..." access
	CurrentCreatedAt  Site   // where the goroutine of Current was created
	PreviousCreatedAt Site   // where the goroutine of Previous was created
}

// Answer: fill in every field from the report that go test -race prints.
// File is a name such as "x.go", without a directory.
var Answer = Report{
	Current:           Access{Op: "", File: "", Line: 0},
	Previous:          Access{Op: "", File: "", Line: 0},
	CurrentCreatedAt:  Site{File: "", Line: 0},
	PreviousCreatedAt: Site{File: "", Line: 0},
}
