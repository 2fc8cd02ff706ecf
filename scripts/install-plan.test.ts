/**
 * The decision table of `npm start` / `npm test`'s set-up: which Debian packages each needs, and
 * for every combination of root, passwordless sudo, apt-get, LOCKSTEP_NO_INSTALL, a failed
 * install and the mode, whether they install (and how), warn or stop — without touching a machine.
 */
import { describe, expect, it } from 'vitest';
import {
  PACKAGES,
  aptArgv,
  aptFailure,
  aptInstall,
  decide,
  neededPackages,
  optedOut,
  type Facts,
  type Mode,
  type SystemPackage,
} from './install-plan.ts';

const names = (ps: readonly SystemPackage[]): string[] => ps.map((p) => p.name);
const pkg = (name: string): SystemPackage => {
  const found = PACKAGES.test.find((p) => p.name === name);
  if (!found) throw new Error(`no package ${name}`);
  return found;
};
const bubblewrap = pkg('bubblewrap');

/** A root CI machine with apt-get that lacks bubblewrap; each test changes what it is about. */
function facts(over: Partial<Facts> = {}): Facts {
  return {
    mode: 'start',
    missing: [bubblewrap],
    uid: 0,
    passwordlessSudo: false,
    aptGet: true,
    optOut: false,
    aptListsEmpty: false,
    ...over,
  };
}

describe('the packages each command needs', () => {
  it('npm start needs gcc and bubblewrap; npm test also chromium, the CJK fonts, postgresql and haproxy', () => {
    expect(names(PACKAGES.start)).toEqual(['gcc', 'bubblewrap']);
    expect(names(PACKAGES.test)).toEqual([
      'gcc',
      'bubblewrap',
      'chromium',
      'fonts-noto-cjk',
      'postgresql',
      'haproxy',
    ]);
  });

  it('says why for each package, in one line', () => {
    for (const p of PACKAGES.test) {
      expect(p.why.length).toBeGreaterThan(10);
      expect(p.why).not.toContain('\n');
    }
  });

  it.each([
    ['start', true, true, ['gcc', 'bubblewrap']],
    ['start', true, false, ['gcc']],
    ['start', false, true, []],
    ['test', true, true, ['gcc', 'bubblewrap', 'chromium', 'fonts-noto-cjk', 'postgresql', 'haproxy']],
    ['test', true, false, ['gcc', 'chromium', 'fonts-noto-cjk', 'postgresql', 'haproxy']],
    ['test', false, true, ['chromium', 'postgresql', 'haproxy']],
  ] as const)('%s on linux=%s with sandbox=%s needs %j', (mode, linux, sandbox, expected) => {
    expect(names(neededPackages(mode, { linux, sandbox }))).toEqual(expected);
  });
});

describe('LOCKSTEP_NO_INSTALL', () => {
  it.each(['1', 'true', 'TRUE', 'yes'])('%j opts out', (value) => expect(optedOut(value)).toBe(true));
  it.each([undefined, '', '0', 'false', 'no', 'maybe'])('%j does not', (value) =>
    expect(optedOut(value)).toBe(false),
  );
});

describe('the decision, row by row', () => {
  it('does nothing when nothing is missing, even where it could not install', () => {
    expect(decide(facts({ missing: [], uid: 1000, aptGet: false, mode: 'test' }))).toEqual({
      action: 'nothing',
    });
  });

  it('installs as root without sudo, without apt-get update when the lists are there', () => {
    expect(decide(facts({ mode: 'test', missing: PACKAGES.test }))).toEqual({
      action: 'install',
      packages: PACKAGES.test,
      sudo: false,
      updateFirst: false,
    });
  });

  it('updates first on a fresh image with no package lists', () => {
    expect(decide(facts({ aptListsEmpty: true }))).toMatchObject({ action: 'install', updateFirst: true });
  });

  it('installs with sudo for a user with passwordless sudo', () => {
    expect(decide(facts({ uid: 1000, passwordlessSudo: true }))).toMatchObject({
      action: 'install',
      sudo: true,
    });
  });

  it('npm start warns, and npm test stops, for a user without sudo, naming the sudo command', () => {
    const start = decide(facts({ uid: 1000 }));
    expect(start).toEqual({
      action: 'warn',
      packages: [bubblewrap],
      reason: 'Installing needs root, and this user (uid 1000) is not root and has no passwordless sudo.',
      command: 'sudo apt-get install -y --no-install-recommends bubblewrap',
    });
    expect(decide(facts({ uid: 1000, mode: 'test' }))).toMatchObject({
      action: 'stop',
      command: 'sudo apt-get install -y --no-install-recommends bubblewrap',
    });
  });

  it('names root as root: no sudo in the command where there is no apt-get', () => {
    expect(decide(facts({ aptGet: false, mode: 'test', missing: [pkg('chromium')] }))).toEqual({
      action: 'stop',
      packages: [pkg('chromium')],
      reason:
        'This machine has no apt-get (it is not Debian or Ubuntu), so Lockstep cannot install them; use your package manager.',
      command: 'apt-get install -y --no-install-recommends chromium',
    });
  });

  it('respects the opt-out even as root with apt-get', () => {
    expect(decide(facts())).toMatchObject({ action: 'install' });
    expect(decide(facts({ optOut: true }))).toMatchObject({
      action: 'warn',
      reason: 'LOCKSTEP_NO_INSTALL is set, so Lockstep installs nothing itself.',
    });
  });

  it('falls back to warn / stop with apt-get’s reason when the install failed', () => {
    const failed = 'apt-get exited with 100: E: Unable to locate package bubblewrap';
    expect(decide(facts({ installFailed: failed }))).toMatchObject({
      action: 'warn',
      reason: `Installing them failed: ${failed}.`,
      command: 'apt-get install -y --no-install-recommends bubblewrap',
    });
    expect(decide(facts({ installFailed: failed, mode: 'test' }))).toMatchObject({ action: 'stop' });
  });

  it('without a uid (not POSIX) it cannot know it is root', () => {
    expect(decide(facts({ uid: undefined }))).toMatchObject({
      action: 'warn',
      reason: 'Installing needs root, and this user is not root and has no passwordless sudo.',
    });
  });

  it('lists the missing packages in the order given, in the plan and in the command', () => {
    const missing = [pkg('gcc'), pkg('chromium'), pkg('fonts-noto-cjk')];
    const plan = decide(facts({ mode: 'test', missing, uid: 1000 }));
    expect(plan).toMatchObject({
      packages: missing,
      command: 'sudo apt-get install -y --no-install-recommends gcc chromium fonts-noto-cjk',
    });
  });
});

describe('the decision, every combination', () => {
  const modes: Mode[] = ['start', 'test'];
  const rows: Facts[] = [];
  for (const mode of modes)
    for (const missing of [[], [bubblewrap], PACKAGES[mode]])
      for (const uid of [0, 1000, undefined])
        for (const passwordlessSudo of [false, true])
          for (const aptGet of [false, true])
            for (const optOut of [false, true])
              for (const aptListsEmpty of [false, true])
                for (const installFailed of [undefined, 'E: x'])
                  rows.push({
                    mode,
                    missing,
                    uid,
                    passwordlessSudo,
                    aptGet,
                    optOut,
                    aptListsEmpty,
                    installFailed,
                  });

  it('covers 2 modes × 3 sets × 3 users × 2⁵ = 576 rows', () => expect(rows).toHaveLength(576));

  it('installs exactly when it may and can; otherwise start warns and test stops, naming the command', () => {
    for (const f of rows) {
      const row = JSON.stringify({ ...f, missing: names(f.missing) });
      const plan = decide(f);
      const canInstall =
        !f.optOut && f.installFailed === undefined && f.aptGet && (f.uid === 0 || f.passwordlessSudo);
      if (f.missing.length === 0) {
        expect(plan, row).toEqual({ action: 'nothing' });
      } else if (canInstall) {
        expect(plan, row).toEqual({
          action: 'install',
          packages: f.missing,
          sudo: f.uid !== 0,
          updateFirst: f.aptListsEmpty,
        });
      } else {
        const sudo = f.uid === 0 ? '' : 'sudo ';
        expect(plan, row).toMatchObject({
          action: f.mode === 'start' ? 'warn' : 'stop',
          packages: f.missing,
          command: `${sudo}apt-get install -y --no-install-recommends ${names(f.missing).join(' ')}`,
          reason: expect.stringMatching(/\.$/),
        });
      }
    }
  });
});

describe('running apt-get', () => {
  it('never asks a question: noninteractive, -y, and sudo -n that fails instead of prompting', () => {
    const install = aptInstall([bubblewrap, pkg('gcc')]);
    expect(install).toEqual(['apt-get', 'install', '-y', '--no-install-recommends', 'bubblewrap', 'gcc']);
    expect(aptArgv(install, false)).toEqual(['env', 'DEBIAN_FRONTEND=noninteractive', ...install]);
    expect(aptArgv(['apt-get', 'update', '-q'], true)).toEqual([
      'sudo',
      '-n',
      'env',
      'DEBIAN_FRONTEND=noninteractive',
      'apt-get',
      'update',
      '-q',
    ]);
  });

  it('reports apt-get’s own error lines when it fails', () => {
    const output = [
      'Reading package lists...',
      'Building dependency tree...',
      'Reading state information...',
      'E: Unable to locate package bubblewrap',
      '',
    ].join('\n');
    expect(aptFailure(output, 100)).toBe('apt-get exited with 100: E: Unable to locate package bubblewrap');
    expect(
      aptFailure(
        'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock, are you root?\n',
        100,
      ),
    ).toBe(
      'apt-get exited with 100: E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied) / E: Unable to acquire the dpkg frontend lock, are you root?',
    );
    expect(aptFailure('sudo: a password is required\n', 1)).toBe(
      'apt-get exited with 1: sudo: a password is required',
    );
  });

  it('falls back to the last lines, or to the exit alone', () => {
    expect(aptFailure('a\nb\nc\nd\n', 2)).toBe('apt-get exited with 2: b / c / d');
    expect(aptFailure('', null)).toBe('apt-get was killed.');
  });
});
