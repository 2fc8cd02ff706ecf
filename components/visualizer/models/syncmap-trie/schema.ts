/**
 * The hash-trie sync.Map scenario: optional short hashes (chosen per key so collisions are visible);
 * lanes Load, Store or Delete.
 */
import { Type } from 'typebox';
import { Name, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const trieSchema: ScenarioSchema = {
  initial: obj({
    hashBits: Type.Optional(Type.Integer({ minimum: 4, maximum: 16, multipleOf: 4 })),
    childrenLog2: Type.Optional(Type.Literal(4)),
    hashes: Type.Optional(Type.Record(Type.String(), Type.Integer({ minimum: 0, maximum: 65535 }))),
  }),
  op: Type.Union([
    obj({ kind: Type.Literal('load'), key: Name }),
    obj({ kind: Type.Literal('store'), key: Name, value: Type.String() }),
    obj({ kind: Type.Literal('delete'), key: Name }),
  ]),
};
