// Package ratelimit admits requests per key (a user, an API token) with a
// token bucket for each key. Many goroutines call it at once.
package ratelimit

import (
	"hash/maphash"
	"sync"
	"time"
)

const numShards = 16

// bucket is one key's token bucket.
type bucket struct {
	tokens float64   // tokens left, at most burst
	last   time.Time // when tokens was last refilled
}

// shard is one part of the lock table: its mutex guards its map and every
// bucket in it. The padding keeps neighbouring shards' mutexes on
// different cache lines (false sharing).
type shard struct {
	mu      sync.Mutex
	buckets map[string]*bucket
	denied  int // requests denied for keys of this shard
	_       [128 - 24]byte
}

// Limiter allows each key rate tokens per second, up to burst at once. A
// Limiter must not be copied; use the pointer New returns.
type Limiter struct {
	rate  float64          // tokens added per second
	burst float64          // bucket size; a new key starts full
	now   func() time.Time // the clock; the tests use a fake one
	seed  maphash.Seed

	// OnLimit, if set, is called with the key of every denied request, for
	// example to log it or to update metrics. It may call the Limiter's
	// methods.
	OnLimit func(key string)

	shards [numShards]shard
}

// New returns a limiter that allows rate tokens per second per key, up to
// burst at once. now is the clock, usually time.Now.
func New(rate float64, burst int, now func() time.Time) *Limiter {
	l := &Limiter{rate: rate, burst: float64(burst), now: now, seed: maphash.MakeSeed()}
	for i := range l.shards {
		l.shards[i].buckets = map[string]*bucket{}
	}
	return l
}

// shardFor returns the shard that holds key. The hash is reduced as an
// unsigned number, so the index is always in 0..numShards-1.
func (l *Limiter) shardFor(key string) *shard {
	return &l.shards[maphash.String(l.seed, key)%numShards]
}

// refill adds the tokens earned since b.last, up to burst. The caller holds
// the lock of b's shard.
func (l *Limiter) refill(b *bucket, now time.Time) {
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
}

// Allow reports whether a request for key may proceed now, and takes a
// token if so. OnLimit runs after the shard's lock has been released, so it
// may call back into the Limiter.
func (l *Limiter) Allow(key string) bool {
	if l.take(key) {
		return true
	}
	if l.OnLimit != nil {
		l.OnLimit(key)
	}
	return false
}

// take does the whole read-modify-write of key's bucket under its shard's
// lock: find or create the bucket, refill it, take a token or count a denial.
func (l *Limiter) take(key string) bool {
	sh := l.shardFor(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	now := l.now()
	b, ok := sh.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		sh.buckets[key] = b
	}
	l.refill(b, now)
	if b.tokens >= 1 {
		b.tokens--
		return true
	}
	sh.denied++
	return false
}

// Tokens returns the tokens key has now, without taking one. A key never
// seen has a full bucket.
func (l *Limiter) Tokens(key string) float64 {
	sh := l.shardFor(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	b, ok := sh.buckets[key]
	if !ok {
		return l.burst
	}
	l.refill(b, l.now())
	return b.tokens
}

// Denied returns the number of requests denied so far.
func (l *Limiter) Denied() int {
	n := 0
	for i := range l.shards {
		sh := &l.shards[i]
		sh.mu.Lock()
		n += sh.denied
		sh.mu.Unlock()
	}
	return n
}

// Len returns the number of keys the limiter keeps a bucket for.
func (l *Limiter) Len() int {
	n := 0
	for i := range l.shards {
		sh := &l.shards[i]
		sh.mu.Lock()
		n += len(sh.buckets)
		sh.mu.Unlock()
	}
	return n
}
