/** The false-sharing scenario: variables' layout, cores and line size; lanes read or write a variable. */
import { arr, int, lit, Name, obj, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const falseSharingSchema: ScenarioSchema = {
  initial: obj(
    {
      vars: arr(obj({ name: Name, offset: int({ minimum: 0 }), size: int({ minimum: 1 }) }), { minItems: 1 }),
    },
    { cores: int({ minimum: 1, maximum: 8 }), lineSize: int({ minimum: 8 }) },
  ),
  op: obj({ type: lit('read', 'write'), core: int({ minimum: 0 }), variable: Name }),
};
