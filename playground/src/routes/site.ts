/**
 * Serves the built Astro site: files from the site directory and directory URLs to their
 * index.html. Unknown URLs get Starlight's 404 page from the app's not-found handler.
 */
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Registers static serving of siteDir; throws a clear error when the site was not built. */
export async function siteRoutes(app: FastifyInstance, opts: { siteDir: string }): Promise<void> {
  if (!existsSync(join(opts.siteDir, 'index.html'))) {
    throw new Error(`The site is not built (no ${opts.siteDir}/index.html). Run: npm run build`);
  }
  await app.register(fastifyStatic, {
    root: opts.siteDir,
    redirect: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders(reply, path) {
      // Astro's hashed assets never change; pages and search data must revalidate.
      const immutable = path.includes('/_astro/') || path.includes('/diagrams/');
      (reply as unknown as { header(k: string, v: string): void }).header(
        'cache-control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
