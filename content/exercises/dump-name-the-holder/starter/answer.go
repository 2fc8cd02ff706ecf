// Package diagnose is an exercise in reading a goroutine dump: fill in the
// three constants below from the dump in the statement.
package diagnose

// HolderGoroutine is the number of the goroutine that holds l.mu, the lock
// that the request handlers wait for: N in its header "goroutine N [...]:".
const HolderGoroutine = 0

// HolderLine is the line of ledger.go at which that goroutine is blocked.
const HolderLine = 0

// HolderWaitsFor is the number of the goroutine that has to act before the
// holder can go on and release l.mu.
const HolderWaitsFor = 0
