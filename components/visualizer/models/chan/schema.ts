/**
 * The channel scenario: `initial.chans` declares the channels (name, capacity, nil, values already
 * buffered); each lane's program is channel statements. A predict level reads the first channel.
 */
import { arr, Bool, int, is, Name, obj, oneOf, type ScenarioSchema } from '../../scenario/schema-kit.ts';

const send = obj({ op: is('send'), ch: Name, v: int() });
const recv = obj({ op: is('recv'), ch: Name });

export const chanSchema: ScenarioSchema = {
  initial: obj({
    chans: arr(obj({ name: Name }, { cap: int({ minimum: 0, maximum: 8 }), nil: Bool, buf: arr(int()) }), {
      minItems: 1,
    }),
  }),
  op: oneOf(
    send,
    recv,
    obj({ op: is('close'), ch: Name }),
    obj({ op: is('work') }),
    obj(
      { op: is('select'), cases: arr(oneOf(send, recv)) },
      { default: Bool, order: arr(int({ minimum: 0 })) },
    ),
  ),
};
