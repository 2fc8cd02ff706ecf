/**
 * Runs before scripts/prereqs.ts and is plain JavaScript on purpose: a Node too old for Lockstep —
 * typically the system's Node 20 when `npm install` has not yet put Node 24 in node_modules/.bin —
 * cannot even load a .ts file, and would fail with ERR_UNKNOWN_FILE_EXTENSION instead of the fix.
 * Usage: node scripts/check-node.js start|test
 */
import { existsSync } from 'node:fs';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
// Astro 7 needs 22.12; the scripts and the server are TypeScript run by Node's type stripping,
// which is on by default from 22.18 (process.features.typescript is then 'strip').
const tooOld = major < 22 || (major === 22 && minor < 12) || !process.features.typescript;
if (tooOld) {
  const installed = existsSync(new URL('../node_modules/.bin/node', import.meta.url));
  const fix = installed
    ? 'Run it through npm (npm start / npm test): npm puts node_modules/.bin, with its Node 24, first on PATH.'
    : 'Run `npm install` first: it puts Node 24 in node_modules/.bin, which npm then uses for every script.';
  const what = process.argv[2] === 'test' ? 'run its tests' : 'start';
  console.error(
    `\nLockstep cannot ${what} yet:\n\n` +
      `  ✗ Node ${process.versions.node} is running this script; Lockstep needs Node ≥ 22.18 ` +
      '(Astro 7 needs ≥ 22.12, and the TypeScript scripts need type stripping).\n' +
      `    fix: ${fix}\n`,
  );
  process.exit(1);
}
