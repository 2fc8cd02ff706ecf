// canSpin as Go 1.26's runtime/proc.go internal_sync_runtime_canSpin decides it, with active_spin from
// runtime/lock_spinbit.go.
import { describe, expect, test } from 'vitest';
import { activeSpin, canSpin, type SpinEnv } from './state.ts';

const busy: SpinEnv = { numCPUStartup: 4, gomaxprocs: 4, npidle: 0, nmspinning: 0, localRunqEmpty: true };

describe('sync_runtime_canSpin', () => {
  test('spins on a multicore machine with another running P and an empty local run queue', () => {
    expect(canSpin(0, busy)).toBe(true);
    expect(canSpin(activeSpin - 1, busy)).toBe(true);
  });

  test('never after active_spin (4) iterations', () => {
    expect(activeSpin).toBe(4);
    expect(canSpin(activeSpin, busy)).toBe(false);
  });

  test('never when the CPU count read at start-up (numCPUStartup) is 1, whatever GOMAXPROCS says', () => {
    expect(canSpin(0, { ...busy, numCPUStartup: 1 })).toBe(false);
  });

  test('never when no other P is running, or this P has work queued', () => {
    expect(canSpin(0, { ...busy, npidle: 2, nmspinning: 1 })).toBe(false);
    expect(canSpin(0, { ...busy, gomaxprocs: 1 })).toBe(false);
    expect(canSpin(0, { ...busy, localRunqEmpty: false })).toBe(false);
  });
});
