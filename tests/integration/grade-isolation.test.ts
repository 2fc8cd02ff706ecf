/**
 * The race detector reports a racing pair of accesses once per process. Two tests that race on the
 * same lines would let the second one pass "clean" in one test binary; the grader re-runs such
 * tests alone, so each loses its points. Against the real runner.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../playground/src/config.ts';
import { createSandboxedRunService } from '../../playground/src/sandboxed-run-service.ts';
import type { RunService } from '../../playground/src/run-service-types.ts';
import { rawExercise } from '../../contract/exercise/fixture.ts';
import { parseExercise } from '../../contract/exercise/validate.ts';
import { gradeSubmission } from '../../playground/src/grading/grader.ts';

let service: RunService;

beforeAll(async () => {
  const dataDir = resolve('.data/it');
  mkdirSync(dataDir, { recursive: true });
  service = createSandboxedRunService(loadConfig({ LOG_LEVEL: 'silent', LOCKSTEP_DATA_DIR: dataDir }));
  for (let i = 0; i < 300 && (await service.health()).cache.state === 'warming'; i++)
    await new Promise((r) => setTimeout(r, 500));
}, 180_000);

afterAll(async () => service?.close());

const racyCounter = `package c

import "sync"

var N int

// Bump increments N from two goroutines with no synchronization.
func Bump() {
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				N++
			}
		}()
	}
	wg.Wait()
}
`;

describe('grading races the detector reports once per process', () => {
  it('takes the points of every test that races, not only the first', async () => {
    const raw = rawExercise();
    const meta = raw.meta as {
      grading: { tests: { name: string; weight: number }[] };
      check: { starter: { failing: string[] } };
    };
    meta.grading.tests = [
      { name: 'TestFirst', weight: 1 },
      { name: 'TestSecond', weight: 1 },
      { name: 'TestClean', weight: 1 },
    ];
    raw.starter = { 'go.mod': 'module c\n\ngo 1.24\n', 'c.go': racyCounter };
    raw.tests = {
      'c_test.go':
        'package c\n\nimport "testing"\n\nfunc TestFirst(t *testing.T) { Bump() }\n\nfunc TestSecond(t *testing.T) { Bump() }\n\nfunc TestClean(t *testing.T) {}\n',
    };
    meta.check.starter.failing = ['TestFirst'];
    raw.hidden = {};
    raw.solution = { 'c.go': racyCounter };
    const exercise = parseExercise(raw);
    const grade = await gradeSubmission(
      service,
      exercise,
      { 'c.go': racyCounter },
      { client: 'it-isolation' },
    );
    const byName = Object.fromEntries(grade.tests.map((t) => [t.name, t]));
    expect(byName.TestFirst).toMatchObject({ race: true, score: 0 });
    expect(byName.TestSecond).toMatchObject({ race: true, score: 0 });
    expect(byName.TestClean).toMatchObject({ race: false, score: 1 });
    expect(grade.score).toBe(1);
  }, 60_000);
});
