/** What the benchmark scripts share about the server they start: waiting until its build cache is warm. */

/** Resolves once `base`'s health says the Go build cache is warm (or failed to warm); polls once a second. */
export async function waitForWarmServer(base: string, tries = 120): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      const h = (await (await fetch(`${base}/api/health`)).json()) as { cache: { state: string } };
      if (h.cache.state === 'warm' || h.cache.state === 'failed') return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('server did not become ready');
}
