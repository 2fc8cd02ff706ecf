/** Test-only: a small valid exercise in memory, to be broken one field at a time by unit tests. */
import type { RawExercise } from './validate.ts';
import { parseExercise } from './validate.ts';
import type { Exercise } from './types.ts';

/** Returns a fresh valid raw exercise (deep-copied, safe to mutate). */
export function rawExercise(): RawExercise {
  const text = (en: string) => ({ en, 'zh-cn': `${en}（中文）` });
  return structuredClone({
    id: 'tiny-counter',
    dir: 'content/exercises/tiny-counter',
    meta: {
      title: text('Tiny counter'),
      chapter: 'locks/internals-and-memory-model',
      difficulty: 'beginner',
      objective: text('Count safely.'),
      hints: [text('Look at the race report.'), text('Use a mutex.')],
      grading: {
        race: true,
        count: 1,
        timeBudgetMs: 2000,
        tests: [
          { name: 'TestHidden', weight: 2 },
          { name: 'TestVisible', weight: 1 },
        ],
      },
      check: { starter: { status: ['race'], failing: ['TestVisible'] } },
    },
    texts: {
      'statement.en.md': 'Make it safe.',
      'statement.zh-cn.md': '让它安全。',
      'explanation.en.md': 'Locks order accesses.',
      'explanation.zh-cn.md': '锁为访问排序。',
    },
    starter: { 'go.mod': 'module c\n\ngo 1.24\n', 'c.go': 'package c\n\nvar N int\n' },
    tests: { 'c_test.go': 'package c\n\nimport "testing"\n\nfunc TestVisible(t *testing.T) {}\n' },
    hidden: {
      'hidden_test.go':
        'package c\n\nimport "testing"\n\n// SECRET-HIDDEN-SOURCE\nfunc TestHidden(t *testing.T) {}\n',
    },
    solution: { 'c.go': 'package c\n\n// SECRET-SOLUTION\nvar N int\n' },
  });
}

/** Returns the fixture, validated. */
export function exercise(): Exercise {
  return parseExercise(rawExercise());
}
