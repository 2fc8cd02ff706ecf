/**
 * The sync.WaitGroup scenario: optionally the counter main set with Add before starting any
 * goroutine (the model has no go statement); lanes call Add(delta), Done, Wait or do work.
 */
import { int, is, lit, obj, oneOf, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const waitGroupSchema: ScenarioSchema = {
  initial: obj({}, { counter: int({ minimum: 0 }) }),
  op: oneOf(obj({ kind: is('add'), delta: int() }), obj({ kind: lit('done', 'wait', 'work') })),
};
