/**
 * The state panel for a scenario's model, drawn by the model's own view. N.B. BROWSER CODE.
 */
import { modelOf } from '../models/registry.ts';
import type { RenderCtx } from './context.ts';

/** The nodes describing the model state after the current step. */
export function stateView(ctx: RenderCtx): HTMLElement[] {
  return modelOf(ctx.scenario.model).view(ctx, ctx.run.state);
}
