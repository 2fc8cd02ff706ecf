package bank

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

// TestLocksSmallerIDFirst checks the lock order directly, in one goroutine:
// both directions must lock account 1 before account 2.
func TestLocksSmallerIDFirst(t *testing.T) {
	for _, dir := range []struct{ from, to int }{{1, 2}, {2, 1}} {
		w := newWatch()
		accounts := map[int]*Account{1: w.account(1, 100), 2: w.account(2, 100)}
		if err := Transfer(accounts[dir.from], accounts[dir.to], 5); err != nil {
			t.Fatalf("Transfer(%d→%d, 5) = %v, want nil", dir.from, dir.to, err)
		}
		if got := w.order(); !slices.Equal(got, []int{1, 2}) {
			t.Errorf("Transfer(%d→%d) locked accounts in the order %v, want [1 2]: every transfer must lock the smaller ID first",
				dir.from, dir.to, got)
		}
	}
}

// TestSelfTransferIsNoOp: a transfer from an account to itself changes
// nothing and must not lock the same account twice (that blocks for ever).
func TestSelfTransferIsNoOp(t *testing.T) {
	a := NewAccount(7, 40)
	if err := Transfer(a, a, 25); err != nil {
		t.Fatalf("Transfer(a→a, 25) = %v, want nil", err)
	}
	if a.Balance() != 40 {
		t.Fatalf("after Transfer(a→a, 25): balance %d, want 40", a.Balance())
	}
}

// TestManyTransfersKeepTheTotal runs 8 goroutines of 400 random transfers
// among 5 accounts (fixed seeds, so every run is the same workload) and
// checks that no money appears, disappears or goes negative.
func TestManyTransfersKeepTheTotal(t *testing.T) {
	const n, workers, perWorker, opening = 5, 8, 400, 1000
	accounts := make([]*Account, n)
	for i := range accounts {
		accounts[i] = NewAccount(i+1, opening)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 42))
			for range perWorker {
				from, to := accounts[r.IntN(n)], accounts[r.IntN(n)]
				_ = Transfer(from, to, r.IntN(300)) // ErrInsufficientFunds is fine here
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, a := range accounts {
		if a.Balance() < 0 {
			t.Errorf("account %d has a negative balance %d", a.ID, a.Balance())
		}
		total += a.Balance()
	}
	if total != n*opening {
		t.Fatalf("total after concurrent transfers = %d, want %d", total, n*opening)
	}
}

// TestDisjointTransfersRunInParallel holds Transfer(1→2) inside its second
// Lock and expects Transfer(3→4) to finish meanwhile: transfers that share no
// account must not wait for each other (no bank-wide lock). A solution that
// serialises all transfers blocks here, and the runner reports a deadlock.
func TestDisjointTransfersRunInParallel(t *testing.T) {
	w := newWatch()
	a1, a2 := w.account(1, 100), w.account(2, 100)
	release := make(chan struct{})
	held := make(chan struct{})
	a2.mu = &pausingLock{Locker: a2.mu, held: held, release: release}
	a3, a4 := NewAccount(3, 100), NewAccount(4, 100)

	done := make(chan error)
	go func() { done <- Transfer(a1, a2, 10) }()
	<-held // Transfer(1→2) now holds both its accounts
	if err := Transfer(a3, a4, 10); err != nil {
		t.Errorf("Transfer(3→4, 10) = %v, want nil", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Errorf("Transfer(1→2, 10) = %v, want nil", err)
	}
	got := fmt.Sprint(a1.balance, a2.balance, a3.balance, a4.balance)
	if got != "90 110 90 110" {
		t.Fatalf("balances of accounts 1–4 = %s, want 90 110 90 110", got)
	}
}

// pausingLock signals held after its first Lock, then waits for release.
type pausingLock struct {
	sync.Locker
	once    sync.Once
	held    chan struct{}
	release chan struct{}
}

func (p *pausingLock) Lock() {
	p.Locker.Lock()
	p.once.Do(func() {
		close(p.held)
		<-p.release
	})
}
