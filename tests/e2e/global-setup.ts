/**
 * Runs after Playwright has started the server and before any test: waits until the runner's Go
 * build cache is warm, so tests time runs, not a cold toolchain (a cold warm-up takes ~40 s).
 */
import type { FullConfig } from '@playwright/test';

export default async function globalSetup(config: FullConfig): Promise<void> {
  const base = config.projects[0]?.use.baseURL ?? 'http://127.0.0.1:4329';
  const deadline = Date.now() + 240_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const health = (await (await fetch(`${base}/api/health`)).json()) as {
        cache: { state: string; detail: string };
      };
      if (health.cache.state === 'warm') return;
      if (health.cache.state === 'failed')
        throw new Error(`the runner's warm-up failed: ${health.cache.detail}`);
      last = `${health.cache.state}: ${health.cache.detail}`;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("the runner's")) throw error;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the runner's build cache was not warm after 240 s (${last})`);
}
