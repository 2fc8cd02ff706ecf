/**
 * Shared by the content checkers (check:exercises, check:snippets): the real run service on the
 * integration tests' warm data dir, waited on until its build cache is warm, and an aligned table.
 */
import { loadConfig } from '../playground/src/config.ts';
import { createSandboxedRunService } from '../playground/src/sandboxed-run-service.ts';
import type { RunService } from '../playground/src/run-service-types.ts';

/** Runs fn with a warm run service; returns 2 (and says why) when code cannot run on this machine. */
export async function withWarmRunner(
  name: string,
  fn: (service: RunService) => Promise<number>,
): Promise<number> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    LOCKSTEP_DATA_DIR: process.env.LOCKSTEP_DATA_DIR ?? '.data/it',
  });
  const service = createSandboxedRunService(config);
  try {
    const health = await service.health();
    if (!health.sandbox.available) {
      console.error(`${name}: code cannot run here: ${health.sandbox.reason}`);
      return 2;
    }
    // Timings should measure the content, not a cold build cache.
    for (let i = 0; i < 300 && !['warm', 'failed'].includes((await service.health()).cache.state); i++) {
      await new Promise((r) => setTimeout(r, 500));
    }
    return await fn(service);
  } finally {
    await service.close();
  }
}

/** Prints rows under head as an aligned Markdown table. */
export function printTable(head: string[], cells: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string => `| ${c.map((x, i) => x.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}
