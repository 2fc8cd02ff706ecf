/**
 * Pure: the Go source pins of the visualizer's models (components/visualizer/models/source-pins.json).
 * Each model lists the Go source files (or single functions of large files) it follows; a pin is
 * their sha256 per Go minor version. Checking compares a Go tree's hashes with the pins and names
 * the models to re-check and the files that changed; pinning writes a version's hashes.
 */
import { createHash } from 'node:crypto';

/** A file under $GOROOT/src, or one top-level function of it; `since`/`until` bound the Go minors it exists in. */
export interface PinSource {
  path: string;
  func?: string;
  since?: string;
  until?: string;
}

export interface ModelPins {
  /** Why the list is what it is (e.g. a model whose source is not in any pinned Go). */
  note?: string;
  sources: PinSource[];
  /** Go minor ("1.26") → source key → sha256 (hex), or "absent". */
  pins: Record<string, Record<string, string>>;
}

export interface PinsFile {
  $comment: string;
  /** Go minor → the exact release its pins were taken from. */
  pinnedFrom: Record<string, string>;
  models: Record<string, ModelPins>;
}

/** Reads a file under $GOROOT/src, or null when it does not exist. */
export type SourceReader = (path: string) => string | null;

/** "go1.26.8" or "go1.26rc1" → "1.26". */
export function goMinor(version: string): string {
  const m = /^go(\d+)\.(\d+)/.exec(version.trim());
  if (!m) throw new Error(`not a Go version: ${version}`);
  return `${m[1]}.${m[2]}`;
}

const minorNumber = (v: string): number => {
  const [a, b] = v.split('.').map(Number);
  return a! * 1000 + b!;
};

/** Whether a source exists in a Go minor, by its since/until bounds. */
export function appliesTo(src: PinSource, minor: string): boolean {
  const v = minorNumber(minor);
  return (!src.since || v >= minorNumber(src.since)) && (!src.until || v <= minorNumber(src.until));
}

/** "runtime/proc.go#ready" or "sync/once.go". */
export const keyOf = (src: PinSource): string => (src.func ? `${src.path}#${src.func}` : src.path);

/**
 * The text of a top-level function (with its doc comment's first line excluded): from `func name(`
 * at the start of a line to the first `}` alone on a line. null if it is not there.
 */
export function funcSource(text: string, name: string): string | null {
  const start = text.search(new RegExp(`^func ${name}\\(`, 'm'));
  if (start < 0) return null;
  const end = text.indexOf('\n}\n', start);
  return end < 0 ? null : text.slice(start, end + 3);
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A model's hashes in one Go tree: source key → sha256, or "absent". */
export function hashModel(model: ModelPins, minor: string, read: SourceReader): Record<string, string> {
  const out: Record<string, string> = {};
  for (const src of model.sources) {
    if (!appliesTo(src, minor)) continue;
    const text = read(src.path);
    const part = text !== null && src.func ? funcSource(text, src.func) : text;
    out[keyOf(src)] = part === null ? 'absent' : sha256(part);
  }
  return out;
}

/**
 * What to re-check for a Go tree: one line per model whose sources differ from its pins for that
 * minor (naming the files), or one line per model when the minor is not pinned at all.
 */
export function staleModels(file: PinsFile, minor: string, read: SourceReader): string[] {
  const out: string[] = [];
  for (const [id, model] of Object.entries(file.models)) {
    const now = hashModel(model, minor, read);
    const pinned = model.pins[minor];
    if (!pinned) {
      if (Object.keys(now).length > 0)
        out.push(`${id}: Go ${minor} is not pinned; re-check it against ${Object.keys(now).join(', ')}`);
      continue;
    }
    const keys = [...new Set([...Object.keys(now), ...Object.keys(pinned)])].sort();
    const changed = keys.filter((k) => now[k] !== pinned[k]);
    if (changed.length > 0) out.push(`${id}: Go ${minor} changed ${changed.join(', ')}; re-check the model`);
  }
  return out;
}

/** The pins file with every model's hashes for one Go tree (the other minors kept). */
export function pinVersion(file: PinsFile, version: string, read: SourceReader): PinsFile {
  const minor = goMinor(version);
  const models = Object.fromEntries(
    Object.entries(file.models).map(([id, m]) => [
      id,
      { ...m, pins: { ...m.pins, [minor]: hashModel(m, minor, read) } },
    ]),
  );
  return { ...file, pinnedFrom: { ...file.pinnedFrom, [minor]: version }, models };
}
