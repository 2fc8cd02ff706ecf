// canSpinVerdict agrees with canSpin at iteration 0 and names the clause that refuses.
import { describe, expect, test } from 'vitest';
import { canSpinVerdict } from './spin-why.ts';
import { canSpin, type SpinEnv } from './state.ts';

const busy: SpinEnv = { numCPUStartup: 4, gomaxprocs: 2, npidle: 0, nmspinning: 0, localRunqEmpty: true };

describe('canSpinVerdict', () => {
  test('names the first refusing clause of internal_sync_runtime_canSpin', () => {
    expect(canSpinVerdict(busy)).toBe('yes');
    expect(canSpinVerdict({ ...busy, numCPUStartup: 1 })).toBe('noCpus');
    expect(canSpinVerdict({ ...busy, gomaxprocs: 1 })).toBe('noProcs');
    expect(canSpinVerdict({ ...busy, gomaxprocs: 4, npidle: 3 })).toBe('noProcs');
    expect(canSpinVerdict({ ...busy, nmspinning: 1 })).toBe('noProcs');
    expect(canSpinVerdict({ ...busy, localRunqEmpty: false })).toBe('noRunq');
  });

  test('says yes exactly when canSpin(0, env) does', () => {
    for (const numCPUStartup of [1, 4])
      for (const gomaxprocs of [1, 2, 4])
        for (const npidle of [0, 1, 3])
          for (const localRunqEmpty of [true, false]) {
            const env = { numCPUStartup, gomaxprocs, npidle, nmspinning: 0, localRunqEmpty };
            expect(canSpinVerdict(env) === 'yes', JSON.stringify(env)).toBe(canSpin(0, env));
          }
  });
});
