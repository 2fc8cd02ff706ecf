// Package hits counts hits per key for many goroutines at once.
package hits

import (
	"hash/fnv"
	"sync"
)

const numShards = 8

// shard is one part of a Counter: mu guards hits.
type shard struct {
	mu   sync.Mutex
	hits map[string]int
}

// Counter counts hits per key. Keys are spread over numShards shards, each
// with its own lock, so that keys in different shards never wait for each
// other. Do not rename shards, mu or hits: the tests look at them.
type Counter struct {
	shards []shard
}

// New returns an empty Counter.
func New() *Counter {
	c := &Counter{shards: make([]shard, numShards)}
	for i := range c.shards {
		c.shards[i].hits = map[string]int{}
	}
	return c
}

// shardIndex returns the index of key's shard. Do not change it.
func shardIndex(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % numShards)
}

// shardFor returns the shard that holds key.
func (c *Counter) shardFor(key string) shard {
	return c.shards[shardIndex(key)]
}

// Inc adds one hit to key.
func (c *Counter) Inc(key string) {
	s := c.shardFor(key)
	s.mu.Lock()
	s.hits[key]++
	s.mu.Unlock()
}

// Get returns the hits of key.
func (c *Counter) Get(key string) int {
	s := c.shardFor(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[key]
}

// sum returns the hits of every key in s.
func (s shard) sum() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	total := 0
	for _, n := range s.hits {
		total += n
	}
	return total
}

// Total returns the hits of all keys.
func (c *Counter) Total() int {
	total := 0
	for i := range c.shards {
		total += c.shards[i].sum()
	}
	return total
}

// Reset forgets every hit.
func (c *Counter) Reset() {
	for _, s := range c.shards {
		s.mu.Lock()
		clear(s.hits)
		s.mu.Unlock()
	}
}
