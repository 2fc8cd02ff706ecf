/**
 * How much CPU sandboxed work weighs against the server: constants only. Applied by the cgroups
 * (../machine/cgroup-detect.ts creates the shared v1 group, ../machine/cgroup.ts weighs v2 job groups).
 */
import { CGROUP_PREFIX } from './cgroup-paths.ts';

/**
 * CPU weight of sandboxed work against the server, out of the default 1024 (v1 cpu.shares) or 100
 * (v2 cpu.weight). The server accepts a class's submissions and answers pages while it builds and
 * runs their code; when both want the cores, the server gets about nine tenths, and with nothing
 * else to do the builds still take every idle cycle. Niceness alone cannot do this: bwrap starts
 * each sandbox in a new session, and with the kernel's autogroup scheduling
 * (/proc/sys/kernel/sched_autogroup_enabled) every session is weighed as one equal group, whatever
 * the nice value of the processes inside it. A cpu cgroup is weighed above autogroups.
 */
export const SANDBOX_CPU_SHARES = 128;
export const SANDBOX_CPU_WEIGHT = 12;
/** The shared v1 cpu group of all sandboxes (no owner pid in its name: never removed as a leftover). */
export const SANDBOX_CPU_GROUP = `${CGROUP_PREFIX}sandboxes`;
