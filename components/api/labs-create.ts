/**
 * Creating a lab (the instructor's set-up page): POST /api/labs, its answer checked against
 * contract/labs.ts. N.B. BROWSER CODE.
 */
import type { CreatedLab, LabSettings } from '../../contract/labs.ts';
import type { Locale } from '../i18n/index.ts';
import { Check as checkCreated } from './guards/created-lab.generated.ts';
import { request } from './request.ts';

const isCreated = (v: unknown): v is CreatedLab => checkCreated(v) === true;

/** POST /api/labs: a new lab and its instructor key (shown once). */
export function createLab(settings: LabSettings, locale: Locale): Promise<CreatedLab> {
  return request(`/api/labs?locale=${locale}`, { body: settings, read: isCreated });
}
