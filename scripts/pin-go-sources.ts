/**
 * Pins the Go sources each visualizer model follows (components/visualizer/models/source-pins.json)
 * for a Go tree: by default the Go on PATH, or a GOROOT given as the argument (e.g. an unpacked
 * golang.org/toolchain module to pin an older release). Run after re-reading the files the pins
 * test named. Usage: npm run pin:go-sources [-- /path/to/goroot]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pinVersion, type PinsFile } from './conformance/pins.ts';

const pinsPath = resolve(import.meta.dirname, '../components/visualizer/models/source-pins.json');
const goroot = process.argv[2] ?? execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
const version = readFileSync(join(goroot, 'VERSION'), 'utf8').split('\n')[0]!;
const read = (p: string) =>
  existsSync(join(goroot, 'src', p)) ? readFileSync(join(goroot, 'src', p), 'utf8') : null;

const file = JSON.parse(readFileSync(pinsPath, 'utf8')) as PinsFile;
writeFileSync(pinsPath, `${JSON.stringify(pinVersion(file, version, read), null, 2)}\n`);
console.log(`pinned ${version} from ${goroot} in ${pinsPath}`);
