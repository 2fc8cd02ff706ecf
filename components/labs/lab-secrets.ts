/**
 * Where this browser keeps lab secrets: the instructor keys of labs created here and the student
 * tokens of labs joined here (localStorage; the server only ever sees them in Authorization), and
 * how a secret arrives in a link's fragment, which never reaches a server log. N.B. BROWSER CODE.
 */
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
