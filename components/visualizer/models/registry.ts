/**
 * The one map of the visualizer's models. Each folder holds a model's step function, scenario schema,
 * state view and narration; this file only names them. Adding a model = a folder + one line here and
 * its id in ids.ts (the compiler refuses the two lists unequal).
 */
import { condModel } from './cond/index.ts';
import { chanModel } from './chan/index.ts';
import { counterModel } from './counter/index.ts';
import type { ModelDef, ModelDriver } from './define.ts';
import type { ScenarioModel } from './ids.ts';
import { falseSharingModel } from './false-sharing/index.ts';
import { happensBeforeModel } from './happens-before/index.ts';
import { mapCheckModel } from './map-check/index.ts';
import { mutexModel } from './mutex/index.ts';
import { onceModel } from './once/index.ts';
import { programModel } from './program/index.ts';
import { rwmutexModel } from './rwmutex/index.ts';
import { legacySyncMapModel } from './syncmap-legacy/index.ts';
import { trieModel } from './syncmap-trie/index.ts';
import { waitForModel } from './wait-for/index.ts';
import { waitGroupModel } from './waitgroup/index.ts';

/** Every model by id (the id a scenario file names in `model`). */
export const models = {
  mutex: mutexModel,
  rwmutex: rwmutexModel,
  counter: counterModel,
  'map-check': mapCheckModel,
  waitgroup: waitGroupModel,
  'wait-for': waitForModel,
  'happens-before': happensBeforeModel,
  'false-sharing': falseSharingModel,
  'syncmap-legacy': legacySyncMapModel,
  'syncmap-trie': trieModel,
  cond: condModel,
  once: onceModel,
  chan: chanModel,
  program: programModel,
} satisfies Record<ScenarioModel, unknown>;

/** A model with its types erased (scenarios are data; the schema checked their shapes). */
export type AnyModel = ModelDef<unknown, unknown>;

/** The model a scenario names. */
export function modelOf(id: ScenarioModel): AnyModel {
  return models[id] as unknown as AnyModel;
}

/** Replays a list of events from an initial state (how a shared URL at step k is restored). */
export function replay<S, E>(driver: ModelDriver<S, E>, initial: S, events: readonly E[]): S {
  return events.reduce((s, e) => driver.step(s, e).state, initial);
}
