import { describe, expect, it } from 'vitest';
import {
  compareGoVersions,
  needsNewerGo,
  parseGoVersion,
  shownGoVersion,
  skipReasonForGo,
} from './go-version.ts';

describe('Go versions', () => {
  it('reads a declared minimum and the ways a Go reports itself', () => {
    expect(parseGoVersion('1.25')).toEqual({ major: 1, minor: 25 });
    expect(parseGoVersion('go1.24.6')).toEqual({ major: 1, minor: 24 });
    expect(parseGoVersion('go1.26rc1')).toEqual({ major: 1, minor: 26 });
    expect(parseGoVersion('devel go1.27-3f1e2a X:synctest')).toEqual({ major: 1, minor: 27 });
    expect(parseGoVersion('')).toBeNull();
    expect(parseGoVersion(undefined)).toBeNull();
    expect(parseGoVersion('devel +abc')).toBeNull();
  });

  it('compares language versions numerically, not as text', () => {
    expect(compareGoVersions({ major: 1, minor: 9 }, { major: 1, minor: 24 })).toBeLessThan(0);
    expect(compareGoVersions({ major: 1, minor: 25 }, { major: 1, minor: 25 })).toBe(0);
    expect(compareGoVersions({ major: 2, minor: 0 }, { major: 1, minor: 30 })).toBeGreaterThan(0);
  });

  it('a runner is too old only when its language version is below the minimum', () => {
    expect(needsNewerGo('1.25', 'go1.24.6')).toBe(true);
    expect(needsNewerGo('1.25', 'go1.24.13')).toBe(true);
    expect(needsNewerGo('1.25', 'go1.25.0')).toBe(false);
    expect(needsNewerGo('1.25', 'go1.25rc2')).toBe(false);
    expect(needsNewerGo('1.25', 'go1.26.8')).toBe(false);
    expect(needsNewerGo('1.26', 'go1.25.9')).toBe(true);
  });

  it('says nothing when the minimum or the runner is unknown', () => {
    expect(needsNewerGo(undefined, 'go1.24.0')).toBe(false);
    expect(needsNewerGo('1.25', '')).toBe(false);
    expect(needsNewerGo('1.25', undefined)).toBe(false);
  });

  it('shows a Go as people write it', () => {
    expect(shownGoVersion('go1.24.6')).toBe('1.24.6');
    expect(shownGoVersion('go1.26rc1')).toBe('1.26rc1');
    expect(shownGoVersion('devel go1.27-3f1e2a')).toBe('1.27');
  });

  it('gives the checkers a reason to skip only when the runner is too old', () => {
    expect(skipReasonForGo('1.25', 'go1.24.0')).toBe('needs Go 1.25 or later; this runner has Go 1.24.0');
    expect(skipReasonForGo('1.25', 'go1.25.0')).toBeNull();
    expect(skipReasonForGo(undefined, 'go1.24.0')).toBeNull();
  });
});
