import { describe, expect, it } from 'vitest';
import { allUp, parseShowStat, serversOf, statusByServer } from './haproxy-stats.ts';

// Shortened `show stat` answer in HAProxy's own layout (the real one has ~100 columns).
const SAMPLE = [
  '# pxname,svname,qcur,scur,stot,status,check_status,',
  'lockstep,FRONTEND,,3,120,OPEN,,',
  'runners,replica-1,0,1,40,UP,L7OK,',
  'runners,replica-2,0,0,38,DOWN,L4CON,',
  'runners,BACKEND,0,1,78,UP,,',
  'web,replica-1,0,0,12,UP 1/2,L7OK,',
  'web,replica-2,0,0,9,UP,L7OK,',
  'web,BACKEND,0,0,21,UP,,',
  '',
].join('\n');

describe('parseShowStat', () => {
  it('reads every row with its status, total and columns by name', () => {
    const stats = parseShowStat(SAMPLE);
    expect(stats).toHaveLength(7);
    expect(stats[1]).toMatchObject({ proxy: 'runners', server: 'replica-1', status: 'UP', total: 40 });
    expect(stats[2]!.fields.check_status).toBe('L4CON');
  });

  it('refuses text that is not a show stat answer, and a line that does not fit the header', () => {
    expect(() => parseShowStat('Unknown command.\n')).toThrow(/not a "show stat" answer/);
    expect(() => parseShowStat('# pxname,svname,status\nweb,replica-1\n')).toThrow(/2 fields, the header 3/);
  });
});

describe('questions about the backends', () => {
  const stats = parseShowStat(SAMPLE);
  it('lists servers without the FRONTEND and BACKEND rows', () => {
    expect(serversOf(stats, 'runners').map((s) => s.server)).toEqual(['replica-1', 'replica-2']);
    expect(statusByServer(stats, 'web')).toEqual({ 'replica-1': 'UP 1/2', 'replica-2': 'UP' });
  });

  it('counts as up only servers fully UP in every backend asked about', () => {
    expect(allUp(stats, ['runners'], ['replica-1'])).toBe(true);
    expect(allUp(stats, ['runners', 'web'], ['replica-1'])).toBe(false); // going down in web
    expect(allUp(stats, ['web'], ['replica-2'])).toBe(true);
    expect(allUp(stats, ['runners'], ['replica-1', 'replica-2'])).toBe(false);
    expect(allUp(stats, ['runners'], ['replica-3'])).toBe(false);
  });
});
