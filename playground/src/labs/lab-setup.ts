/** Use case: an instructor creates a lab; anyone with its link reads its public view. */
import type { Locale } from '../../../contract/grade.ts';
import type { CreatedLab, LabView } from '../../../contract/labs.ts';
import { RequestError } from '../errors.ts';
import { settingsProblems, settingsProblemsEnglish } from './policy.ts';
import { hashSecret, newId, newSecret } from './secrets.ts';
import type { LabContext } from './service-context.ts';
import type { Lab, LabSettings } from './types.ts';

export async function createLab(ctx: LabContext, settings: LabSettings, locale: Locale): Promise<CreatedLab> {
  const found = settingsProblems(settings, new Set(ctx.exercises.keys()));
  if (found.problems.length > 0)
    throw new RequestError(400, 'invalid_lab_settings', settingsProblemsEnglish(found), {
      problems: found.problems,
      ...(found.unknownExercises.length > 0 ? { unknownExercises: found.unknownExercises } : {}),
    });
  const created: Lab = {
    ...settings,
    title: settings.title.trim(),
    opensAt: new Date(settings.opensAt).toISOString(),
    dueAt: new Date(settings.dueAt).toISOString(),
    id: newId(),
    createdAt: ctx.now().toISOString(),
  };
  const instructorKey = newSecret('lsk');
  await ctx.store.createLab(created, hashSecret(instructorKey));
  return { lab: ctx.toView(created, locale), instructorKey };
}

export async function viewLab(ctx: LabContext, labId: string, locale: Locale): Promise<LabView> {
  return ctx.toView((await ctx.lab(labId)).lab, locale);
}
