/** The false-sharing scenario: variables' layout, cores and line size; lanes read or write a variable. */
import { Type } from 'typebox';
import { lit, Name, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const falseSharingSchema: ScenarioSchema = {
  initial: obj({
    vars: Type.Array(
      obj({ name: Name, offset: Type.Integer({ minimum: 0 }), size: Type.Integer({ minimum: 1 }) }),
      { minItems: 1 },
    ),
    cores: Type.Optional(Type.Integer({ minimum: 1, maximum: 8 })),
    lineSize: Type.Optional(Type.Integer({ minimum: 8 })),
  }),
  op: obj({ type: lit('read', 'write'), core: Type.Integer({ minimum: 0 }), variable: Name }),
};
