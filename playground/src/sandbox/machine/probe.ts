/**
 * Finds out, once at start, whether this machine can sandbox code, and says exactly why not when
 * it cannot: Go toolchain, bubblewrap, setpriv, gcc, cgroups, and a real trial run of the build
 * sandbox inside a real job cgroup.
 */
import { execFile } from 'node:child_process';
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { promisify } from 'node:util';
import type { HostLayout, RootEntry } from '../plan/bwrap-args.ts';
import { buildSandboxArgs, launcherArgv, LAUNCHER_ENV } from '../plan/bwrap-args.ts';
import { JobCgroup } from './cgroup.ts';
import { detectCgroups, type CgroupSupport } from './cgroup-detect.ts';
import { createJobDirs, removeTree, type Owner } from './jobdir.ts';
import { MIN_GO_MINOR, SANDBOX_GID, SANDBOX_UID, type Limits } from '../plan/limits.ts';
import { explainTrialFailure, parseLdd, type Unavailable } from '../plan/probe-parse.ts';
export type { Unavailable } from '../plan/probe-parse.ts';
import { runStep } from './step.ts';
import type { RunnerReason } from '../../../../contract/errors.ts';

const run = promisify(execFile);

/** What /api/health shows about the sandbox. */
export interface SandboxProbe {
  mode: 'bwrap' | 'none';
  available: boolean;
  reason: string;
  /** When unavailable: why, as the code clients word (reason has the operator's details). */
  code?: RunnerReason;
  cgroup: 'v1' | 'v2' | 'none';
  goVersion: string;
  bwrapVersion?: string;
}

/** Facts the executor needs, present only when the probe succeeded. */
export interface HostEnv {
  mode: 'bwrap' | 'none';
  goroot: string;
  goVersion: string;
  layout: HostLayout;
  cgroups: CgroupSupport;
  owner: Owner;
}

/** The probe's verdict plus, when available, the host facts. */
export type ProbeResult = { probe: SandboxProbe; env: HostEnv | null };

const INSTALL_GO = `install Go ≥ 1.${MIN_GO_MINOR} from https://go.dev/dl/ and put its bin directory on PATH`;
export const UNSAFE_WARNING =
  "UNSAFE: LOCKSTEP_UNSAFE_NO_SANDBOX=1 — learners' code runs directly on this machine with your user's rights " +
  '(only time and output limits apply). Use this only for yourself, on localhost.';

async function goFacts(): Promise<{ goVersion: string; goroot: string } | Unavailable> {
  try {
    const { stdout } = await run('go', ['env', 'GOVERSION', 'GOROOT'], {
      env: { ...process.env, GOTOOLCHAIN: 'local' },
    });
    const [goVersion = '', goroot = ''] = stdout.trim().split('\n');
    const minor = /^go1\.(\d+)/.exec(goVersion);
    if (!minor || Number(minor[1]) < MIN_GO_MINOR)
      return { code: 'go_too_old', reason: `Go ${goVersion || '(unknown)'} is too old: ${INSTALL_GO}` };
    return { goVersion, goroot };
  } catch {
    return { code: 'go_missing', reason: `Go is not installed or not on PATH: ${INSTALL_GO}` };
  }
}

async function version(command: string, args: string[] = ['--version']): Promise<string | null> {
  try {
    const { stdout, stderr } = await run(command, args);
    return (stdout || stderr).trim().split('\n')[0] ?? '';
  } catch {
    return null;
  }
}

function rootEntries(): RootEntry[] {
  const entries: RootEntry[] = [];
  for (const path of ['/usr', '/bin', '/lib', '/lib64', '/sbin']) {
    try {
      const st = lstatSync(path);
      if (st.isSymbolicLink()) entries.push({ path, symlink: readlinkSync(path) });
      else if (st.isDirectory()) entries.push({ path });
    } catch {
      // not on this system
    }
  }
  return entries;
}

/** Returns the maker of a verdict that code cannot run here: why, as a code and in words. */
function notAvailable(mode: SandboxProbe['mode'], goVersion: string) {
  return (code: RunnerReason, reason: string, extra: Partial<SandboxProbe> = {}): ProbeResult => ({
    probe: { mode, available: false, reason, code, cgroup: 'none', goVersion, ...extra },
    env: null,
  });
}

/** Runs every check; never throws. */
export async function probeHost(opts: {
  jobsDir: string;
  unsafeNoSandbox: boolean;
  limits: Limits;
}): Promise<ProbeResult> {
  const go = await goFacts();
  const goVersion = 'code' in go ? '' : go.goVersion;
  const fail = notAvailable(opts.unsafeNoSandbox ? 'none' : 'bwrap', goVersion);
  if ('code' in go) return fail(go.code, go.reason);
  const layout: HostLayout = {
    goroot: go.goroot,
    rootEntries: rootEntries(),
    libs: [],
    dropTo: null,
    uid: SANDBOX_UID,
    gid: SANDBOX_GID,
  };
  if ((await version('gcc')) === null)
    return fail('gcc_missing', 'gcc is required by the race detector: apt-get install -y gcc');

  if (opts.unsafeNoSandbox) {
    const self = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    return {
      probe: { mode: 'none', available: true, reason: UNSAFE_WARNING, cgroup: 'none', goVersion },
      env: {
        mode: 'none',
        goroot: go.goroot,
        goVersion,
        layout: { ...layout, ...self },
        cgroups: { version: 'none', reason: 'unsafe mode' },
        owner: null,
      },
    };
  }

  const bwrapVersion = await version('bwrap');
  if (bwrapVersion === null)
    return fail('bwrap_missing', 'bubblewrap is not installed: apt-get install -y bubblewrap');
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    if ((await version('setpriv')) === null) {
      return fail(
        'setpriv_missing',
        'setpriv is needed to drop root before bubblewrap: apt-get install -y util-linux',
        {
          bwrapVersion,
        },
      );
    }
    layout.dropTo = { uid: SANDBOX_UID, gid: SANDBOX_GID };
  }
  const cgroups = detectCgroups();
  const cgroup = cgroups.version;
  if (cgroups.version === 'none')
    return fail('cgroup_unusable', `no usable cgroup for memory limits: ${cgroups.reason}`, { bwrapVersion });
  try {
    const { stdout } = await run('ldd', ['/bin/true']);
    layout.libs = parseLdd(stdout).map((path) => ({ host: realpathSync(path), sandbox: path }));
  } catch (error) {
    return fail(
      'ldd_failed',
      `cannot list the C libraries a race binary needs (ldd /bin/true failed: ${String(error)})`,
      {
        bwrapVersion,
        cgroup,
      },
    );
  }
  const owner: Owner = layout.dropTo;
  const trial = await trialRun(opts.jobsDir, layout, cgroups, owner, opts.limits);
  if (trial !== null) return fail(trial.code, trial.reason, { bwrapVersion, cgroup });
  const reason = `bubblewrap sandbox with cgroup ${cgroup} limits, running as uid ${layout.uid}`;
  return {
    probe: { mode: 'bwrap', available: true, reason, cgroup, goVersion, bwrapVersion },
    env: { mode: 'bwrap', goroot: go.goroot, goVersion, layout, cgroups, owner },
  };
}

/** A real build-sandbox run of `go env GOVERSION` in a real job cgroup; null when it worked. */
async function trialRun(
  jobsDir: string,
  layout: HostLayout,
  cgroups: Exclude<CgroupSupport, { version: 'none' }>,
  owner: Owner,
  limits: Limits,
): Promise<Unavailable | null> {
  let group: JobCgroup;
  try {
    group = JobCgroup.create(cgroups, { memoryBytes: limits.buildMemoryBytes, pids: limits.pids });
  } catch (error) {
    return { code: 'cgroup_unusable', reason: `cannot create a job cgroup: ${String(error)}` };
  }
  const dirs = createJobDirs(jobsDir, owner);
  try {
    const argv = launcherArgv(group.procFiles, layout, [
      ...buildSandboxArgs(layout, dirs, limits.buildTmpBytes),
      '--',
      'go',
      'env',
      'GOVERSION',
    ]);
    const result = await runStep({
      argv,
      env: { ...LAUNCHER_ENV },
      cwd: '/',
      wallMs: 20_000,
      outputBytes: 64 * 1024,
      cgroup: group,
      quitGraceMs: 0,
    });
    if (result.exitCode === 0 && /^go1\./.test(result.stdout)) return null;
    return explainTrialFailure(result.stderr || result.stdout, jobsDir);
  } finally {
    await group.destroy();
    removeTree(dirs.root);
  }
}
