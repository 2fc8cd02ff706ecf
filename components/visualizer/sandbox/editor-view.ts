/**
 * The sandbox's program editor: one column per goroutine with its ops as an ordered list (each
 * with Up, Down and Remove buttons, so nothing needs dragging), and a labelled select + Add button
 * to append an op. Keyboard-first: every control is a native button or select, and each carries a
 * `data-focus` key so the element can give focus back after it redraws. N.B. BROWSER CODE.
 */
import { GO_TYPES, OBJECTS, OP_IDS, PALETTE, type ObjName, type OpId } from '../models/program/palette.ts';
import { h } from '../render/dom.ts';
import type { VizKey } from '../../i18n/index.ts';
import { gid, MAX_GOROUTINES, MAX_OPS, MIN_GOROUTINES, type SandboxDoc } from './format.ts';

type T = (key: VizKey, params?: Record<string, string | number>) => string;

/** What the editor asks of the element. */
export interface EditorActions {
  add: (g: number, op: OpId) => void;
  move: (g: number, i: number, by: -1 | 1) => void;
  remove: (g: number, i: number) => void;
  addGoroutine: () => void;
  removeGoroutine: () => void;
}

function opRow(t: T, a: EditorActions, g: number, ops: OpId[], i: number): HTMLElement {
  const p = { n: i + 1, g: gid(g), op: PALETTE[ops[i]!].code };
  const button = (text: VizKey, label: VizKey, focus: string, onclick: () => void, disabled = false) =>
    h(
      'button',
      {
        type: 'button',
        class: 'viz-button sb-op-button',
        'aria-label': t(label, p),
        'data-focus': focus,
        disabled,
        onclick,
      },
      t(text),
    );
  return h(
    'li',
    { class: 'sb-op' },
    h('code', {}, p.op),
    h(
      'span',
      { class: 'sb-op-buttons' },
      button('viz.sb.up', 'viz.sb.upLabel', `up-${g}-${i}`, () => a.move(g, i, -1), i === 0),
      button(
        'viz.sb.down',
        'viz.sb.downLabel',
        `down-${g}-${i}`,
        () => a.move(g, i, 1),
        i === ops.length - 1,
      ),
      button('viz.sb.remove', 'viz.sb.removeLabel', `remove-${g}-${i}`, () => a.remove(g, i)),
    ),
  );
}

/** The picker's options, grouped by the object they work on (`ch chan int`); plain work stands alone. */
function pickerOptions(): HTMLElement[] {
  // Runs of consecutive ops on one object, in palette order.
  const runs: { obj: ObjName | null; ops: OpId[] }[] = [];
  for (const op of OP_IDS) {
    const obj = PALETTE[op].obj;
    const last = runs[runs.length - 1];
    if (last && last.obj === obj && obj !== null) last.ops.push(op);
    else runs.push({ obj, ops: [op] });
  }
  return runs.map(({ obj, ops }) => {
    const options = ops.map((op) => h('option', { value: op }, PALETTE[op].code));
    return obj === null ? options[0]! : h('optgroup', { label: `${obj} ${GO_TYPES[OBJECTS[obj]]}` }, options);
  });
}

function column(t: T, a: EditorActions, doc: SandboxDoc, g: number): HTMLElement {
  const ops = doc.goroutines[g]!;
  const id = gid(g);
  const selectId = `sb-op-${g}`;
  const select = h(
    'select',
    { id: selectId, class: 'viz-select', 'data-focus': `select-${g}` },
    pickerOptions(),
  );
  const full = ops.length >= MAX_OPS;
  return h(
    'fieldset',
    { class: 'sb-column' },
    h('legend', {}, t('viz.sb.goroutine', { g: id })),
    ops.length
      ? h(
          'ol',
          { class: 'sb-ops', 'aria-label': t('viz.sb.goroutine', { g: id }) },
          ops.map((_, i) => opRow(t, a, g, ops, i)),
        )
      : h('p', { class: 'sb-empty' }, t('viz.sb.empty')),
    h(
      'div',
      { class: 'sb-add' },
      h('label', { for: selectId }, t('viz.sb.op', { g: id })),
      select,
      h(
        'button',
        {
          type: 'button',
          class: 'viz-button',
          'data-focus': `add-${g}`,
          disabled: full,
          onclick: () => a.add(g, select.value as OpId),
        },
        t('viz.sb.add'),
      ),
    ),
    full ? h('p', { class: 'sb-note' }, t('viz.sb.full', { g: id, max: MAX_OPS })) : null,
  );
}

/** The columns and the buttons that add or remove a goroutine. */
export function editorView(t: T, a: EditorActions, doc: SandboxDoc): HTMLElement[] {
  const n = doc.goroutines.length;
  return [
    h(
      'div',
      { class: 'sb-columns' },
      doc.goroutines.map((_, g) => column(t, a, doc, g)),
    ),
    h(
      'div',
      { class: 'sb-row' },
      h(
        'button',
        {
          type: 'button',
          class: 'viz-button',
          'data-focus': 'add-g',
          disabled: n >= MAX_GOROUTINES,
          onclick: a.addGoroutine,
        },
        t('viz.sb.addG'),
      ),
      n > MIN_GOROUTINES
        ? h(
            'button',
            { type: 'button', class: 'viz-button', 'data-focus': 'remove-g', onclick: a.removeGoroutine },
            t('viz.sb.removeG', { g: gid(n - 1) }),
          )
        : null,
    ),
  ];
}
