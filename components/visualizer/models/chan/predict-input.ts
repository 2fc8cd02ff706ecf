/**
 * The "predict the channel" inputs: a number, written back the way Go code would read it
 * (`qcount = 2`, `len(recvq) = 1`), for the first channel a scenario declares. N.B. BROWSER CODE.
 */
import { h } from '../../render/dom.ts';
import type { PredictInput } from '../define.ts';

/** A number input whose value reads as `<name> = <value>`. */
export function counted(name: string): PredictInput {
  return (t, changed) => {
    const num = h('input', { type: 'number', min: 0, value: 0, class: 'viz-input', oninput: changed });
    return {
      el: h('label', {}, `${t('viz.predict.number')} (${name}) `, num),
      read: () => Number(num.value) || 0,
      describe: (v) => `${name} = ${v}`,
    };
  };
}
