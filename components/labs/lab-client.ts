/**
 * Browser side of /api/labs: fetch wrappers that turn error bodies into messages, and where this
 * browser keeps lab secrets (localStorage; the server only ever sees them in Authorization).
 * N.B. BROWSER CODE.
 */
import { errorText, pageLocale, t, wireError, type Locale, type WireError } from '../i18n/index.ts';
import { el } from '../dom/el.ts';

/** A refused lab request: the status, the server's code and params, and its words in the page's locale. */
export class LabRequestError extends Error {
  status: number;
  /** The server's code and params; null when the answer had none (not JSON, or a proxy's page). */
  coded: WireError | null;
  constructor(status: number, message: string, coded: WireError | null = null) {
    super(message);
    this.status = status;
    this.coded = coded;
  }
}

/**
 * Whether a Submit that failed this way should be sent again with the same Idempotency-Key: the
 * connection failed, the database is away (503), or — behind a load balancer — the replica died
 * with the request in flight (502) or hung (504). The work may or may not be stored; the key
 * makes sending it again safe either way. Any other answer is the server's decision.
 */
export function worthSendingAgain(error: unknown): boolean {
  return (
    error instanceof TypeError || (error instanceof LabRequestError && [502, 503, 504].includes(error.status))
  );
}

/** Calls the API; returns the JSON body or throws LabRequestError with the server's code, worded here. */
export async function labApi<T>(
  path: string,
  options: {
    method?: string;
    body?: unknown;
    secret?: string | null;
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.secret) headers.authorization = `Bearer ${options.secret}`;
  const res = await fetch(path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  if (res.status === 429) {
    // A request limit or the grading queue: the words are the page's, the wait is the server's.
    const seconds = Math.max(1, Number(res.headers.get('retry-after')) || 5);
    throw new LabRequestError(429, t(pageLocale(), 'lab.busy', { seconds }));
  }
  if (!res.ok) {
    let coded: WireError | null = null;
    try {
      coded = wireError(JSON.parse(text));
    } catch {
      /* not JSON: a proxy's page; only the status is known */
    }
    const locale = pageLocale();
    const message = coded ? errorText(locale, coded) : `HTTP ${res.status}`;
    throw new LabRequestError(res.status, message, coded);
  }
  return (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as T) : (text as T);
}

const KEY = 'lockstep:labs:v1';

interface Saved {
  /** Instructor keys of labs created here. */
  instructor: Record<string, { key: string; title: string; createdAt: string }>;
  /** Student tokens of labs joined here. */
  student: Record<string, { token: string }>;
}

function load(): Saved {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Saved>;
    return { instructor: raw.instructor ?? {}, student: raw.student ?? {} };
  } catch {
    return { instructor: {}, student: {} };
  }
}

function save(s: Saved): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    /* storage full or blocked: the links still work */
  }
}

export const labSecrets = {
  instructorLabs: () => load().instructor,
  instructorKey: (labId: string): string | null => load().instructor[labId]?.key ?? null,
  rememberInstructor(labId: string, key: string, title: string, createdAt: string): void {
    const s = load();
    s.instructor[labId] = { key, title, createdAt };
    save(s);
  },
  studentToken: (labId: string): string | null => load().student[labId]?.token ?? null,
  rememberStudent(labId: string, token: string): void {
    const s = load();
    s.student[labId] = { token };
    save(s);
  },
  forgetStudent(labId: string): void {
    const s = load();
    delete s.student[labId];
    save(s);
  },
};

/** Reads `name` from the URL fragment (#key=…&…) and removes the fragment from the address bar. */
export function takeFromFragment(name: string): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const value = params.get(name);
  if (value !== null) history.replaceState(null, '', location.pathname + location.search);
  return value;
}

/** The page's locale prefix ('' or '/zh-cn'), for links between lab pages. */
export function localePrefix(): string {
  return location.pathname.startsWith('/zh-cn/') ? '/zh-cn' : '';
}

/** A date in the reader's locale and time zone. */
export function formatInstant(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale === 'zh-cn' ? 'zh-CN' : 'en', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** A link with a Copy button, labelled for screen readers. */
export function copyableLink(locale: Locale, label: string, url: string): HTMLElement {
  const id = `lab-link-${Math.random().toString(36).slice(2, 8)}`;
  const box = el('div', { class: 'lab-link' });
  const input = el('input', { id, readonly: '', value: url, class: 'lab-link-input' });
  const copy = el('button', { type: 'button', class: 'pg-button' }, t(locale, 'lab.copy'));
  const done = el('span', { class: 'lab-copied', 'aria-live': 'polite' });
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(url).then(
      () => (done.textContent = t(locale, 'lab.copied')),
      () => input.select(),
    );
  });
  box.append(el('label', { for: id }, label), input, copy, done);
  return box;
}
