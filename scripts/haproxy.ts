/**
 * Where Debian's `haproxy` package puts the load balancer, for the cluster launcher
 * (scripts/cluster/launch.ts: the failover test and `npm run bench:classroom`) and for
 * scripts/prereqs.ts to tell whether the package is installed. Debian installs it in /usr/sbin,
 * which is not on a normal user's PATH, so that path is tried after PATH.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The package that provides it, and the command that installs it. */
export const HAPROXY_PACKAGE = 'haproxy';
export const HAPROXY_INSTALL = `apt-get install -y --no-install-recommends ${HAPROXY_PACKAGE}`;

/** Where to look, in order: LOCKSTEP_HAPROXY, each PATH entry, then Debian's /usr/sbin. */
export function haproxyCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.LOCKSTEP_HAPROXY) return [env.LOCKSTEP_HAPROXY];
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'haproxy'));
  return [...onPath, '/usr/sbin/haproxy'];
}

/** The haproxy executable to run, or null when none is installed. */
export function haproxyPath(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const path of haproxyCandidates(env)) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}
