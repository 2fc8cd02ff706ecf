/**
 * The visualizer's model ids, in registry order. A leaf: the scenario's types and schema name a
 * model by id without importing the models (registry.ts maps each id to its model, and the
 * compiler holds the two lists equal).
 */
export const SCENARIO_MODELS = [
  'mutex',
  'rwmutex',
  'counter',
  'map-check',
  'waitgroup',
  'wait-for',
  'happens-before',
  'false-sharing',
  'syncmap-legacy',
  'syncmap-trie',
  'cond',
  'once',
  'chan',
  'program',
] as const;

/** A model id a scenario may use. */
export type ScenarioModel = (typeof SCENARIO_MODELS)[number];
