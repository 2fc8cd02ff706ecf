/**
 * English narration of the false-sharing model: one template per narration key. Its keys are the
 * model's key union (FalseSharingKey); narration-zh.ts must have exactly the same keys.
 */
import { n, s, type Template } from '../../i18n/format.ts';

/** Templates by narration key. */
export const NARRATION_EN = {
  'fs.read.hit': (p) => `Core ${s(p.core)} reads ${s(p.variable)} from its own copy of line ${s(p.line)}.`,
  'fs.read.miss': (p) =>
    `Core ${s(p.core)} misses on line ${s(p.line)}${n(p.from) >= 0 ? `; core ${s(p.from)} sends its modified copy` : ''}.`,
  'fs.write.hit': (p) => `Core ${s(p.core)} writes ${s(p.variable)}: it already owns line ${s(p.line)}.`,
  'fs.write.own': (p) =>
    `Core ${s(p.core)} writes ${s(p.variable)} and must own line ${s(p.line)}: ${s(p.invalidated)} other cop${n(p.invalidated) === 1 ? 'y is' : 'ies are'} invalidated.`,
} satisfies Record<string, Template>;

/** A narration key of the false-sharing model. */
export type FalseSharingKey = keyof typeof NARRATION_EN;
