/**
 * Pure helpers for finding where this process may create cgroups: parsing /proc/self/cgroup and
 * naming the per-job groups. The I/O side is ../machine/cgroup.ts.
 */

/** This process's cgroup membership: the unified (v2) path and the v1 path of each controller. */
export interface OwnCgroups {
  unified: string | null;
  v1: Record<string, string>;
}

/** Parses /proc/self/cgroup ("4:memory:/a/b", "0::/x", "2:cpu,cpuacct:/"). */
export function parseProcCgroup(text: string): OwnCgroups {
  const own: OwnCgroups = { unified: null, v1: {} };
  for (const line of text.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, id, controllers = '', path = '/'] = m;
    if (id === '0' && controllers === '') own.unified = path;
    else for (const c of controllers.split(',')) if (c) own.v1[c] = path;
  }
  return own;
}

/** Joins a mount point and a cgroup path ("/sys/fs/cgroup/memory" + "/a" → "/sys/fs/cgroup/memory/a"). */
export function cgroupDir(mount: string, path: string): string {
  const clean = path.split('/').filter((p) => p && p !== '.' && p !== '..');
  return [mount.replace(/\/+$/, ''), ...clean].join('/');
}

/** Prefix of every group this server creates; leftovers with a dead owner pid are removed at start. */
export const CGROUP_PREFIX = 'lockstep-';

/** A unique, recognisable name for one job's group (the tag tells apart sandboxes in one process). */
export function jobCgroupName(serverPid: number, instanceTag: string, sequence: number): string {
  return `${CGROUP_PREFIX}${serverPid}-${instanceTag}${sequence}`;
}

/** The server pid embedded in a group name made by jobCgroupName, or null for foreign names. */
export function ownerPidOf(name: string): number | null {
  const m = new RegExp(`^${CGROUP_PREFIX}(\\d+)-[0-9a-z]+$`).exec(name);
  return m ? Number(m[1]) : null;
}

/** Reads `oom_kill N` from memory.oom_control (v1) or memory.events (v2). */
export function oomKills(text: string): number {
  const m = /^oom_kill (\d+)$/m.exec(text);
  return m ? Number(m[1]) : 0;
}
