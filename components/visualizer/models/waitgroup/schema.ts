/** The sync.WaitGroup scenario: no options; lanes call Add(delta), Done, Wait or do work. */
import { int, is, lit, obj, oneOf, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const waitGroupSchema: ScenarioSchema = {
  initial: obj({}),
  op: oneOf(obj({ kind: is('add'), delta: int() }), obj({ kind: lit('done', 'wait', 'work') })),
};
