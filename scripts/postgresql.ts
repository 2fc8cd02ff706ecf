/**
 * Where Debian's `postgresql` package puts the server programs (initdb, pg_ctl, postgres):
 * /usr/lib/postgresql/<major>/bin, the version found at run time. Used by the test harness that
 * starts a throw-away server (scripts/postgres-server.ts) and by scripts/prereqs.ts to
 * tell whether the package is installed. They are not on PATH on Debian.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The package that provides them, and the command that installs it. */
export const POSTGRESQL_PACKAGE = 'postgresql';
export const POSTGRESQL_INSTALL = `apt-get install -y --no-install-recommends ${POSTGRESQL_PACKAGE}`;

/**
 * The bin directory of the newest installed PostgreSQL that has initdb and pg_ctl, or null.
 * LOCKSTEP_PG_BIN names another directory (a machine that is not Debian).
 */
export function postgresBinDir(root = '/usr/lib/postgresql'): string | null {
  const complete = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((p) => existsSync(join(dir, p)));
  const override = process.env.LOCKSTEP_PG_BIN;
  if (override) return complete(override) ? override : null;
  let versions: string[];
  try {
    versions = readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    return null;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = join(root, v, 'bin');
    if (complete(dir)) return dir;
  }
  return null;
}
