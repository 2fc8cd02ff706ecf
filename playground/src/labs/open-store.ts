/**
 * Chooses the lab store from the configuration: PostgreSQL when LOCKSTEP_DATABASE_URL is set
 * (several servers share it), otherwise the embedded SQLite file at LOCKSTEP_LABS_DB.
 */
import type { Config } from '../config.ts';
import { createPostgresLabStore } from './postgres-store.ts';
import { createSqliteLabStore } from './sqlite-store.ts';
import type { LabStore } from './store.ts';

export interface OpenedStore {
  store: LabStore;
  /** For logs: where the labs live, never with a password. */
  where: string;
}

/** The URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

export function openLabStore(
  config: Pick<Config, 'LOCKSTEP_DATABASE_URL' | 'LOCKSTEP_LABS_DB' | 'LOCKSTEP_GRADE_ATTEMPTS'>,
  log: { warn: (message: string) => void },
): OpenedStore {
  const url = config.LOCKSTEP_DATABASE_URL;
  if (url) {
    const where = `PostgreSQL at ${redactUrl(url)}`;
    const store = createPostgresLabStore(url, {
      maxGradingAttempts: config.LOCKSTEP_GRADE_ATTEMPTS,
      onIdleError: (error) => log.warn(`lab database connection dropped (${where}): ${error.message}`),
    });
    return { store, where };
  }
  return {
    store: createSqliteLabStore(config.LOCKSTEP_LABS_DB, {
      maxGradingAttempts: config.LOCKSTEP_GRADE_ATTEMPTS,
    }),
    where: `SQLite at ${config.LOCKSTEP_LABS_DB}`,
  };
}
