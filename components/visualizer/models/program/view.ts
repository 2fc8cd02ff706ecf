/**
 * The state panel of the sandbox program: each shared object under its name, drawn by its own
 * model's view, then x and the race detector's finding. N.B. BROWSER CODE.
 */
import type { RenderCtx } from '../../render/context.ts';
import { facts, h } from '../../render/dom.ts';
import { group } from '../../render/widgets.ts';
import { chanView } from '../chan/view.ts';
import type { CondState } from '../cond/state.ts';
import { condView } from '../cond/view.ts';
import { mapView } from '../map-check/view.ts';
import { mutexView } from '../mutex/view.ts';
import { onceView } from '../once/view.ts';
import { rwmutexView } from '../rwmutex/view.ts';
import { waitGroupView } from '../waitgroup/view.ts';
import type { SubState } from './kinds.ts';
import { GO_TYPES, OBJECTS, type KindName, type ObjName } from './palette.ts';
import type { ProgramState } from './state.ts';
import type { VarState } from './var.ts';

/** Each kind's panel. */
const VIEWS: Record<KindName, (ctx: RenderCtx, s: never) => HTMLElement[]> = {
  mutex: mutexView,
  rwmutex: rwmutexView,
  map: mapView,
  waitgroup: waitGroupView,
  var: varView,
  chan: chanView,
  cond: (ctx, c: CondState) => condView(ctx, c, 'n'),
  once: onceView,
};

function varView(ctx: RenderCtx, x: VarState): HTMLElement[] {
  return [
    h('p', { class: 'viz-big' }, h('code', {}, `x = ${x.value}`)),
    facts([[ctx.t('viz.sb.field.incs'), String(x.incs)]]),
  ];
}

/** Every object the program uses, then what the race detector saw. */
export function programView(ctx: RenderCtx, p: ProgramState): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const [obj, sub] of Object.entries(p.objects) as [ObjName, SubState][]) {
    const kind = OBJECTS[obj];
    out.push(group(`${obj} ${GO_TYPES[kind]}`, h('div', {}, ...VIEWS[kind](ctx, sub as never))));
  }
  const race = p.hb.race;
  out.push(
    facts([
      [
        ctx.t('viz.sb.field.race'),
        race
          ? ctx.t('viz.sb.race.found', { loc: race.loc, first: race.first, second: race.second })
          : ctx.t('viz.sb.race.none'),
      ],
    ]),
  );
  return out;
}
