/**
 * <lockstep-lab-create>: reads the create form, sends it to POST /api/labs, shows the join link
 * and the private instructor link (key in the fragment, so it never reaches a server log), and
 * lists the labs this browser created. N.B. BROWSER CODE.
 */
import type { CreatedLab, LabSettings } from '../../contract/labs.ts';
import { formatInstant, pageLocale, t, type LabKey, type Locale } from '../i18n/index.ts';
import { el } from '../dom/el.ts';
import { createLab } from '../api/labs-create.ts';
import { apiErrorText } from '../api/error-text.ts';
import { labSecrets } from './lab-secrets.ts';
import { copyableLink, localePrefix } from './lab-ui.ts';

/** A datetime-local value for a Date, in the reader's time zone. */
function localInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

class LabCreate extends HTMLElement {
  private locale: Locale = 'en';
  private t = (key: LabKey, params?: Record<string, string | number>) => t(this.locale, key, params);

  connectedCallback(): void {
    this.locale = pageLocale();
    const form = this.querySelector('form')!;
    const now = new Date();
    now.setSeconds(0, 0);
    const due = new Date(now.getTime() + 7 * 24 * 3600 * 1000);
    (form.elements.namedItem('opensAt') as HTMLInputElement).value = localInput(now);
    (form.elements.namedItem('dueAt') as HTMLInputElement).value = localInput(due);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.create(form);
    });
    this.renderMine();
  }

  private settings(form: HTMLFormElement): LabSettings | string {
    const data = new FormData(form);
    const exercises = data.getAll('exercise').map(String);
    if (exercises.length === 0) return this.t('lab.create.pick');
    const when = (name: string) => {
      const v = String(data.get(name) ?? '');
      return v ? new Date(v).toISOString() : '';
    };
    const limit = String(data.get('attemptLimit') ?? '').trim();
    return {
      title: String(data.get('title') ?? '').trim(),
      exercises,
      opensAt: when('opensAt'),
      dueAt: when('dueAt'),
      latePolicy: String(data.get('latePolicy') ?? 'accept') as LabSettings['latePolicy'],
      latePenaltyPercent: Number(data.get('latePenaltyPercent') || 0),
      hints: data.get('hints') !== null,
      solutions: data.get('solutions') !== null,
      attemptLimit: limit === '' ? null : Number(limit),
    };
  }

  private async create(form: HTMLFormElement): Promise<void> {
    const status = form.querySelector<HTMLElement>('.lab-status')!;
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    const settings = this.settings(form);
    if (typeof settings === 'string') {
      status.textContent = settings;
      return;
    }
    button.disabled = true;
    status.textContent = this.t('lab.create.creating');
    try {
      const created = await createLab(settings, this.locale);
      labSecrets.rememberInstructor(
        created.lab.id,
        created.instructorKey,
        created.lab.title,
        created.lab.createdAt,
      );
      status.textContent = '';
      this.showCreated(created);
      this.renderMine();
    } catch (error) {
      status.textContent = this.t('lab.error', { message: apiErrorText(this.locale, error) });
    } finally {
      button.disabled = false;
    }
  }

  private showCreated(created: CreatedLab): void {
    const section = this.querySelector<HTMLElement>('.lab-created')!;
    const base = `${location.origin}${localePrefix()}/labs`;
    const join = `${base}/student/?lab=${encodeURIComponent(created.lab.id)}`;
    const instructor = `${base}/gradebook/?lab=${encodeURIComponent(created.lab.id)}#key=${encodeURIComponent(created.instructorKey)}`;
    const gradebook = el(
      'a',
      { href: instructor, class: 'pg-button pg-primary' },
      this.t('lab.open.gradebook'),
    );
    section.replaceChildren(
      el('h2', {}, this.t('lab.create.done', { title: created.lab.title })),
      copyableLink(this.locale, this.t('lab.join.link'), join),
      copyableLink(this.locale, this.t('lab.instructor.link'), instructor),
      el('p', { class: 'lab-warning' }, this.t('lab.instructor.warning')),
      gradebook,
    );
    section.hidden = false;
    section.focus();
  }

  private renderMine(): void {
    const list = this.querySelector<HTMLElement>('.lab-mine-list')!;
    const labs = Object.entries(labSecrets.instructorLabs()).sort((a, b) =>
      b[1].createdAt.localeCompare(a[1].createdAt),
    );
    if (labs.length === 0) {
      list.replaceChildren(el('li', {}, this.t('lab.mine.none')));
      return;
    }
    list.replaceChildren(
      ...labs.map(([id, lab]) => {
        const li = el('li');
        const href = `${localePrefix()}/labs/gradebook/?lab=${encodeURIComponent(id)}`;
        li.append(
          el('a', { href }, lab.title),
          document.createTextNode(` · ${formatInstant(lab.createdAt, this.locale)}`),
        );
        return li;
      }),
    );
  }
}

if (!customElements.get('lockstep-lab-create')) customElements.define('lockstep-lab-create', LabCreate);
