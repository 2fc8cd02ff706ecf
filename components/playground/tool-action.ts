/**
 * Format and Vet: one short request each, no stream, no terminal. What the playground does with
 * the answer is told by its shape: a note to show (the request failed), formatted files to put in
 * the editor, or a result to draw like a run's.
 * N.B. BROWSER CODE.
 */
import type { Action, RunResult } from '../../contract/run.ts';
import { apiErrorText } from '../api/error-text.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Files } from './playground-data.ts';

export type ToolOutcome = { note: string } | { formatted: Files } | { result: RunResult };

export async function runTool(
  action: Extract<Action, 'fmt' | 'vet'>,
  files: Files,
  locale: Locale,
): Promise<ToolOutcome> {
  let result: RunResult;
  try {
    // Loaded on the first Format or Vet rather than with the page: see components/api/runs.ts.
    const { runOnce } = await import('../api/runs.ts');
    result = await runOnce({ files, action });
  } catch (error) {
    return { note: t(locale, 'pg.error', { message: apiErrorText(locale, error) }) };
  }
  if (action === 'fmt' && result.status === 'ok' && result.files) return { formatted: result.files };
  return { result };
}
