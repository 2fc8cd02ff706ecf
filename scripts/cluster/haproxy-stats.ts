/**
 * Reads HAProxy's `show stat` answer (CSV whose first line is `# pxname,svname,…`) into one
 * record per proxy and server, and answers the questions the cluster launcher asks of it: which
 * replicas a backend counts as up, and how many requests each has served. Pure: the launcher
 * (launch.ts) talks to the stats socket.
 */

export interface ServerStat {
  /** The backend (or frontend) name: pxname. */
  proxy: string;
  /** The server name (svname), or FRONTEND / BACKEND for the proxy's own row. */
  server: string;
  /** UP, DOWN, MAINT, "UP 1/2" (going down), "DOWN 1/2" (coming up), "no check", OPEN… */
  status: string;
  /** Sessions (requests, in HTTP mode with keep-alive: connections to the server) so far: stot. */
  total: number;
  /** Every column by its header name, as text. */
  fields: Record<string, string>;
}

/** Parses `show stat` output; a line with a different number of fields than the header is an error. */
export function parseShowStat(text: string): ServerStat[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0];
  if (!header?.startsWith('# ')) throw new Error(`not a "show stat" answer: ${text.slice(0, 80)}`);
  const names = header.slice(2).split(',');
  return lines.slice(1).map((line) => {
    const values = line.split(',');
    if (values.length !== names.length)
      throw new Error(`"show stat" line has ${values.length} fields, the header ${names.length}: ${line}`);
    const fields: Record<string, string> = {};
    names.forEach((name, i) => (fields[name] = values[i] ?? ''));
    return {
      proxy: fields.pxname ?? '',
      server: fields.svname ?? '',
      status: fields.status ?? '',
      total: Number(fields.stot ?? 0) || 0,
      fields,
    };
  });
}

/** The servers (not the FRONTEND/BACKEND rows) of one backend. */
export function serversOf(stats: readonly ServerStat[], backend: string): ServerStat[] {
  return stats.filter((s) => s.proxy === backend && s.server !== 'FRONTEND' && s.server !== 'BACKEND');
}

/** Server name → status, for one backend. */
export function statusByServer(stats: readonly ServerStat[], backend: string): Record<string, string> {
  return Object.fromEntries(serversOf(stats, backend).map((s) => [s.server, s.status]));
}

/** True when every named server is fully UP in every named backend (not "UP 1/2", which is going down). */
export function allUp(
  stats: readonly ServerStat[],
  backends: readonly string[],
  servers: readonly string[],
): boolean {
  return backends.every((b) => {
    const states = statusByServer(stats, b);
    return servers.every((s) => states[s] === 'UP');
  });
}
