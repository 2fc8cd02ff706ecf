package bank

import (
	"errors"
	"sync"
	"testing"
)

// watch records every Lock call on the accounts it creates and can hold
// goroutines at chosen points, so a test decides the interleaving instead of
// the scheduler. It uses no timers: a test that blocks for ever is stopped by
// the runner, which reports the deadlock with every goroutine's stack.
type watch struct {
	mu      sync.Mutex
	changed *sync.Cond
	waiting map[int]int // account ID → goroutines inside Lock, not yet holding it
	locked  []int       // account IDs in the order their locks were acquired
	// holdFirst: the first two acquisitions wait until two accounts are held
	// (the AB/BA interleaving) or another goroutine waits for the same account.
	holdFirst bool
}

func newWatch() *watch {
	w := &watch{waiting: map[int]int{}}
	w.changed = sync.NewCond(&w.mu)
	return w
}

// account returns an account whose lock reports to w.
func (w *watch) account(id, balance int) *Account {
	return &Account{ID: id, mu: &watchedLock{id: id, w: w}, balance: balance}
}

// order returns the account IDs in the order their locks were acquired.
func (w *watch) order() []int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]int(nil), w.locked...)
}

type watchedLock struct {
	inner sync.Mutex
	id    int
	w     *watch
}

func (l *watchedLock) Lock() {
	w := l.w
	w.mu.Lock()
	w.waiting[l.id]++
	w.changed.Broadcast()
	w.mu.Unlock()

	l.inner.Lock()

	w.mu.Lock()
	defer w.mu.Unlock()
	w.waiting[l.id]--
	w.locked = append(w.locked, l.id)
	w.changed.Broadcast()
	if !w.holdFirst || len(w.locked) > 2 {
		return
	}
	for len(w.locked) < 2 && w.waiting[l.id] == 0 {
		w.changed.Wait()
	}
}

func (l *watchedLock) Unlock() { l.inner.Unlock() }

// TestOppositeTransfersDoNotDeadlock runs Transfer(a→b) and Transfer(b→a) at
// the same time and forces the dangerous interleaving: whichever transfer
// takes its first lock waits until the other one has taken a lock too, or is
// waiting for the same account. If the two transfers lock in opposite orders,
// each now holds one account and waits for the other one for ever.
func TestOppositeTransfersDoNotDeadlock(t *testing.T) {
	w := newWatch()
	w.holdFirst = true
	a, b := w.account(1, 100), w.account(2, 100)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		if err := Transfer(a, b, 10); err != nil {
			t.Errorf("Transfer(a→b, 10) = %v, want nil", err)
		}
	}()
	go func() {
		defer wg.Done()
		if err := Transfer(b, a, 30); err != nil {
			t.Errorf("Transfer(b→a, 30) = %v, want nil", err)
		}
	}()
	wg.Wait()
	if a.balance != 120 || b.balance != 80 {
		t.Fatalf("balances after a→b 10 and b→a 30: a=%d b=%d, want a=120 b=80", a.balance, b.balance)
	}
}

// TestTransferMovesMoney checks the sequential behaviour.
func TestTransferMovesMoney(t *testing.T) {
	a, b := NewAccount(1, 100), NewAccount(2, 50)
	if err := Transfer(a, b, 30); err != nil {
		t.Fatalf("Transfer(a→b, 30) = %v, want nil", err)
	}
	if a.Balance() != 70 || b.Balance() != 80 {
		t.Fatalf("after Transfer(a→b, 30): a=%d b=%d, want a=70 b=80", a.Balance(), b.Balance())
	}
	if err := Transfer(b, a, 80); err != nil {
		t.Fatalf("Transfer(b→a, 80) = %v, want nil", err)
	}
	if a.Balance() != 150 || b.Balance() != 0 {
		t.Fatalf("after Transfer(b→a, 80): a=%d b=%d, want a=150 b=0", a.Balance(), b.Balance())
	}
}

// TestInsufficientFunds checks that a refused transfer moves nothing.
func TestInsufficientFunds(t *testing.T) {
	a, b := NewAccount(1, 10), NewAccount(2, 0)
	if err := Transfer(a, b, 11); !errors.Is(err, ErrInsufficientFunds) {
		t.Fatalf("Transfer(a→b, 11) with a=10 returned %v, want ErrInsufficientFunds", err)
	}
	if a.Balance() != 10 || b.Balance() != 0 {
		t.Fatalf("after a refused transfer: a=%d b=%d, want a=10 b=0", a.Balance(), b.Balance())
	}
}
