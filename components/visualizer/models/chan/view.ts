/**
 * The state panel of the channel model: per channel, hchan's ring buffer as slots with sendx and
 * recvx marked, qcount / dataqsiz, closed, and recvq and sendq as ordered lists of goroutines; then
 * what each goroutine received and which sends a select dropped. Every mark is also words, so a
 * screen reader reads "slot 1: 7, next recvx". N.B. BROWSER CODE.
 */
import type { RenderCtx } from '../../render/context.ts';
import { facts, h } from '../../render/dom.ts';
import { group, yesNo } from '../../render/widgets.ts';
import type { ChanState, Hchan, Sudog } from './state.ts';

/** One slot of the ring: its value (or empty) and which index points at it. */
function slotView(ctx: RenderCtx, c: Hchan, i: number): HTMLElement {
  const v = c.buf[i];
  const marks = [c.sendx === i && 'sendx', c.recvx === i && 'recvx'].filter((x): x is string => Boolean(x));
  const value = v === null || v === undefined ? ctx.t('viz.chan.empty') : String(v);
  return h(
    'li',
    { class: 'viz-bit viz-chan-slot', 'data-on': v === null ? '0' : '1' },
    h('span', {}, ctx.t('viz.chan.slot', { i, value })),
    // A space between the spans, so the slot reads as "slot 1: 7 sendx, recvx here", not run together.
    marks.length
      ? [' ', h('span', { class: 'viz-bit-caption' }, ctx.t('viz.chan.at', { what: marks.join(', ') }))]
      : null,
  );
}

/** A sudog as words: who, what it offers, and whether it is a select's (possibly stale) entry. */
function sudogText(ctx: RenderCtx, state: ChanState, sg: Sudog): string {
  const who =
    sg.v === null
      ? ctx.t('viz.chan.sudogRecv', { g: sg.g })
      : ctx.t('viz.chan.sudogSend', { g: sg.g, v: sg.v });
  if (!sg.select) return who;
  const stale = state.goroutines.find((x) => x.id === sg.g)?.selectDone;
  return ctx.t(stale ? 'viz.chan.stale' : 'viz.chan.inSelect', { who });
}

/** A wait queue, head first, as an ordered list (or "none"). */
function waitqView(ctx: RenderCtx, state: ChanState, label: string, q: Sudog[]): HTMLElement {
  return h(
    'div',
    { class: 'viz-queue-box' },
    h('p', { class: 'viz-queue-label' }, label),
    q.length
      ? h(
          'ol',
          { class: 'viz-queue', 'aria-label': label },
          q.map((sg) => h('li', {}, sudogText(ctx, state, sg))),
        )
      : h('p', { class: 'viz-queue-empty' }, ctx.t('viz.none')),
  );
}

/** One channel: its title, buffer, counters and both wait queues. */
function hchanView(ctx: RenderCtx, state: ChanState, c: Hchan): HTMLElement {
  if (c.nil)
    return h('div', { class: 'viz-group viz-chan' }, h('p', {}, ctx.t('viz.chan.nil', { name: c.name })));
  const ring = c.dataqsiz
    ? h(
        'ol',
        { class: 'viz-bits viz-chan-ring', 'aria-label': ctx.t('viz.chan.ring', { size: c.dataqsiz }) },
        c.buf.map((_, i) => slotView(ctx, c, i)),
      )
    : h('p', { class: 'viz-queue-empty' }, ctx.t('viz.chan.unbuffered'));
  return group(
    ctx.t('viz.chan.title', { name: c.name, cap: c.dataqsiz }),
    h(
      'div',
      { class: 'viz-chan', 'data-chan': c.name },
      ring,
      facts([
        [ctx.t('viz.chan.qcount'), `${c.qcount} / ${c.dataqsiz}`],
        ['sendx', String(c.sendx)],
        ['recvx', String(c.recvx)],
        [ctx.t('viz.chan.closed'), yesNo(ctx, c.closed)],
      ]),
      h(
        'div',
        { class: 'viz-queues' },
        waitqView(ctx, state, ctx.t('viz.chan.recvq', { name: c.name }), c.recvq),
        waitqView(ctx, state, ctx.t('viz.chan.sendq', { name: c.name }), c.sendq),
      ),
    ),
  );
}

/** Values received per goroutine, and sends dropped by a select's default. */
function outcomesView(ctx: RenderCtx, state: ChanState): HTMLElement[] {
  const rows: [string, string][] = state.goroutines
    .filter((g) => g.got.length)
    .map((g) => [
      g.id,
      g.got.map((r) => ctx.t(r.ok ? 'viz.chan.got' : 'viz.chan.gotClosed', { v: r.v, ch: r.ch })).join(', '),
    ]);
  const out = [group(ctx.t('viz.chan.received'), rows.length ? facts(rows) : h('p', {}, ctx.t('viz.none')))];
  if (state.dropped.length)
    out.push(
      group(
        ctx.t('viz.chan.dropped'),
        h(
          'ul',
          {},
          state.dropped.map((d) => h('li', {}, ctx.t('viz.chan.drop', { g: d.g, ch: d.ch, v: d.v }))),
        ),
      ),
    );
  return out;
}

/** The whole panel. */
export function chanView(ctx: RenderCtx, state: ChanState): HTMLElement[] {
  return [...state.chans.map((c) => hchanView(ctx, state, c)), ...outcomesView(ctx, state)];
}
