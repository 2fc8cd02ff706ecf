package stats

// SlowHolder is the method whose Unlock ended the long waits in the timeline:
// each Trim deletes the oldest latency one at a time, and every slices.Delete
// shifts the whole window, all with s.mu held.
const SlowHolder = "Trim"
