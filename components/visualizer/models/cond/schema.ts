/**
 * The sync.Cond scenario: the condition state's starting value `n` and the name the panel shows for it
 * (`len(q)`, `ready`); lanes lock and unlock mu, wait (bare, or in a `for`/`if` on an empty state),
 * signal, broadcast, make the state ready or take an item.
 */
import { Bool, int, is, lit, Name, obj, oneOf, type ScenarioSchema } from '../../scenario/schema-kit.ts';

export const condSchema: ScenarioSchema = {
  initial: obj({}, { n: int({ minimum: 0 }), name: Name }),
  op: oneOf(
    obj({ kind: lit('lock', 'unlock', 'wait', 'signal', 'broadcast', 'put', 'take', 'work') }),
    obj({ kind: is('waitWhileEmpty'), loop: Bool }),
  ),
};
