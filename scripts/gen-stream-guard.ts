/**
 * Writes the browser's generated checks from the contract: of stream messages, the run stream's
 * (components/playground/stream-guard.generated.ts) and the grade stream's
 * (components/exercise/grade-stream-guard.generated.ts), and of the response bodies the API
 * client reads (components/api/guards/*.generated.ts).
 * Usage: npm run gen:stream-guard
 */
import { writeFileSync } from 'node:fs';
import { ALL_GUARDS, streamGuardSource } from '../components/playground/stream-guard-source.ts';

for (const guard of ALL_GUARDS) {
  writeFileSync(guard.file, await streamGuardSource(guard));
  console.log(`wrote ${guard.file.pathname}`);
}
