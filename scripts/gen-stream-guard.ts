/**
 * Writes the browser's generated checks of stream messages from the contract: the run stream's
 * (components/playground/stream-guard.generated.ts) and the grade stream's
 * (components/exercise/grade-stream-guard.generated.ts).
 * Usage: npm run gen:stream-guard
 */
import { writeFileSync } from 'node:fs';
import { STREAM_GUARDS, streamGuardSource } from '../components/playground/stream-guard-source.ts';

for (const guard of STREAM_GUARDS) {
  writeFileSync(guard.file, await streamGuardSource(guard));
  console.log(`wrote ${guard.file.pathname}`);
}
