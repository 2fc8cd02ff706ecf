/** The happens-before scenario: the goroutines; lanes carry synchronizing events and memory accesses. */
import { Type } from 'typebox';
import { G, lit, Name, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const happensBeforeSchema: ScenarioSchema = {
  initial: obj({ goroutines: Type.Optional(Type.Array(G)) }),
  op: Type.Union([
    obj({ type: Type.Literal('go'), parent: G, child: G }),
    obj({ type: lit('release'), g: G, sync: Name, merge: Type.Optional(Type.Boolean()) }),
    obj({ type: lit('acquire'), g: G, sync: Name }),
    obj({ type: lit('unlock', 'lock'), g: G, mutex: Name }),
    obj({ type: lit('send', 'recv'), g: G, ch: Name }),
    obj({ type: lit('done', 'waitReturn'), g: G, wg: Name }),
    obj({ type: lit('read', 'write'), g: G, variable: Name, value: Type.Optional(Type.String()) }),
  ]),
};
