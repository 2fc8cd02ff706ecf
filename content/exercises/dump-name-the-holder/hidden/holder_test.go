package diagnose

import "testing"

// The answer, read from the dump in the statement and ledger.go.
const (
	holder   = 10 // in Flush: took l.mu at line 33, blocked at line 38
	holdLine = 38 // l.shipped += <-receipts, inside Flush's critical section
	shipper  = 9  // ship: the only sender on receipts, waiting for l.mu in markShipped
)

// why explains a wrong goroutine number, by what the dump shows of it.
func why(g int) string {
	switch g {
	case 11, 12, 13:
		return "it waits in sync.Mutex.Lock in Add (ledger.go:18): it wants l.mu, it does not hold it"
	case shipper:
		return "it waits in sync.Mutex.Lock in markShipped (ledger.go:43): it wants l.mu, it does not hold it"
	case 8:
		return "it is in Snapshot, but at line 28, after the Unlock at line 27: it has already released l.mu"
	case 7:
		return "it is inside a critical section, but of l.auditMu, another lock (Audit, line 50)"
	case 6:
		return "report waits for a tick at line 67 and holds no lock there"
	case 1:
		return "goroutine 1 is main, the one that took the dump"
	}
	return "not a goroutine of the dump"
}

// TestTheHolder: the goroutine holding l.mu.
func TestTheHolder(t *testing.T) {
	if HolderGoroutine != holder {
		t.Fatalf("HolderGoroutine = %d: %s", HolderGoroutine, why(HolderGoroutine))
	}
}

// TestWhereTheHolderIsBlocked: the line of ledger.go at which it waits.
func TestWhereTheHolderIsBlocked(t *testing.T) {
	switch HolderLine {
	case holdLine:
	case 33:
		t.Fatal("HolderLine = 33: that is where the holder took l.mu; the dump shows where it is now")
	case 37:
		t.Fatal("HolderLine = 37: that send has completed (the shipper received the batch); look at the line in the holder's stack")
	default:
		t.Fatalf("HolderLine = %d: not the line at which the holder of l.mu is blocked", HolderLine)
	}
}

// TestWhatTheHolderWaitsFor: the goroutine that must act before the holder
// can go on. Together with the holder it forms the cycle that keeps l.mu
// locked for ever.
func TestWhatTheHolderWaitsFor(t *testing.T) {
	switch HolderWaitsFor {
	case shipper:
	case 11, 12, 13:
		t.Fatalf("HolderWaitsFor = %d: the holder receives from receipts, and a request handler never sends on it", HolderWaitsFor)
	default:
		t.Fatalf("HolderWaitsFor = %d: who sends on receipts, and what is it doing now?", HolderWaitsFor)
	}
}
