/**
 * The race-audit lab (content/labs/race-audit/): the gate script the chapters teach, run with the
 * host's real `go` in a temporary copy of each fixture module. It must fail on racy/ with a race
 * report and pass on fixed/, otherwise the lab teaches nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const LAB = resolve('content/labs/race-audit');
const work = mkdtempSync(join(tmpdir(), 'lockstep-race-audit-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Copies the lab (script and both modules) into the temp dir and runs `bash ../audit.sh` in one module. */
function runAudit(module: 'racy' | 'fixed'): { status: number | null; output: string } {
  const lab = join(work, module);
  cpSync(LAB, lab, { recursive: true });
  const result = spawnSync('bash', ['../audit.sh'], {
    cwd: join(lab, module),
    env: { ...process.env, CGO_ENABLED: '1', GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('race-audit lab', () => {
  test('racy/: the gate exits non-zero with a race report', () => {
    const { status, output } = runAudit('racy');
    expect(status, output).not.toBe(0);
    expect(output).toContain('WARNING: DATA RACE');
    expect(output).toContain('race detected during execution of test');
    expect(output).not.toContain('race reports:');
  }, 200_000);

  test('fixed/: the gate exits 0 with no race report', () => {
    const { status, output } = runAudit('fixed');
    expect(status, output).toBe(0);
    expect(output).not.toContain('WARNING: DATA RACE');
    expect(output).toContain('race reports: 0');
  }, 200_000);
});
