/**
 * The "predict readerCount" input: active readers and whether a writer is pending, which the
 * learner's answer turns into readerCount (a pending writer subtracts 2^30). N.B. BROWSER CODE.
 */
import { h } from '../../render/dom.ts';
import type { PredictInput } from '../define.ts';
import { readerCountFrom } from './state.ts';

export const readerCountInput: PredictInput = (t, changed) => {
  const readers = h('input', {
    type: 'number',
    min: 0,
    max: 99,
    value: 0,
    class: 'viz-input',
    oninput: changed,
  });
  const pending = h('input', { type: 'checkbox', onchange: changed });
  return {
    el: h(
      'div',
      { class: 'viz-predict-fields' },
      h('label', {}, t('viz.predict.readers'), ' ', readers),
      h('label', {}, pending, ' ', t('viz.predict.pending')),
    ),
    read: () => readerCountFrom(Number(readers.value) || 0, pending.checked),
    describe: (v) => `readerCount = ${v < 0 ? `${v + 2 ** 30} − 2^30 = ` : ''}${v}`,
  };
};
