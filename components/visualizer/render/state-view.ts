/**
 * Picks the state panel for a scenario's model. N.B. BROWSER CODE.
 */
import type { CounterState } from '../models/counter.ts';
import type { FalseSharingState } from '../models/false-sharing.ts';
import type { HappensBeforeState } from '../models/happens-before.ts';
import type { MapState } from '../models/map-check.ts';
import type { MutexState } from '../models/mutex.ts';
import type { RWMutexState } from '../models/rwmutex.ts';
import type { LegacySyncMapState } from '../models/syncmap-legacy.ts';
import type { WaitForState } from '../models/wait-for.ts';
import type { WaitGroupState } from '../models/waitgroup.ts';
import type { RenderCtx } from './context.ts';
import { counterView, mutexView, rwmutexView, waitGroupView } from './state-locks.ts';
import {
  falseSharingView,
  happensBeforeView,
  legacySyncMapView,
  mapView,
  waitForView,
} from './state-other.ts';

/** The nodes describing the model state after the current step. */
export function stateView(ctx: RenderCtx): HTMLElement[] {
  const st = ctx.run.state;
  switch (ctx.scenario.model) {
    case 'mutex':
      return mutexView(ctx, st as MutexState);
    case 'rwmutex':
      return rwmutexView(ctx, st as RWMutexState);
    case 'counter':
      return counterView(ctx, st as CounterState);
    case 'waitgroup':
      return waitGroupView(ctx, st as WaitGroupState);
    case 'map-check':
      return mapView(ctx, st as MapState);
    case 'wait-for':
      return waitForView(ctx, st as WaitForState);
    case 'happens-before':
      return happensBeforeView(ctx, st as HappensBeforeState);
    case 'false-sharing':
      return falseSharingView(ctx, st as FalseSharingState);
    case 'syncmap-legacy':
      return legacySyncMapView(ctx, st as LegacySyncMapState);
  }
}
