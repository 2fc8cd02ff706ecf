package shardmap

import (
	"fmt"
	"maps"
	"sync"
	"testing"
)

// TestReadsNeverWaitForWriters holds the mu of every shard, as writers in the
// middle of a Set would, and reads. Get and Snapshot must still answer. A
// read that takes a shard's mu waits for ever here; the runner reports it.
func TestReadsNeverWaitForWriters(t *testing.T) {
	m := New[string, int](8)
	for i := range 100 {
		m.Set(fmt.Sprint("k", i), i)
	}
	for i := range m.shards {
		m.shards[i].mu.Lock()
	}
	if v, ok := m.Get("k42"); !ok || v != 42 {
		t.Errorf(`Get("k42") = %d, %t while every shard was locked, want 42, true`, v, ok)
	}
	if n := len(m.Snapshot()); n != 100 {
		t.Errorf("Snapshot() had %d keys while every shard was locked, want 100", n)
	}
	for i := range m.shards {
		m.shards[i].mu.Unlock()
	}
}

// TestKeysSpreadOverShards: 1,000 keys in 8 shards reach every shard, and
// each key is in the shard shardFor names. (The hash seed is random; the
// chance that a shard gets none of 1,000 keys is below 1e-55.)
func TestKeysSpreadOverShards(t *testing.T) {
	m := New[int, int](8)
	for i := range 1000 {
		m.Set(i, i)
	}
	total := 0
	for i := range m.shards {
		n := len(*m.shards[i].data.Load())
		if n == 0 {
			t.Errorf("shard %d holds no key of 1,000: keys must be stored in the shard shardFor picks", i)
		}
		total += n
	}
	if total != 1000 {
		t.Errorf("the shards hold %d keys in all, want 1000", total)
	}
	for i := range 1000 {
		if _, ok := (*m.shardFor(i).data.Load())[i]; !ok {
			t.Fatalf("key %d is not in the shard shardFor(%d) names", i, i)
		}
	}
}

// TestConcurrentWritersLoseNothing: 8 goroutines write 300 distinct keys
// each into 2 shards, so many writers share a shard, then delete a third of
// them. Two writers that copy the same version of a shard and both publish
// lose one change; every write must be in the final map.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	m := New[string, int](2)
	want := map[string]int{}
	var wg sync.WaitGroup
	for g := range 8 {
		for i := range 300 {
			if i%3 != 0 {
				want[fmt.Sprint(g, "/", i)] = i
			}
		}
		wg.Go(func() {
			for i := range 300 {
				m.Set(fmt.Sprint(g, "/", i), i)
			}
			for i := 0; i < 300; i += 3 {
				m.Delete(fmt.Sprint(g, "/", i))
			}
		})
	}
	wg.Wait()
	got := m.Snapshot()
	if !maps.Equal(got, want) {
		lost := 0
		for k := range want {
			if _, ok := got[k]; !ok {
				lost++
			}
		}
		t.Fatalf("after 2,400 Sets and 800 Deletes from 8 goroutines the map has %d keys, want %d: %d Sets lost", len(got), len(want), lost)
	}
}

// TestReadersDuringWrites: readers call Get and Snapshot and range over their
// snapshots while writers Set. -race reports any map that a writer modifies
// after it was published, and a snapshot must never shrink while keys are
// only added.
func TestReadersDuringWrites(t *testing.T) {
	m := New[int, int](4)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 200 {
				m.Set(w*1000+i, i)
			}
		})
	}
	for range 4 {
		wg.Go(func() {
			seen := 0
			for range 100 {
				snap := m.Snapshot()
				if len(snap) < seen {
					t.Errorf("a snapshot had %d keys after an earlier one had %d, while keys were only added", len(snap), seen)
					return
				}
				seen = len(snap)
				sum := 0
				for _, v := range snap {
					sum += v
				}
				_, _ = m.Get(sum % 200)
			}
		})
	}
	wg.Wait()
	if n := len(m.Snapshot()); n != 800 {
		t.Fatalf("Snapshot() has %d keys after 800 distinct Sets, want 800", n)
	}
}
