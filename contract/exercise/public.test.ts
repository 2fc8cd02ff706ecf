import { describe, expect, it } from 'vitest';
import { exercise } from './fixture.ts';
import { publicExercise } from './public.ts';

describe('publicExercise', () => {
  it('keeps statement, hints, starter files and visible tests in the locale', () => {
    const p = publicExercise(exercise(), 'zh-cn');
    expect(p.title).toBe('Tiny counter（中文）');
    expect(p.statement).toBe('让它安全。');
    expect(p.hints).toEqual(['Look at the race report.（中文）', 'Use a mutex.（中文）']);
    expect(p.files.map((f) => [f.name, f.kind, f.editable])).toEqual([
      ['c.go', 'source', true],
      ['c_test.go', 'test', false],
      ['go.mod', 'module', false],
    ]);
    expect(p.tests).toEqual([{ name: 'TestVisible', weight: 1 }]);
    expect(p.hiddenTests).toEqual({ count: 1, weight: 2 });
  });

  it('never carries hidden tests, their names or the solution', () => {
    const text = JSON.stringify([
      publicExercise(exercise(), 'en', { explanation: true }),
      publicExercise(exercise(), 'zh-cn', { explanation: true }),
    ]);
    expect(text).not.toContain('SECRET-HIDDEN-SOURCE');
    expect(text).not.toContain('hidden_test.go');
    expect(text).not.toContain('TestHidden');
    expect(text).not.toContain('SECRET-SOLUTION');
  });

  it('adds the explanation only when asked for', () => {
    expect(publicExercise(exercise(), 'en').explanation).toBeUndefined();
    expect(publicExercise(exercise(), 'en', { explanation: true }).explanation).toBe('Locks order accesses.');
  });
});
