import { describe, expect, test } from 'vitest';
import { newMutexState, stepMutex } from './mutex.ts';
import {
  applyEffect,
  goroutineDump,
  newSchedulerState,
  schedulerEnabledEvents,
  schedulerIsDeadlocked,
  stepScheduler,
  type SchedulerEvent,
  type SchedulerState,
} from './scheduler.ts';

function run(state: SchedulerState, events: SchedulerEvent[]): SchedulerState {
  return events.reduce((s, e) => stepScheduler(s, e).state, state);
}
const status = (s: SchedulerState, id: string) => s.goroutines.find((g) => g.id === id)?.status;

describe('scheduler model (runtime/proc.go)', () => {
  test('go puts the new goroutine in runnext and kicks the old runnext to the local queue', () => {
    const s = run(newSchedulerState(1), [
      { type: 'go', parent: 'G1', g: 'G2' },
      { type: 'go', parent: 'G1', g: 'G3' },
    ]);
    expect(s.ps[0]).toMatchObject({ curg: 'G1', runnext: 'G3', runq: ['G2'] });
  });

  test('park frees the P; schedule takes runnext first; ready goes to the readier P runnext', () => {
    let s = run(newSchedulerState(1), [
      { type: 'go', parent: 'G1', g: 'G2' },
      { type: 'park', g: 'G1', reason: 'chan receive' },
    ]);
    expect(s.goroutines.find((g) => g.id === 'G1')).toMatchObject({
      status: 'waiting',
      waitReason: 'chan receive',
    });
    expect(schedulerEnabledEvents(s).map((e) => e.label)).toEqual(['P0: schedule()']);
    s = run(s, [{ type: 'schedule', p: 'P0' }]);
    expect(s.ps[0]?.curg).toBe('G2');
    s = run(s, [{ type: 'ready', g: 'G1', by: 'G2' }]);
    expect(s.ps[0]?.runnext).toBe('G1');
    expect(goroutineDump(s)).toEqual(['goroutine 1 [runnable]:', 'goroutine 2 [running]:']);
  });

  test('an idle P steals half of another P local queue', () => {
    let s = run(newSchedulerState(2), [
      { type: 'go', parent: 'G1', g: 'G2' },
      { type: 'go', parent: 'G1', g: 'G3' },
      { type: 'go', parent: 'G1', g: 'G4' },
      { type: 'go', parent: 'G1', g: 'G5' },
    ]);
    expect(s.ps[0]).toMatchObject({ runnext: 'G5', runq: ['G2', 'G3', 'G4'] });
    s = run(s, [{ type: 'schedule', p: 'P1' }]);
    expect(s.ps[1]).toMatchObject({ curg: 'G2', runq: ['G3'] });
    expect(s.ps[0]?.runq).toEqual(['G4']);
  });

  test('global deadlock: everyone waiting and no timers → fatal error', () => {
    const s0 = run(newSchedulerState(1), [{ type: 'go', parent: 'G1', g: 'G2' }]);
    const r = stepScheduler(s0, { type: 'park', g: 'G1', reason: 'sync.WaitGroup.Wait' });
    expect(schedulerIsDeadlocked(r.state)).toBe(false); // G2 is runnable
    let s = run(r.state, [{ type: 'schedule', p: 'P0' }]);
    const last = stepScheduler(s, { type: 'park', g: 'G2', reason: 'chan send' });
    expect(schedulerIsDeadlocked(last.state)).toBe(true);
    expect(last.state.failure?.printed).toBe('fatal error: all goroutines are asleep - deadlock!');
    // With a pending timer (e.g. testing's timeout alarm) checkdead does not fire.
    s = run(r.state, [
      { type: 'schedule', p: 'P0' },
      { type: 'sleep', g: 'G2', ns: 1000 },
    ]);
    expect(schedulerIsDeadlocked(s)).toBe(false);
    expect(schedulerEnabledEvents(s).map((e) => e.event)).toEqual([{ type: 'tick', ns: 1000 }]);
    s = run(s, [{ type: 'tick', ns: 1000 }]);
    expect(status(s, 'G2')).toBe('runnable');
  });

  test('main returning exits the program even with blocked goroutines (a leak, not a deadlock)', () => {
    const s = run(newSchedulerState(2), [
      { type: 'go', parent: 'G1', g: 'G2' },
      { type: 'schedule', p: 'P1' },
      { type: 'park', g: 'G2', reason: 'chan send' },
      { type: 'exit', g: 'G1' },
    ]);
    expect(s.exited).toBe(true);
    expect(s.failure).toBeNull();
  });

  test("a Mutex model's park effect shows the goroutine waiting [sync.Mutex.Lock]", () => {
    let sched = run(newSchedulerState(2), [
      { type: 'go', parent: 'G1', g: 'G2' },
      { type: 'schedule', p: 'P1' },
    ]);
    let mu = newMutexState({ G1: ['lock'], G2: ['lock'] });
    for (const g of ['G1', 'G2', 'G2', 'G2', 'G2']) {
      const r = stepMutex(mu, { type: 'step', g });
      mu = r.state;
      for (const e of r.effects) sched = applyEffect(sched, e).state;
    }
    expect(goroutineDump(sched)).toEqual(['goroutine 1 [running]:', 'goroutine 2 [sync.Mutex.Lock]:']);
  });
});
