/**
 * Writes components/playground/stream-guard.generated.ts from the stream contract.
 * Usage: npm run gen:stream-guard
 */
import { writeFileSync } from 'node:fs';
import { STREAM_GUARD_FILE, streamGuardSource } from '../components/playground/stream-guard-source.ts';

writeFileSync(STREAM_GUARD_FILE, await streamGuardSource());
console.log(`wrote ${STREAM_GUARD_FILE.pathname}`);
