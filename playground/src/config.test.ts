import { describe, expect, it } from 'vitest';
import { databaseUrlProblem, loadConfig } from './config.ts';

describe('LOCKSTEP_DATABASE_URL', () => {
  it('is empty by default: the labs stay in the embedded SQLite file', () => {
    const config = loadConfig({ LOCKSTEP_DATA_DIR: '/tmp/x' });
    expect(config.LOCKSTEP_DATABASE_URL).toBe('');
    expect(config.LOCKSTEP_LABS_DB).toBe('/tmp/x/labs.sqlite');
  });

  it.each([
    'postgres://lockstep:secret@db.internal:5432/lockstep',
    'postgresql://db/lockstep?sslmode=require',
    'postgres:///lockstep?host=/run/postgresql',
  ])('accepts %s', (url) => {
    expect(databaseUrlProblem(url)).toBeNull();
    expect(loadConfig({ LOCKSTEP_DATABASE_URL: url }).LOCKSTEP_DATABASE_URL).toBe(url);
  });

  it.each([
    ['db.internal:5432', /must start with postgres:\/\//],
    ['mysql://db/lockstep', /must start with postgres:\/\//],
    ['not a url', /not a URL/],
    ['postgres://db.internal:5432', /names no database/],
    ['postgres:///lockstep', /names no host/],
  ])('stops the server on %j, naming the variable', (url, problem) => {
    const attempt = () => loadConfig({ LOCKSTEP_DATABASE_URL: url });
    expect(attempt).toThrow(/LOCKSTEP_DATABASE_URL: /);
    expect(attempt).toThrow(problem);
  });

  it('never repeats the URL, which may hold a password', () => {
    expect(() => loadConfig({ LOCKSTEP_DATABASE_URL: 'postgres://u:hunter2@db' })).toThrow(
      'LOCKSTEP_DATABASE_URL: names no database',
    );
    expect(() => loadConfig({ LOCKSTEP_DATABASE_URL: 'postgres://u:hunter2@db' })).not.toThrow(/hunter2/);
  });
});
