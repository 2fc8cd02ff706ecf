import { describe, expect, it } from 'vitest';
import { replayMoves } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import type { MutexState } from '../models/mutex/mutex.ts';
import { say } from '../models/types.ts';
import { cueOf } from './motion-cues.ts';
import { changedBits, planMotion, type MotionFacts } from './motion-plan.ts';

const facts = (word: number, queue: string[]): MotionFacts => ({
  queues: { 'm.sema': queue },
  words: { 'm.state': word },
});

/** A mutex scenario as the browser gets it (only what replay reads). */
const mutexScenario = (programs: Record<string, string[]>): Scenario => ({
  id: 'plan',
  model: 'mutex',
  chapter: 'x',
  title: 't',
  description: 'd',
  goroutines: Object.entries(programs).map(([id, program]) => ({ id, code: program, program })),
  initial: {},
  script: [],
});

/** The facts the mutex view shows after `moves`, and the last step's narration. */
function after(s: Scenario, moves: string[]) {
  const run = replayMoves(s, moves);
  const m = run.state as MutexState;
  return { facts: facts(m.word, m.sema.waiters), said: run.steps.at(-1)?.narration ?? [] };
}

describe('changedBits', () => {
  it('lists the differing bits lowest first', () => {
    expect(changedBits(0, 1)).toEqual([0]);
    expect(changedBits(1, 9)).toEqual([3]);
    expect(changedBits(13, 8)).toEqual([0, 2]); // 0b1101 → 0b1000
    expect(changedBits(5, 5)).toEqual([]);
    expect(changedBits(-8, 0)).toHaveLength(29); // int32 −8: bits 3…31 clear
  });
});

describe('planMotion', () => {
  it('moves a parking goroutine to the tail (FIFO) or the head (LIFO) and slides the others', () => {
    expect(planMotion(facts(9, ['G2']), facts(17, ['G2', 'G3']), [])).toEqual([
      { kind: 'flip', word: 'm.state', bits: [3, 4], phase: 0 },
      { kind: 'enter', g: 'G3', queue: 'm.sema', index: 1, end: 'tail', phase: 1 },
    ]);
    expect(planMotion(facts(17, ['G3']), facts(17, ['G2', 'G3']), [])).toEqual([
      { kind: 'enter', g: 'G2', queue: 'm.sema', index: 0, end: 'head', phase: 1 },
      { kind: 'shift', g: 'G3', queue: 'm.sema', from: 0, to: 1, phase: 1 },
    ]);
    expect(planMotion(facts(9, []), facts(9, ['G2']), [])).toEqual([
      { kind: 'enter', g: 'G2', queue: 'm.sema', index: 0, end: 'only', phase: 1 },
    ]);
  });

  it('a failed CAS shakes the word; a handoff draws giver → taker and the taker leaves the queue', () => {
    const failed = [say('mutex.cas.failed', { g: 'G2', word: 9 })];
    expect(planMotion(facts(9, []), facts(9, []), failed)).toEqual([
      { kind: 'shake', word: 'm.state', phase: 0 },
    ]);
    const handoff = [say('mutex.semrelease.handoff', { g: 'G1', woken: 'G2', singleP: true })];
    expect(planMotion(facts(12, ['G2', 'G3']), facts(12, ['G3']), handoff)).toEqual([
      { kind: 'handoff', from: 'G1', to: 'G2', phase: 0 },
      { kind: 'leave', g: 'G2', queue: 'm.sema', phase: 1 },
      { kind: 'shift', g: 'G3', queue: 'm.sema', from: 1, to: 0, phase: 1 },
    ]);
  });

  it('has no cue for TryLock’s refusal (a load, no CAS) nor for an RWMutex unlock nobody waits for', () => {
    expect(cueOf(say('mutex.trylock.fail', { g: 'G4', word: 4, starving: true }))).toBeNull();
    expect(cueOf(say('rw.unlock.w', { g: 'G1', next: '' }))).toBeNull();
    expect(cueOf(say('rw.unlock.w', { g: 'G1', next: 'G3' }))).toEqual({
      kind: 'handoff',
      from: 'G1',
      to: 'G3',
    });
  });

  it('follows the real mutex model: FIFO park, a wake, a lost race, then a LIFO re-queue at the head', () => {
    const s = mutexScenario({ G1: ['lock', 'unlock', 'lock'], G2: ['lock'], G3: ['lock'] });
    // G1 locks; G2 and G3 each fail the fast path, compute new, CAS in as a waiter, park at the tail.
    const queued = ['G1', 'G2', 'G2', 'G2', 'G2', 'G3', 'G3', 'G3'];
    const parked = after(s, [...queued, 'G3']);
    expect(planMotion(after(s, queued).facts, parked.facts, parked.said)).toEqual([
      { kind: 'enter', g: 'G3', queue: 'm.sema', index: 1, end: 'tail', phase: 1 },
    ]);
    // G1 unlocks: unlockSlow takes the right to wake, semrelease wakes G2, which leaves the queue.
    const unlocked = [...queued, 'G3', 'G1', 'G1'];
    const woke = after(s, [...unlocked, 'G1']);
    expect(planMotion(after(s, unlocked).facts, woke.facts, woke.said)).toEqual([
      { kind: 'leave', g: 'G2', queue: 'm.sema', phase: 1 },
      { kind: 'shift', g: 'G3', queue: 'm.sema', from: 1, to: 0, phase: 1 },
    ]);
    // G1 locks again before the woken G2 can: G2's CAS fails (a shake), then it queues at the head.
    const raced = [...unlocked, 'G1', 'G1', 'G1', 'G2', 'G2', 'G1'];
    const failed = after(s, [...raced, 'G2']);
    expect(planMotion(after(s, raced).facts, failed.facts, failed.said)).toEqual([
      { kind: 'shake', word: 'm.state', phase: 0 },
    ]);
    const requeued = [...raced, 'G2', 'G2', 'G2'];
    const lifo = after(s, [...requeued, 'G2']);
    expect(lifo.said.map((n) => n.key)).toEqual(['mutex.sema.parked']);
    expect(planMotion(after(s, requeued).facts, lifo.facts, lifo.said)).toEqual([
      { kind: 'enter', g: 'G2', queue: 'm.sema', index: 0, end: 'head', phase: 1 },
      { kind: 'shift', g: 'G3', queue: 'm.sema', from: 0, to: 1, phase: 1 },
    ]);
  });
});
