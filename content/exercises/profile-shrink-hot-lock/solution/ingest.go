// Package ingest counts the bytes each tenant sends, enforces per-tenant
// quotas and writes an audit line for every accepted event.
package ingest

import (
	"fmt"
	"sync"
)

// Sink receives audit lines. Its Write is slow (a network round trip to the
// audit service) and safe to call from many goroutines at once. The audit
// service orders lines by their sequence number, so lines may arrive in any
// order.
type Sink interface {
	Write(line string)
}

// Ingester is safe for concurrent use.
type Ingester struct {
	sink Sink

	mu    sync.Mutex // guards seq and bytes
	seq   int
	bytes map[string]int

	quotaMu sync.Mutex // guards quota
	quota   map[string]int
}

// New returns an Ingester that writes its audit lines to sink.
func New(sink Sink) *Ingester {
	return &Ingester{sink: sink, bytes: make(map[string]int), quota: make(map[string]int)}
}

// SetQuota limits the bytes tenant may send in total; 0 means no limit.
func (in *Ingester) SetQuota(tenant string, limit int) {
	in.quotaMu.Lock()
	defer in.quotaMu.Unlock()
	in.quota[tenant] = limit
}

func (in *Ingester) quotaOf(tenant string) int {
	in.quotaMu.Lock()
	defer in.quotaMu.Unlock()
	return in.quota[tenant]
}

// Record accepts n bytes from tenant unless they would take the tenant past
// its quota. An accepted event gets the next sequence number (1, 2, 3, ... in
// the order events are accepted), is counted, and its audit line
// "<seq> <tenant> <n>" has been written when Record returns. Record returns
// the sequence number, or 0 when the event is refused.
func (in *Ingester) Record(tenant string, n int) int {
	seq := in.accept(tenant, n)
	if seq == 0 {
		return 0
	}
	// The slow write runs with no lock held: Records of other goroutines
	// are accepted meanwhile. The line carries seq, so order does not matter.
	in.sink.Write(fmt.Sprintf("%d %s %d", seq, tenant, n))
	return seq
}

// accept is Record's critical section: the quota check, the sequence number
// and the count, together, so that no two events get the same number and
// concurrent events cannot take a tenant past its quota.
func (in *Ingester) accept(tenant string, n int) int {
	limit := in.quotaOf(tenant)
	in.mu.Lock()
	defer in.mu.Unlock()
	if limit > 0 && in.bytes[tenant]+n > limit {
		return 0
	}
	in.seq++
	in.bytes[tenant] += n
	return in.seq
}

// Bytes returns the bytes accepted from tenant so far.
func (in *Ingester) Bytes(tenant string) int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.bytes[tenant]
}
