/** The sync.WaitGroup scenario: no options; lanes call Add(delta), Done, Wait or do work. */
import { Type } from 'typebox';
import { lit, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const waitGroupSchema: ScenarioSchema = {
  initial: obj({}),
  op: Type.Union([
    obj({ kind: Type.Literal('add'), delta: Type.Integer() }),
    obj({ kind: lit('done', 'wait', 'work') }),
  ]),
};
