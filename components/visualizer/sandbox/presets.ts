/**
 * The sandbox's starter programs: each shows one way concurrent Go goes wrong (or, guarded, does
 * not), small enough to count every schedule at once. Names are UI string keys.
 */
import type { SandboxKey } from '../../i18n/strings/viz-sandbox.ts';
import type { SandboxDoc } from './format.ts';

/** A starter program and its name's key. */
export interface Preset {
  id: string;
  name: SandboxKey;
  doc: SandboxDoc;
}

export const PRESETS: Preset[] = [
  {
    id: 'lost-update',
    name: 'viz.sb.preset.lostUpdate',
    doc: { goroutines: [['x.inc'], ['x.inc'], ['x.inc']] },
  },
  {
    id: 'abba',
    name: 'viz.sb.preset.abba',
    doc: {
      goroutines: [
        ['mu.Lock', 'mu2.Lock', 'mu2.Unlock', 'mu.Unlock'],
        ['mu2.Lock', 'mu.Lock', 'mu.Unlock', 'mu2.Unlock'],
      ],
    },
  },
  {
    id: 'wg-negative',
    name: 'viz.sb.preset.wgNegative',
    doc: { goroutines: [['wg.Add', 'wg.Wait'], ['wg.Done']] },
  },
  { id: 'map-writes', name: 'viz.sb.preset.mapWrites', doc: { goroutines: [['m.write'], ['m.write']] } },
  {
    id: 'map-reader',
    name: 'viz.sb.preset.mapReader',
    doc: { goroutines: [['mu.Lock', 'm.write', 'mu.Unlock'], ['m.read']] },
  },
  {
    id: 'guarded',
    name: 'viz.sb.preset.guarded',
    doc: {
      goroutines: [
        ['mu.Lock', 'x.inc', 'mu.Unlock'],
        ['mu.Lock', 'x.inc', 'mu.Unlock'],
      ],
    },
  },
  { id: 'empty', name: 'viz.sb.preset.empty', doc: { goroutines: [[], []] } },
];
