/**
 * Per-model schemas for a scenario's `initial` options and each goroutine's `program`, so a typo in
 * an op or event fails the build with the file and field instead of a confusing model error.
 * N.B. Node-only (TypeBox).
 */
import { Type, type TSchema } from 'typebox';
import type { ScenarioModel } from './schema.ts';

const G = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,7}$' });
const Name = Type.String({ minLength: 1, maxLength: 24 });
const obj = (props: Record<string, TSchema>) => Type.Object(props, { additionalProperties: false });
const lit = (...values: string[]) => Type.Enum(values);

const mapOp = Type.Union([
  obj({ kind: Type.Literal('write'), key: Name, value: Type.String() }),
  obj({ kind: Type.Literal('delete'), key: Name }),
  obj({ kind: Type.Literal('read'), key: Name }),
  obj({ kind: Type.Literal('range') }),
]);
const wgOp = Type.Union([
  obj({ kind: Type.Literal('add'), delta: Type.Integer() }),
  obj({ kind: lit('done', 'wait', 'work') }),
]);
const waitForEvent = obj({
  type: lit('lock', 'unlock'),
  g: G,
  lock: Name,
  mode: Type.Optional(lit('read', 'write')),
});
const hbEvent = Type.Union([
  obj({ type: Type.Literal('go'), parent: G, child: G }),
  obj({ type: lit('release'), g: G, sync: Name, merge: Type.Optional(Type.Boolean()) }),
  obj({ type: lit('acquire'), g: G, sync: Name }),
  obj({ type: lit('unlock', 'lock'), g: G, mutex: Name }),
  obj({ type: lit('send', 'recv'), g: G, ch: Name }),
  obj({ type: lit('done', 'waitReturn'), g: G, wg: Name }),
  obj({ type: lit('read', 'write'), g: G, variable: Name, value: Type.Optional(Type.String()) }),
]);
const fsEvent = obj({ type: lit('read', 'write'), core: Type.Integer({ minimum: 0 }), variable: Name });
const legacyEvent = Type.Union([
  obj({ type: lit('load', 'delete'), key: Name }),
  obj({ type: Type.Literal('store'), key: Name, value: Type.String() }),
  obj({ type: Type.Literal('range') }),
]);

/** What each model accepts: its `initial` options and the element type of a goroutine's `program`. */
export const MODEL_SCHEMAS: Record<ScenarioModel, { initial: TSchema; op: TSchema | null }> = {
  mutex: {
    initial: obj({
      now: Type.Optional(Type.Integer({ minimum: 1 })),
      spinEnv: Type.Optional(
        obj({
          ncpu: Type.Optional(Type.Integer({ minimum: 1 })),
          gomaxprocs: Type.Optional(Type.Integer({ minimum: 1 })),
          npidle: Type.Optional(Type.Integer({ minimum: 0 })),
          nmspinning: Type.Optional(Type.Integer({ minimum: 0 })),
          localRunqEmpty: Type.Optional(Type.Boolean()),
        }),
      ),
    }),
    op: lit('lock', 'unlock', 'tryLock', 'work'),
  },
  rwmutex: { initial: obj({}), op: lit('rlock', 'runlock', 'lock', 'unlock', 'work') },
  counter: {
    initial: obj({
      variant: lit('racy', 'mutex', 'atomic'),
      iterations: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    }),
    op: null,
  },
  'map-check': {
    initial: obj({ entries: Type.Optional(Type.Record(Type.String(), Type.String())) }),
    op: mapOp,
  },
  waitgroup: { initial: obj({}), op: wgOp },
  'wait-for': { initial: obj({ locks: Type.Array(Name, { minItems: 1 }) }), op: waitForEvent },
  'happens-before': { initial: obj({ goroutines: Type.Optional(Type.Array(G)) }), op: hbEvent },
  'false-sharing': {
    initial: obj({
      vars: Type.Array(
        obj({ name: Name, offset: Type.Integer({ minimum: 0 }), size: Type.Integer({ minimum: 1 }) }),
        { minItems: 1 },
      ),
      cores: Type.Optional(Type.Integer({ minimum: 1, maximum: 8 })),
      lineSize: Type.Optional(Type.Integer({ minimum: 8 })),
    }),
    op: fsEvent,
  },
  'syncmap-legacy': { initial: obj({}), op: legacyEvent },
};
