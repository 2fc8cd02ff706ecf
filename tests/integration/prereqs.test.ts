/**
 * scripts/prereqs.ts, the set-up `npm start` and `npm test` run first, as a real process. It must
 * install what is missing where it can, and otherwise warn (start) or stop (test) with the
 * command. The machine's packages are never touched: bubblewrap is hidden by a PATH of every
 * /usr/bin command but bwrap, and apt-get (and sudo) are stand-ins on PATH that log how they were
 * called — the real install path is proven by CI's fresh machine, which runs `npm test` as root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
let work: string;
/** Every command of /usr/bin but bwrap: a machine where only bubblewrap is missing. */
let bin: string;
let go: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lockstep-prereqs-'));
  bin = join(work, 'bin');
  mkdirSync(bin);
  for (const name of readdirSync('/usr/bin')) {
    if (name !== 'bwrap') symlinkSync(join('/usr/bin', name), join(bin, name));
  }
  go = dirname(execSync('command -v go', { encoding: 'utf8' }).trim());
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs scripts/prereqs.ts; by default with a PATH that has neither bubblewrap, gcc, Go nor apt-get. */
async function prereqs(
  mode: 'start' | 'test',
  env: Record<string, string> = { PATH: '/nonexistent' },
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['scripts/prereqs.ts', mode], {
      env: { ...process.env, LOCKSTEP_NO_INSTALL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * A folder with a stand-in apt-get that logs each call (with DEBIAN_FRONTEND) and either
 * "installs" bubblewrap — a bwrap in the same folder — or fails as with a stale package index;
 * and a passwordless sudo that runs its command, for when the tests do not run as root.
 */
function fakeApt(install: 'works' | 'fails'): { path: string; calls: () => string[] } {
  const dir = mkdtempSync(join(work, 'apt-'));
  const log = join(dir, 'calls.log');
  const installs =
    install === 'works'
      ? `printf '#!/bin/sh\\necho bubblewrap 0.8.0\\n' > '${dir}/bwrap'; chmod +x '${dir}/bwrap'; exit 0`
      : `echo 'Reading package lists...'; echo 'E: Unable to locate package bubblewrap' >&2; exit 100`;
  const scripts = {
    'apt-get': `#!/bin/sh\necho "$DEBIAN_FRONTEND $*" >> '${log}'\ncase "$1" in\n  update) exit 0 ;;\n  install) ${installs} ;;\nesac\n`,
    sudo: `#!/bin/sh\n[ "$1" = -n ] || exit 1\nshift\n[ "$1" = true ] || echo "sudo $*" >> '${log}'\nexec "$@"\n`,
  };
  for (const [name, text] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o755);
  }
  return {
    path: `${dir}:${bin}:${go}`,
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('sudo ')),
  };
}

describe('where it cannot install', () => {
  it('lets npm start go on without the runner tools, saying what is missing and why nothing was installed', async () => {
    const { code, stdout, stderr } = await prereqs('start');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('cannot run Go code until this is fixed');
    expect(stderr).toMatch(/^ {6}bubblewrap +the Go runner sandboxes/m);
    expect(stderr).toContain('This machine has no apt-get');
    expect(stderr).toContain('apt-get install -y --no-install-recommends gcc bubblewrap');
    expect(stderr).toContain('Go is not on PATH');
  });

  it('stops npm test, which needs them', async () => {
    const { code, stderr } = await prereqs('test');
    expect(code).toBe(1);
    expect(stderr).toContain('cannot run its tests yet');
    expect(stderr).toContain('--no-install-recommends gcc bubblewrap');
  });

  it('installs nothing with LOCKSTEP_NO_INSTALL=1, even where it could, and names the command', async () => {
    const apt = fakeApt('works');
    const { code, stdout, stderr } = await prereqs('test', {
      PATH: apt.path,
      LOCKSTEP_NO_INSTALL: '1',
      CHROMIUM_PATH: '/nonexistent/chromium',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(() => apt.calls()).toThrow(/ENOENT/);
    expect(stderr).toContain('LOCKSTEP_NO_INSTALL is set, so Lockstep installs nothing itself.');
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    expect(stderr).toContain(`fix: ${sudo}apt-get install -y --no-install-recommends bubblewrap chromium\n`);
    expect(stderr).not.toContain('Go is not on PATH');
  });
});

describe('where it can install (root, or passwordless sudo, and apt-get)', () => {
  it('says what it installs and why, installs it without questions, and goes on', async () => {
    const apt = fakeApt('works');
    const { code, stdout, stderr } = await prereqs('start', { PATH: apt.path });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Lockstep is installing what `npm start` needs');
    expect(stdout).toMatch(/^ {2}\+ bubblewrap {2}the Go runner sandboxes every build and run with it/m);
    expect(stdout).toMatch(/^Installed bubblewrap in \d+ s\.$/m);
    // No apt-get update: this machine has package lists.
    expect(apt.calls()).toEqual(['noninteractive install -y --no-install-recommends bubblewrap']);
  });

  it('reports a failed install, retries once after apt-get update, then behaves as if it could not', async () => {
    const apt = fakeApt('fails');
    const { code, stdout, stderr } = await prereqs('test', { PATH: apt.path });
    expect(code).toBe(1);
    expect(stdout).toContain('Refreshing the package lists and trying once more');
    expect(apt.calls()).toEqual([
      'noninteractive install -y --no-install-recommends bubblewrap',
      'noninteractive update -q',
      'noninteractive install -y --no-install-recommends bubblewrap',
    ]);
    expect(stderr).toContain('cannot run its tests yet');
    expect(stderr).toContain(
      'Installing them failed: apt-get exited with 100: E: Unable to locate package bubblewrap.',
    );
  });
});
