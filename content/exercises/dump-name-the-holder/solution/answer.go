// Package diagnose is an exercise in reading a goroutine dump: fill in the
// three constants below from the dump in the statement.
package diagnose

// HolderGoroutine is the number of the goroutine that holds l.mu, the lock
// that the request handlers wait for: N in its header "goroutine N [...]:".
// Goroutine 10 is in Flush past its Lock at line 33, and Flush unlocks only
// when it returns.
const HolderGoroutine = 10

// HolderLine is the line of ledger.go at which that goroutine is blocked:
// the receive from receipts, inside the critical section.
const HolderLine = 38

// HolderWaitsFor is the number of the goroutine that has to act before the
// holder can go on and release l.mu: ship, the only sender on receipts, which
// is itself waiting for l.mu in markShipped.
const HolderWaitsFor = 9
