/**
 * What every render function receives: the scenario, the replayed run and a translator bound to the
 * page's locale. N.B. BROWSER CODE (types only).
 */
import type { Run } from '../engine/run-types.ts';
import type { Scenario } from '../engine/types.ts';
import type { Locale, VizKey } from '../../i18n/index.ts';

/** Render context. */
export interface RenderCtx {
  locale: Locale;
  scenario: Scenario;
  run: Run;
  t: (key: VizKey, params?: Record<string, string | number>) => string;
}
