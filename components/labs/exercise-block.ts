/**
 * Builds, in the browser, the same markup as components/mdx/Exercise.astro for an exercise that
 * is only known at run time (a lab's pick): header, statement, the playground with the starter
 * files and visible tests, hints when the lab allows them, and a <lockstep-exercise> to grade it.
 * N.B. BROWSER CODE.
 */
import { marked } from 'marked';
import type { PublicExercise } from '../../contract/grade.ts';
import { t, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';
import type { ExerciseMode, LockstepExercise } from '../exercise/exercise-element.ts';
import '../exercise/exercise-element.ts';
import '../playground/playground-element.ts';

const html = (md: string): string => marked.parse(md, { async: false }) as string;

/** The base64 JSON that <lockstep-playground data-playground> expects. */
function playgroundAttr(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Returns the section; the exercise is graded through `mode.submitter`. */
export function exerciseBlock(
  pub: PublicExercise,
  locale: Locale,
  mode: ExerciseMode,
): { section: HTMLElement; exercise: LockstepExercise } {
  const headingId = `lab-exercise-${pub.id}`;
  const section = el('section', { class: 'exercise not-content', 'aria-labelledby': headingId });
  const editable = pub.files.filter((f) => f.editable).map((f) => f.name);
  const exercise = document.createElement('lockstep-exercise') as LockstepExercise;
  exercise.setAttribute('data-exercise', JSON.stringify({ id: pub.id, editable }));
  exercise.mode = mode;

  const header = el('header', { class: 'ex-header' });
  header.append(
    el('h3', { id: headingId }, pub.title),
    el('span', { class: 'ex-difficulty' }, t(locale, `ex.difficulty.${pub.difficulty}`)),
  );
  const objective = el('p', { class: 'ex-objective' });
  objective.append(
    el('strong', {}, `${t(locale, 'ex.objective')}:`),
    document.createTextNode(` ${pub.objective}`),
  );
  // Statements are course content from our own server, not user input.
  const statement = el('div', { class: 'ex-statement sl-markdown-content' });
  statement.innerHTML = html(pub.statement);
  const hidden = el(
    'p',
    { class: 'ex-hidden-tests' },
    t(locale, 'ex.hidden.summary', { count: pub.hiddenTests.count, weight: pub.hiddenTests.weight }),
  );

  const playground = el('lockstep-playground' as 'div', {
    class: 'not-content',
    'data-playground': playgroundAttr({
      files: Object.fromEntries(pub.files.map((f) => [f.name, f.content])),
      action: 'test',
      title: pub.title,
      readonlyFiles: pub.files.filter((f) => !f.editable).map((f) => f.name),
      embedded: true,
      ...(pub.go ? { go: pub.go } : {}),
    }),
  });
  pub.files.forEach((f, i) => {
    const box = el('div', { 'data-file': f.name });
    box.hidden = i > 0;
    const pre = el('pre', { class: 'lab-static-code', tabindex: '0' });
    pre.append(el('code', {}, f.content));
    box.append(pre);
    playground.append(box);
  });

  const actions = el('div', { class: 'ex-actions' });
  actions.hidden = true;
  const hints = el('ol', { class: 'ex-hints' });
  if (mode.hints)
    pub.hints.forEach((hint, i) => {
      const li = el('li', { class: 'ex-hint', tabindex: '-1' });
      li.hidden = true;
      li.innerHTML = `<strong>${t(locale, 'ex.hint.title', { n: i + 1 })}.</strong> ${html(hint)}`;
      hints.append(li);
    });

  exercise.append(header, objective, statement, hidden, playground, actions, hints);
  section.append(exercise);
  return { section, exercise };
}
