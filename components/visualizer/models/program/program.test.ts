import { describe, expect, test } from 'vitest';
import { holds } from '../../engine/predicates.ts';
import { enabledMoves, replayMoves } from '../../engine/run.ts';
import { toScenario } from '../../sandbox/format.ts';
import type { OpId } from './palette.ts';
import { programCursor, programIsDeadlocked, type ProgramState } from './program.ts';

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

/** Every schedule's end state, by depth-first search over the enabled moves. */
function allEnds(s: ReturnType<typeof sc>, moves: Parameters<typeof replayMoves>[1] = []): ProgramState[] {
  const run = replayMoves(s, moves);
  const next = enabledMoves(s, run);
  if (!next.length) return [run.state as ProgramState];
  return next.flatMap((m) => allEnds(s, [...moves, m.move]));
}
const keys = (s: ReturnType<typeof sc>, moves: string) =>
  play(s, moves).steps.flatMap((x) => x.narration.map((n) => n.key));

describe('channels, sync.Cond and sync.Once in the sandbox', () => {
  test('a send and its receive are ordered: x++ before the send, a read after the receive, no race', () => {
    // The receiver parks first, or the sender does: either way both end, and nothing races.
    const s = sc(['x.inc', 'ch.send'], ['ch.recv', 'x.read']);
    for (const moves of ['G2 G1 G1 G1 G2 G2', 'G1 G1 G1 G2 G2 G1']) {
      const p = state(s, moves);
      expect(p.goroutines.every((g) => g.pc === 'done')).toBe(true);
      expect(p.hb.race).toBeNull();
    }
    // Over every schedule, unbuffered and buffered alike.
    for (const c of ['ch', 'buf'] as const)
      for (const end of allEnds(sc(['x.inc', `${c}.send`], [`${c}.recv`, 'x.read']))) {
        expect(end.goroutines.every((g) => g.pc === 'done')).toBe(true);
        expect(end.hb.race).toBeNull();
      }
    // A bare send/receive pair is no race either; without the channel the same accesses race.
    expect(allEnds(sc(['ch.send'], ['ch.recv'])).every((p) => p.hb.race === null)).toBe(true);
    const racy = state(sc(['x.inc', 'work'], ['work', 'x.read']), 'G1 G1 G1 G2 G2');
    expect(racy.hb.race).toMatchObject({ loc: 'x', first: 'G1', second: 'G2' });
  });

  test('the receive waits for the send: the parked receiver shows chan receive, the sender chan send', () => {
    const r = sc(['ch.recv'], ['work']);
    expect(programCursor(state(r, 'G1'), 'G1')).toMatchObject({ status: 'blocked', reason: 'chan receive' });
    // An unbuffered send with no receiver parks for ever: Go's deadlock.
    const s = sc(['ch.send'], ['work']);
    const p = state(s, 'G1 G2');
    expect(programCursor(p, 'G1')).toMatchObject({ status: 'blocked', reason: 'chan send' });
    expect(programIsDeadlocked(p)).toBe(true);
    expect(holds('program', p, { kind: 'deadlock' })).toBe(true);
    // The buffered channel takes the value into its one slot and the send returns.
    const b = state(sc(['buf.send'], ['work']), 'G1 G2');
    expect(b.goroutines.every((g) => g.pc === 'done')).toBe(true);
    expect(programIsDeadlocked(b)).toBe(false);
  });

  test('send on a closed channel and a second close panic with Go’s messages', () => {
    expect(state(sc(['ch.close', 'ch.send'], ['work']), 'G1 G1').failure).toMatchObject({
      kind: 'panic',
      message: 'send on closed channel',
      goroutine: 'G1',
    });
    expect(state(sc(['buf.close'], ['buf.close']), 'G1 G2').failure).toMatchObject({
      kind: 'panic',
      message: 'close of closed channel',
      goroutine: 'G2',
    });
    // A sender parked when the channel is closed wakes and panics; the close and the send race (chansend's
    // racereadpc against closechan's racewritepc).
    const p = state(sc(['ch.send'], ['ch.close']), 'G1 G2 G1');
    expect(p.failure).toMatchObject({ kind: 'panic', message: 'send on closed channel', goroutine: 'G1' });
    expect(p.hb.race).toMatchObject({ loc: 'ch', first: 'G1', second: 'G2' });
    // A receive that returns because of close is ordered after it.
    const q = toEnd(sc(['x.inc', 'ch.close'], ['ch.recv', 'x.read']), 'G2');
    expect(q.failure).toBeNull();
    expect(q.hb.race).toBeNull();
  });

  test('Cond: Wait parks, Signal wakes it, Wait relocks L; the write under L before Signal is ordered', () => {
    const s = sc(
      ['c.L.Lock', 'c.Wait', 'x.read', 'c.L.Unlock'],
      ['c.L.Lock', 'x.inc', 'c.Signal', 'c.L.Unlock'],
    );
    // G1 locks, Wait: ticket, Unlock, park.
    const parked = state(s, 'G1 G1 G1 G1');
    expect(programCursor(parked, 'G1')).toMatchObject({ status: 'blocked', reason: 'sync.Cond.Wait' });
    // G2 locks, x++, Signal; G1's relock queues on L; G2's Unlock hands L to G1, whose Wait returns.
    const relock = state(s, 'G1 G1 G1 G1 G2 G2 G2 G2 G1');
    expect(programCursor(relock, 'G1')).toMatchObject({ status: 'blocked', reason: 'sync.Mutex.Lock' });
    const handed = state(s, 'G1 G1 G1 G1 G2 G2 G2 G2 G1 G2');
    expect(handed.goroutines[0]).toMatchObject({ ip: 2, pc: 'start' });
    const end = toEnd(s, 'G1 G1 G1 G1 G2 G2 G2 G2 G1 G2');
    expect(end.failure).toBeNull();
    expect(end.goroutines.every((g) => g.pc === 'done')).toBe(true);
    expect(end.hb.race).toBeNull();
  });

  test('c.L: an Unlock hands L to the goroutine queued in Lock, whose Lock returns then', () => {
    const s = sc(['c.L.Lock', 'x.inc', 'c.L.Unlock'], ['c.L.Lock', 'x.read', 'c.L.Unlock']);
    expect(programCursor(state(s, 'G1 G2'), 'G2')).toMatchObject({
      status: 'blocked',
      reason: 'sync.Mutex.Lock',
    });
    const handed = state(s, 'G1 G2 G1 G1 G1');
    expect(handed.goroutines[1]).toMatchObject({ ip: 1, pc: 'start' });
    expect(can(s, 'G1 G2 G1 G1 G1')).toEqual(['G2']);
    const end = toEnd(s, 'G1 G2 G1 G1 G1');
    expect(end.goroutines.every((g) => g.pc === 'done')).toBe(true);
    expect(end.hb.race).toBeNull();
  });

  test('Cond: a Signal before anyone waits is lost, and the waiter sleeps for ever', () => {
    const s = sc(['c.L.Lock', 'c.Wait', 'c.L.Unlock'], ['c.Signal']);
    const p = state(s, 'G2 G1 G1 G1 G1');
    expect(keys(s, 'G2')).toContain('cond.signal.lost');
    expect(programIsDeadlocked(p)).toBe(true);
    expect(programCursor(p, 'G1')).toMatchObject({ status: 'blocked', reason: 'sync.Cond.Wait' });
  });

  test('Once: f runs once, and a write before the Do that ran f is ordered before a read after the other Do', () => {
    const s = sc(['x.inc', 'once.Do'], ['once.Do', 'x.read']);
    // G1: x++, then Do runs f (fast path, Lock, check, f, done.Store, Unlock); G2's Do takes the fast path.
    const moves = 'G1 G1 G1 G1 G1 G1 G1 G1 G2 G2';
    const p = state(s, moves);
    expect(p.goroutines.every((g) => g.pc === 'done')).toBe(true);
    expect(keys(s, moves).filter((k) => k === 'once.f.work')).toHaveLength(1);
    expect(p.hb.race).toBeNull();
    // G2 waits on o.m while G1 runs f; handed o.m, it finds done set and returns without running f.
    const waited = 'G1 G1 G1 G1 G1 G2 G2 G1 G1 G1 G2 G2 G2';
    expect(keys(s, waited).filter((k) => k === 'once.f.work')).toHaveLength(1);
    expect(toEnd(s, waited).hb.race).toBeNull();
    // In every schedule f runs exactly once.
    for (const end of allEnds(sc(['once.Do'], ['once.Do']))) {
      expect(end.goroutines.every((g) => g.pc === 'done')).toBe(true);
      expect((end.objects.once as unknown as { done: number }).done).toBe(1);
    }
    // Without the Once the same accesses race.
    expect(state(sc(['x.inc', 'work'], ['work', 'x.read']), 'G1 G1 G1 G2 G2').hb.race).not.toBeNull();
  });
});
