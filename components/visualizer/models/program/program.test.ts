import { describe, expect, test } from 'vitest';
import { holds } from '../../engine/predicates.ts';
import { enabledMoves, replayMoves } from '../../engine/run.ts';
import { toScenario } from '../../sandbox/format.ts';
import type { OpId } from './palette.ts';
import { programIsDeadlocked, type ProgramState } from './program.ts';

const sc = (...goroutines: OpId[][]) => toScenario({ goroutines }, { id: 't', title: 't', description: 't' });
const play = (s: ReturnType<typeof sc>, moves: string) => replayMoves(s, moves ? moves.split(' ') : []);
const state = (s: ReturnType<typeof sc>, moves: string) => play(s, moves).state as ProgramState;
const can = (s: ReturnType<typeof sc>, moves: string) => enabledMoves(s, play(s, moves)).map((m) => m.move);
/** Plays `moves`, then always the first goroutine that can run, to the end. */
function toEnd(s: ReturnType<typeof sc>, moves: string): ProgramState {
  let run = play(s, moves);
  for (let m = enabledMoves(s, run)[0]; m; m = enabledMoves(s, run)[0])
    run = replayMoves(s, [...run.steps.map((x) => x.move), m.move]);
  return run.state as ProgramState;
}

describe('the sandbox program model', () => {
  test('x++ is a load and a store: interleaved, one update is lost, and it is a race', () => {
    const s = sc(['x.inc'], ['x.inc']);
    const lost = state(s, 'G1 G2 G1 G2');
    expect(lost.objects.x).toMatchObject({ value: 1, incs: 2 });
    expect(holds('program', lost, { kind: 'lostUpdate' })).toBe(true);
    // G1's store is the first access that conflicts: with G2's load, which nothing ordered before it.
    expect(lost.hb.race).toEqual({
      loc: 'x',
      first: 'G2',
      firstWrite: false,
      second: 'G1',
      secondWrite: true,
    });
    const seq = state(s, 'G1 G1 G2 G2');
    expect(seq.objects.x).toMatchObject({ value: 2, incs: 2 });
    expect(holds('program', seq, { kind: 'lostUpdate' })).toBe(false);
    // Without any synchronisation even the sequential schedule races: nothing orders the two goroutines.
    expect(holds('program', seq, { kind: 'race' })).toBe(true);
  });

  test('a mutex around x++ blocks the second goroutine (the real mutex model) and orders the accesses', () => {
    const s = sc(['mu.Lock', 'x.inc', 'mu.Unlock'], ['mu.Lock', 'x.inc', 'mu.Unlock']);
    const p = state(s, 'G1 G2 G2 G2 G2');
    // G2's Lock: fast-path CAS fails, lockSlow loops, CAS sets the waiter bit, semacquire parks.
    expect(p.goroutines[1]).toMatchObject({ ip: 0, pc: 'in' });
    expect(can(s, 'G1 G2 G2 G2 G2')).toEqual(['G1']);
    const q = toEnd(s, 'G1 G2 G2 G2 G2');
    expect(q.goroutines.every((g) => g.pc === 'done')).toBe(true);
    expect(q.objects.x).toMatchObject({ value: 2, incs: 2 });
    expect(q.hb.race).toBeNull();
  });

  test('TryLock that fails takes nothing; the Unlock after it is fatal', () => {
    const s = sc(['mu.Lock', 'mu.Unlock'], ['mu.TryLock', 'mu.Unlock']);
    const tried = state(s, 'G1 G2');
    expect((tried.objects.mu as unknown as { holder: string | null }).holder).toBe('G1');
    expect(tried.goroutines[1]).toMatchObject({ ip: 1, pc: 'start' });
    const p = state(s, 'G1 G2 G1 G2');
    expect(p.failure).toMatchObject({
      kind: 'fatal',
      message: 'sync: unlock of unlocked mutex',
      goroutine: 'G2',
    });
    expect(enabledMoves(s, play(s, 'G1 G2 G1 G2'))).toEqual([]);
  });

  test('AB-BA: each holds one mutex and waits for the other; nothing can step, so Go reports a deadlock', () => {
    const s = sc(
      ['mu.Lock', 'mu2.Lock', 'mu2.Unlock', 'mu.Unlock'],
      ['mu2.Lock', 'mu.Lock', 'mu.Unlock', 'mu2.Unlock'],
    );
    const moves = 'G1 G2 G1 G1 G1 G1 G2 G2 G2 G2';
    const p = state(s, moves);
    expect(can(s, moves)).toEqual([]);
    expect(programIsDeadlocked(p)).toBe(true);
    expect(holds('program', p, { kind: 'deadlock' })).toBe(true);
  });

  test('two map writes that overlap are fatal; a read during a write is fatal too', () => {
    const w = sc(['m.write'], ['m.write']);
    const fatalW = state(w, 'G1 G2 G2 G2 G1 G2');
    expect(fatalW.failure).toMatchObject({ kind: 'fatal', message: 'concurrent map writes' });
    const r = sc(['m.write'], ['m.read']);
    expect(state(r, 'G1 G1 G2').failure).toMatchObject({ message: 'concurrent map read and map write' });
    expect(state(r, 'G2 G2 G1 G1 G1 G1').failure).toBeNull();
  });

  test('a WaitGroup: Wait blocks until Done, and a second Done panics with a negative counter', () => {
    const s = sc(['wg.Add', 'wg.Wait'], ['wg.Done'], ['wg.Done']);
    expect(can(s, 'G1 G1 G1')).toEqual(['G2', 'G3']);
    expect(state(s, 'G1 G1 G1 G2').failure).toBeNull();
    expect(can(s, 'G1 G1 G1 G2')).toEqual(['G1', 'G3']);
    expect(state(s, 'G1 G1 G1 G2 G3').failure).toMatchObject({
      kind: 'panic',
      message: 'sync: negative WaitGroup counter',
    });
  });

  test('Done happens before Wait returns: the waiter reads x without a race', () => {
    const s = sc(['wg.Add', 'wg.Wait', 'x.read'], ['work', 'x.inc', 'wg.Done']);
    const p = state(s, 'G1 G1 G1 G2 G2 G2 G2 G1 G1');
    expect(p.goroutines.every((g) => g.pc === 'done')).toBe(true);
    expect(p.hb.race).toBeNull();
    // Reading before the Done is a race on x.
    const racy = sc(['x.read'], ['x.inc', 'wg.Add', 'wg.Done']);
    expect(state(racy, 'G2 G2 G1').hb.race).toMatchObject({ loc: 'x', first: 'G2', second: 'G1' });
  });

  test('RWMutex: readers share it, a writer waits for them; its wait reason is the one Go prints', () => {
    const s = sc(['rw.RLock', 'x.read', 'rw.RUnlock'], ['rw.Lock', 'x.inc', 'rw.Unlock']);
    const run = play(s, 'G1 G2 G2 G2');
    const p = run.state as ProgramState;
    expect(p.goroutines[1]!.pc).toBe('in');
    expect(can(s, 'G1 G2 G2 G2')).toEqual(['G1']);
    const end = toEnd(s, 'G1 G2 G2 G2');
    expect(end.objects.x).toMatchObject({ value: 1 });
    expect(end.goroutines.every((g) => g.pc === 'done')).toBe(true);
    expect(end.hb.race).toBeNull();
  });
});
