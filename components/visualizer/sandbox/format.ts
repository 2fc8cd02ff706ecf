/**
 * The sandbox's own format: a program (2–4 goroutines of palette op ids) and, for a level, the
 * outcome that wins it and the goal the author wrote. One compact JSON shape serves the export, the
 * import and the share link (`#s=` + base64url of that JSON). The scenario schema is TypeBox and
 * Node-only, so the browser checks this small format here instead, by hand; every problem is a code
 * with facts (`SandboxError`), worded by the page in its own language. A level's par is never
 * stored: it is recomputed from the program on import, so a link cannot claim a wrong one.
 * Pure and browser-safe.
 */
import type { Level, Predicate, Scenario } from '../engine/types.ts';
import { isOpId, PALETTE, type OpId } from '../models/program/palette.ts';

/** Bounds of a sandbox program. */
export const MIN_GOROUTINES = 2;
export const MAX_GOROUTINES = 4;
export const MAX_OPS = 8;
export const MAX_GOAL = 300;
/** The format's version, and the marker that tells a sandbox file from any other JSON. */
export const FORMAT = 'lockstep-sandbox';
export const VERSION = 1;

/** The win kinds a sandbox level may ask for (the outcome table offers them). */
export const WIN_KINDS = ['deadlock', 'lostUpdate', 'race', 'panic', 'fatal'] as const;

/** A sandbox level as stored: the outcome that wins it and the author's goal. */
export interface SandboxLevel {
  win: Predicate;
  goal: string;
}

/** A sandbox program, and optionally the level made from it. */
export interface SandboxDoc {
  goroutines: OpId[][];
  level?: SandboxLevel;
}

/** Why an import was refused: a code and its facts. */
export type SandboxError =
  | { code: 'json' }
  | { code: 'format' }
  | { code: 'version'; params: { version: string } }
  | { code: 'goroutines'; params: { min: number; max: number } }
  | { code: 'ops'; params: { g: string; max: number } }
  | { code: 'op'; params: { g: string; n: number; op: string } }
  | { code: 'level' }
  | { code: 'goal'; params: { max: number } }
  | { code: 'link' };

/** The id of the i-th goroutine: G1, G2, … */
export const gid = (i: number): string => `G${i + 1}`;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The JSON a doc is exported as. */
export function toJson(doc: SandboxDoc): object {
  return { format: FORMAT, version: VERSION, ...doc };
}

function checkLevel(x: unknown): SandboxLevel | SandboxError {
  if (!isObject(x) || !isObject(x.win)) return { code: 'level' };
  const { kind, message } = x.win;
  if (!(WIN_KINDS as readonly unknown[]).includes(kind)) return { code: 'level' };
  const needsMessage = kind === 'panic' || kind === 'fatal';
  if (needsMessage !== (typeof message === 'string' && message.length > 0 && message.length <= 200))
    return { code: 'level' };
  if (typeof x.goal !== 'string' || !x.goal.trim() || x.goal.length > MAX_GOAL)
    return { code: 'goal', params: { max: MAX_GOAL } };
  const win: Predicate = needsMessage
    ? { kind: kind as Predicate['kind'], message: message as string }
    : { kind: kind as Predicate['kind'] };
  return { win, goal: x.goal.trim() };
}

/** Checks parsed JSON; returns the doc or the first problem. */
export function validateDoc(x: unknown): SandboxDoc | SandboxError {
  if (!isObject(x) || x.format !== FORMAT) return { code: 'format' };
  if (x.version !== VERSION) return { code: 'version', params: { version: String(x.version) } };
  const gs = x.goroutines;
  if (!Array.isArray(gs) || gs.length < MIN_GOROUTINES || gs.length > MAX_GOROUTINES)
    return { code: 'goroutines', params: { min: MIN_GOROUTINES, max: MAX_GOROUTINES } };
  const goroutines: OpId[][] = [];
  for (const [i, ops] of gs.entries()) {
    if (!Array.isArray(ops) || ops.length > MAX_OPS)
      return { code: 'ops', params: { g: gid(i), max: MAX_OPS } };
    const bad = ops.findIndex((op) => !isOpId(op));
    if (bad >= 0) return { code: 'op', params: { g: gid(i), n: bad + 1, op: String(ops[bad]).slice(0, 40) } };
    goroutines.push(ops as OpId[]);
  }
  if (x.level === undefined) return { goroutines };
  const level = checkLevel(x.level);
  return 'code' in level ? level : { goroutines, level };
}

/** Parses and checks exported JSON text. */
export function parseDoc(text: string): SandboxDoc | SandboxError {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return { code: 'json' };
  }
  return validateDoc(x);
}

/** Whether a parse or check returned a problem. */
export const isError = (x: SandboxDoc | SandboxError): x is SandboxError => 'code' in x;

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The share fragment (without `#`): `s=` + base64url of the compact JSON. */
export function encodeLink(doc: SandboxDoc): string {
  return `s=${base64url(new TextEncoder().encode(JSON.stringify(toJson(doc))))}`;
}

/** The doc a `#s=` fragment holds; null when the fragment is not a sandbox link at all. */
export function decodeLink(hash: string): SandboxDoc | SandboxError | null {
  const m = /^#?s=([A-Za-z0-9_-]*)$/.exec(hash);
  if (!m) return null;
  try {
    const bin = atob(m[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(bin, (c) => c.charCodeAt(0)),
    );
    const doc = parseDoc(text);
    // A link cut short is no longer JSON: say the link is damaged, not that someone pasted bad JSON.
    return isError(doc) && doc.code === 'json' ? { code: 'link' } : doc;
  } catch {
    return { code: 'link' };
  }
}

/** The scenario the visualizer plays: one lane per goroutine, its code the ops' Go lines. */
export function toScenario(
  doc: SandboxDoc,
  text: { id: string; title: string; description: string },
  script: Scenario['script'] = [],
  level?: Level,
): Scenario {
  return {
    id: text.id,
    model: 'program',
    chapter: 'sandbox',
    title: text.title,
    description: text.description,
    goroutines: doc.goroutines.map((ops, i) => ({
      id: gid(i),
      code: ops.length ? ops.map((op) => PALETTE[op].code) : ['// nothing'],
      program: ops,
    })),
    initial: {},
    script,
    ...(level ? { level } : {}),
  };
}
