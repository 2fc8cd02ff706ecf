/**
 * The probe's pure half: reads what the host's tools printed (ldd's list of loaded files, bwrap's
 * complaint when the trial run failed) into facts and into a reason with its fix. ../machine/probe.ts runs them.
 */
import type { RunnerReason } from '../../../../contract/errors.ts';
import { SANDBOX_UID } from './limits.ts';

/** Why code cannot run here: a code for the browser and the reason, with its fix, for the operator. */
export interface Unavailable {
  code: RunnerReason;
  reason: string;
}

/** Parses `ldd` output into the files a dynamically linked program loads (vdso excluded). */
export function parseLdd(text: string): string[] {
  const paths: string[] = [];
  for (const line of text.split('\n')) {
    const m = /=>\s*(\/\S+)/.exec(line) ?? /^\s*(\/\S+)\s+\(0x/.exec(line);
    if (m?.[1]) paths.push(m[1]);
  }
  return [...new Set(paths)];
}

/** Turns bwrap's complaint into the reason's code, and the reason and the fix. */
export function explainTrialFailure(stderr: string, jobsDir: string): Unavailable {
  const first = stderr.trim().split('\n')[0] ?? '';
  if (/namespace|uid map|setting up uid|Operation not permitted/i.test(stderr)) {
    const reason =
      `bubblewrap cannot create unprivileged user namespaces (${first}): enable them with ` +
      '`sysctl -w user.max_user_namespaces=15000` (and `kernel.unprivileged_userns_clone=1` on older Debian kernels; ' +
      'on Ubuntu ≥ 23.10 `kernel.apparmor_restrict_unprivileged_userns=0` or an AppArmor profile for bwrap)';
    return { code: 'userns_disabled', reason };
  }
  if (/Can't find source path|Permission denied/i.test(stderr)) {
    const reason = `the sandbox user (uid ${SANDBOX_UID}) cannot reach the data dir ${jobsDir} (${first}): every parent directory needs o+x`;
    return { code: 'data_dir_unreachable', reason };
  }
  if (/cannot join cgroup/.test(stderr))
    return { code: 'cgroup_join_failed', reason: `cannot move a process into the job cgroup (${first})` };
  return {
    code: 'sandbox_trial_failed',
    reason: `the sandbox failed its trial run: ${first || 'no error output'}`,
  };
}
