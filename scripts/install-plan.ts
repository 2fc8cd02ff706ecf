/**
 * Decides what `npm start` / `npm test` do about the Debian packages they need: install them
 * (as root, or with passwordless sudo), or — when that is not possible or not wanted — warn
 * (`npm start` still serves the course) or stop (`npm test` cannot pass without them) with the
 * exact command. Pure: scripts/prereqs.ts gathers the facts, runs apt-get and prints; this file
 * only turns facts into a plan, so every combination is unit-tested without touching a machine.
 */

export type Mode = 'start' | 'test';

/** How scripts/prereqs.ts tells that a package's job is already done on this machine. */
export type Presence =
  /** One of these commands answers `--version`. */
  | { kind: 'command'; anyOf: readonly string[] }
  /** Chromium is at chromiumPath() (CHROMIUM_PATH or /usr/bin/chromium). */
  | { kind: 'chromium' }
  /** fontconfig knows the family, or one of the files exists (machines without fc-list). */
  | { kind: 'font'; family: string; files: readonly string[] }
  /** PostgreSQL's server programs are in /usr/lib/postgresql/<version>/bin (scripts/postgresql.ts). */
  | { kind: 'postgresql' }
  /** haproxy is on PATH or in Debian's /usr/sbin, off a normal user's PATH (scripts/haproxy.ts). */
  | { kind: 'haproxy' };

export interface SystemPackage {
  /** The Debian package. */
  name: string;
  /** Why Lockstep needs it: printed in one line before it is installed. */
  why: string;
  presence: Presence;
  /** Needed only on Linux, or only when code runs in the bubblewrap sandbox (also Linux-only). */
  only?: 'linux' | 'sandbox';
}

const GCC: SystemPackage = {
  name: 'gcc',
  why: 'the race detector (-race) needs cgo, and cgo needs a C compiler',
  presence: { kind: 'command', anyOf: ['cc', 'gcc'] },
  only: 'linux',
};
const BUBBLEWRAP: SystemPackage = {
  name: 'bubblewrap',
  why: 'the Go runner sandboxes every build and run with it (bwrap)',
  presence: { kind: 'command', anyOf: ['bwrap'] },
  only: 'sandbox',
};
const CHROMIUM: SystemPackage = {
  name: 'chromium',
  why: "the browser tests drive Debian's Chromium (no browser is downloaded)",
  presence: { kind: 'chromium' },
};
const CJK_FONTS: SystemPackage = {
  name: 'fonts-noto-cjk',
  why: 'the browser tests and diagrams draw the 简体中文 pages with it',
  presence: {
    kind: 'font',
    family: 'Noto Sans CJK',
    files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
  },
  only: 'linux',
};
const POSTGRESQL: SystemPackage = {
  name: 'postgresql',
  why: 'the lab store tests start a real PostgreSQL server (initdb in a temporary directory)',
  presence: { kind: 'postgresql' },
};
const HAPROXY: SystemPackage = {
  name: 'haproxy',
  why: 'the cluster failover test puts two servers behind a real HAProxy (deploy/haproxy.cfg)',
  presence: { kind: 'haproxy' },
};

/**
 * What each command needs from the system, in install order. A package another mode needs
 * (a database for the tests, say) is one more entry here and one more Presence kind if needed.
 */
export const PACKAGES: Readonly<Record<Mode, readonly SystemPackage[]>> = {
  start: [GCC, BUBBLEWRAP],
  test: [GCC, BUBBLEWRAP, CHROMIUM, CJK_FONTS, POSTGRESQL, HAPROXY],
};

/**
 * The packages `mode` needs on this machine. Elsewhere than Linux the sandbox cannot exist (the
 * runner is off and prereqs.ts says so), and a learner who opted into running code without a
 * sandbox (LOCKSTEP_UNSAFE_NO_SANDBOX) does not need bubblewrap.
 */
export function neededPackages(mode: Mode, machine: { linux: boolean; sandbox: boolean }): SystemPackage[] {
  return PACKAGES[mode].filter(
    (p) => p.only === undefined || (machine.linux && (p.only === 'linux' || machine.sandbox)),
  );
}

/** `LOCKSTEP_NO_INSTALL=1` (or true/yes) turns installing off. */
export function optedOut(value: string | undefined): boolean {
  return /^(1|true|yes)$/i.test(value ?? '');
}

export interface Facts {
  mode: Mode;
  /** Needed packages whose Presence check failed, in PACKAGES order. */
  missing: readonly SystemPackage[];
  /** process.getuid(); undefined where there is none (Windows). */
  uid: number | undefined;
  /** `sudo -n true` succeeded (only asked when not root). */
  passwordlessSudo: boolean;
  /** apt-get is on PATH: a Debian or Ubuntu machine. */
  aptGet: boolean;
  /** LOCKSTEP_NO_INSTALL is set. */
  optOut: boolean;
  /** /var/lib/apt/lists holds no package index yet (a fresh container image). */
  aptListsEmpty: boolean;
  /** Set after an attempted install failed: the plan then falls back to warn / stop. */
  installFailed?: string;
}

export type Plan =
  | { action: 'nothing' }
  | {
      action: 'install';
      packages: readonly SystemPackage[];
      /** Prefix apt-get with `sudo -n` (not root, passwordless sudo). */
      sudo: boolean;
      /** Run `apt-get update` before installing, because there are no package lists at all. */
      updateFirst: boolean;
    }
  | {
      /** warn: `npm start` serves the course anyway; stop: `npm test` exits 1. */
      action: 'warn' | 'stop';
      packages: readonly SystemPackage[];
      /** Why nothing was installed, as a sentence. */
      reason: string;
      /** The exact command that fixes it, for a person to run. */
      command: string;
    };

/** Returns what to do about the missing packages. */
export function decide(facts: Facts): Plan {
  const packages = facts.missing;
  if (packages.length === 0) return { action: 'nothing' };
  const root = facts.uid === 0;
  const reason = cannotInstall(facts, root);
  if (reason === null) {
    return { action: 'install', packages, sudo: !root, updateFirst: facts.aptListsEmpty };
  }
  return {
    action: facts.mode === 'start' ? 'warn' : 'stop',
    packages,
    reason,
    command: [...(root ? [] : ['sudo']), ...aptInstall(packages)].join(' '),
  };
}

/** Returns why the packages cannot be installed here, or null when they can. */
function cannotInstall(facts: Facts, root: boolean): string | null {
  if (facts.optOut) return 'LOCKSTEP_NO_INSTALL is set, so Lockstep installs nothing itself.';
  if (facts.installFailed !== undefined) {
    return `Installing them failed: ${facts.installFailed}${/[.?!]$/.test(facts.installFailed) ? '' : '.'}`;
  }
  if (!facts.aptGet) {
    return 'This machine has no apt-get (it is not Debian or Ubuntu), so Lockstep cannot install them; use your package manager.';
  }
  if (!root && !facts.passwordlessSudo) {
    const who = facts.uid === undefined ? 'this user' : `this user (uid ${facts.uid})`;
    return `Installing needs root, and ${who} is not root and has no passwordless sudo.`;
  }
  return null;
}

/** `apt-get install` for packages, without prompts or recommended extras (they double chromium's size). */
export function aptInstall(packages: readonly SystemPackage[]): string[] {
  return ['apt-get', 'install', '-y', '--no-install-recommends', ...packages.map((p) => p.name)];
}

/** The argv that runs apt-get (update or install) with the plan's privileges and no questions. */
export function aptArgv(apt: readonly string[], sudo: boolean): string[] {
  const noQuestions = ['env', 'DEBIAN_FRONTEND=noninteractive', ...apt];
  return sudo ? ['sudo', '-n', ...noQuestions] : noQuestions;
}

/**
 * The lines of a failed apt-get's output that say why: its `E:` lines (and sudo's own complaint),
 * else the last few lines, so the reason fits in a message.
 */
export function aptFailure(output: string, status: number | null): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const errors = lines.filter((l) => /^(E:|sudo:)/.test(l));
  const shown = errors.length > 0 ? errors : lines.slice(-3);
  const code = status === null ? 'was killed' : `exited with ${status}`;
  return shown.length > 0 ? `apt-get ${code}: ${shown.join(' / ')}` : `apt-get ${code}.`;
}
