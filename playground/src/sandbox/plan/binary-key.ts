/**
 * The binary cache's key: a hash of everything that changes the linked binary (files, action, race,
 * Go version, build flags, the trace wrapper), so an unchanged lesson example reuses its binary (../machine/bincache.ts).
 */
import { createHash } from 'node:crypto';

/** The cache key: everything that changes the linked binary. */
export function binaryCacheKey(input: {
  files: Record<string, string>;
  action: string;
  race: boolean;
  goVersion: string;
  buildArgs: readonly string[];
  /** A traced build: the wrapper's Go source for run (it is linked in), true for test. */
  trace?: string | true | undefined;
}): string {
  const files = Object.keys(input.files)
    .sort()
    .map((name) => [name, input.files[name] ?? '']);
  const canonical = JSON.stringify({
    v: 1,
    goVersion: input.goVersion,
    action: input.action,
    race: input.race,
    buildArgs: input.buildArgs,
    files,
    ...(input.trace === undefined ? {} : { trace: input.trace }),
  });
  return createHash('sha256').update(canonical).digest('hex');
}
