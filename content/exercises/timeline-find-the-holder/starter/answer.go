package stats

// SlowHolder is your answer: the name of the Stats method (Record, Top, Mean,
// Snapshot or Trim) whose critical section makes the other goroutines wait,
// as the timeline shows it. Write the bare name, without receiver or "()".
const SlowHolder = ""
