/**
 * Prepares this machine for `npm start` / `npm test` before they start. It installs the Debian
 * packages they need when it can (root or passwordless sudo, apt-get, no LOCKSTEP_NO_INSTALL;
 * install-plan.ts decides), and otherwise names the command that fixes what is missing: `npm test`
 * stops at once instead of failing later, while `npm start` only warns, because everything here is
 * needed only to run Go code — the server then serves the course and refuses to run code, saying
 * why in /api/health and in every run response. This file is the I/O around install-plan.ts:
 * probing the machine, running apt-get, printing. scripts/check-node.js ran first, so this Node
 * runs TypeScript.
 * Usage: node scripts/prereqs.ts start|test
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromiumPath } from './chromium.ts';
import { haproxyPath } from './haproxy.ts';
import { postgresBinDir } from './postgresql.ts';
import {
  aptArgv,
  aptFailure,
  aptInstall,
  decide,
  neededPackages,
  optedOut,
  type Facts,
  type Mode,
  type Plan,
  type SystemPackage,
} from './install-plan.ts';

interface Problem {
  what: string;
  fix: string;
}

const MIN_GO = [1, 24] as const;

/** Returns a command's stdout, or null when it cannot run or fails. */
function run(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return r.error === undefined && r.status === 0 ? r.stdout.trim() : null;
}

/** Whether an executable of that name is on PATH (without running it). */
function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Whether a package's job is already done here (see Presence). */
function present(p: SystemPackage): boolean {
  const presence = p.presence;
  switch (presence.kind) {
    case 'command':
      return presence.anyOf.some((cmd) => run(cmd, ['--version']) !== null);
    case 'chromium':
      return existsSync(chromiumPath());
    case 'font':
      return (
        (run('fc-list', [':', 'family']) ?? '').includes(presence.family) || presence.files.some(existsSync)
      );
    case 'postgresql':
      return postgresBinDir() !== null;
    case 'haproxy':
      return haproxyPath() !== null;
  }
}

/** A fresh container image has no package index at all: apt-get install would find nothing. */
function aptListsEmpty(): boolean {
  try {
    return !readdirSync('/var/lib/apt/lists').some((f) => /_Packages(\.|$)/.test(f));
  } catch {
    return true;
  }
}

/** Probes what decide() needs; sudo is only tried when it could matter. */
function facts(mode: Mode, missing: SystemPackage[]): Facts {
  const uid = process.getuid?.();
  const optOut = optedOut(process.env.LOCKSTEP_NO_INSTALL);
  const aptGet = onPath('apt-get');
  const askSudo = missing.length > 0 && uid !== 0 && aptGet && !optOut;
  return {
    mode,
    missing,
    uid,
    passwordlessSudo: askSudo && run('sudo', ['-n', 'true']) !== null,
    aptGet,
    optOut,
    aptListsEmpty: aptGet && aptListsEmpty(),
  };
}

/** Runs apt-get (update or install) with the plan's privileges; returns why it failed, or null. */
function apt(args: string[], sudo: boolean): string | null {
  console.log(`  $ ${sudo ? 'sudo ' : ''}${args.join(' ')}`);
  const [cmd = '', ...rest] = aptArgv(args, sudo);
  const r = spawnSync(cmd, rest, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error !== undefined) return `${cmd} could not run: ${r.error.message}`;
  return r.status === 0 ? null : aptFailure(`${r.stdout}\n${r.stderr}`, r.status);
}

/**
 * Installs the plan's packages, saying what and why first. apt-get update runs only when it is
 * needed — no lists at all, or an install that failed (stale lists name files the mirror no longer
 * has) — so a machine with the packages cached is done in seconds. Returns why it failed, or null.
 */
function install(plan: Extract<Plan, { action: 'install' }>, mode: Mode): string | null {
  const width = Math.max(...plan.packages.map((p) => p.name.length));
  const as = plan.sudo ? 'with sudo' : 'as root';
  console.log(
    `\nLockstep is installing what \`npm ${mode}\` needs (apt-get, ${as}; LOCKSTEP_NO_INSTALL=1 skips this):`,
  );
  for (const p of plan.packages) console.log(`  + ${p.name.padEnd(width)}  ${p.why}`);
  const started = Date.now();
  const update = ['apt-get', 'update', '-q'];
  if (plan.updateFirst) {
    const failed = apt(update, plan.sudo);
    if (failed !== null) return failed;
  }
  let failed = apt(aptInstall(plan.packages), plan.sudo);
  if (failed !== null && !plan.updateFirst) {
    console.log(`  ${failed}\n  Refreshing the package lists and trying once more:`);
    failed = apt(update, plan.sudo) ?? apt(aptInstall(plan.packages), plan.sudo);
  }
  if (failed !== null) return failed;
  const still = plan.packages.filter((p) => !present(p));
  if (still.length > 0) {
    const chromium = still.some((p) => p.presence.kind === 'chromium')
      ? ` (Chromium is looked for at ${chromiumPath()})`
      : '';
    return `apt-get succeeded, but ${still.map((p) => p.name).join(', ')} still cannot be found${chromium}.`;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`Installed ${plan.packages.map((p) => p.name).join(', ')} in ${seconds} s.\n`);
  return null;
}

/** The problem that a warn / stop plan reports: each package with its reason, then the command. */
function packageProblem(plan: Extract<Plan, { action: 'warn' | 'stop' }>): Problem {
  const width = Math.max(...plan.packages.map((p) => p.name.length));
  const lines = plan.packages.map((p) => `      ${p.name.padEnd(width)}  ${p.why}`);
  return {
    what: `Missing Debian packages:\n${lines.join('\n')}\n    ${plan.reason}`,
    fix: plan.command,
  };
}

/** The system packages: installed when possible, else the problem to report. */
function preparePackages(mode: Mode, sandbox: boolean): Problem[] {
  const needed = neededPackages(mode, { linux: process.platform === 'linux', sandbox });
  const missing = needed.filter((p) => !present(p));
  const known = facts(mode, missing);
  let plan = decide(known);
  if (plan.action === 'install') {
    const failed = install(plan, mode);
    if (failed === null) return [];
    plan = decide({ ...known, installFailed: failed });
  }
  return plan.action === 'warn' || plan.action === 'stop' ? [packageProblem(plan)] : [];
}

/** What apt cannot fix: the platform and Go (Go on PATH is the machine's business). */
function otherProblems(sandbox: boolean): Problem[] {
  const problems: Problem[] = [];
  if (process.platform !== 'linux' && sandbox) {
    problems.push({
      what: `The Go sandbox needs Linux (bubblewrap, namespaces, cgroups); this is ${process.platform}.`,
      fix: 'Use a Linux machine, or for yourself alone on this machine: LOCKSTEP_UNSAFE_NO_SANDBOX=1 npm start (no sandbox; localhost only).',
    });
  }
  const goVersion = run('go', ['env', 'GOVERSION']);
  const m = goVersion ? /^go(\d+)\.(\d+)/.exec(goVersion) : null;
  if (!m) {
    problems.push({
      what: 'Go is not on PATH.',
      fix: 'Install Go ≥ 1.24 from https://go.dev/dl/ (e.g. tar -C /usr/local -xzf go1.26.*.linux-amd64.tar.gz) and add /usr/local/go/bin to PATH.',
    });
  } else if (Number(m[1]) < MIN_GO[0] || (Number(m[1]) === MIN_GO[0] && Number(m[2]) < MIN_GO[1])) {
    problems.push({
      what: `${goVersion} is too old; Lockstep's lessons need Go ≥ 1.24.`,
      fix: 'Install Go ≥ 1.24 from https://go.dev/dl/.',
    });
  }
  return problems;
}

const mode: Mode = process.argv[2] === 'test' ? 'test' : 'start';
const sandbox = !/^(1|true|yes)$/i.test(process.env.LOCKSTEP_UNSAFE_NO_SANDBOX ?? '');
const problems = [...preparePackages(mode, sandbox), ...otherProblems(sandbox)];
if (problems.length > 0) {
  console.error(
    mode === 'test'
      ? '\nLockstep cannot run its tests yet:\n'
      : '\nLockstep will serve the course, but it cannot run Go code until this is fixed:\n',
  );
  for (const p of problems) console.error(`  ✗ ${p.what}\n    fix: ${p.fix}\n`);
  if (mode === 'test') process.exit(1);
}
