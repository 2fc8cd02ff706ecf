import { describe, expect, it } from 'vitest';
import { databaseUrlProblem, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has lab limits sized for a class behind one address, and trusts no proxy by default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      LOCKSTEP_TRUSTED_PROXIES: '',
      LOCKSTEP_LAB_CREATE_PER_MINUTE: 20,
      LOCKSTEP_LAB_JOIN_BURST: 500,
      LOCKSTEP_LAB_JOIN_PER_MINUTE: 300,
      LOCKSTEP_LAB_SUBMIT_PER_MINUTE: 30,
      LOCKSTEP_LAB_REQUESTS_PER_MINUTE: 600,
    });
    expect(loadConfig({ LOCKSTEP_LAB_JOIN_BURST: '40' }).LOCKSTEP_LAB_JOIN_BURST).toBe(40);
  });

  it('stops with the variable named for a bad proxy list or a limit out of range', () => {
    expect(() => loadConfig({ LOCKSTEP_TRUSTED_PROXIES: '10.0.0.1, 10.0.0.0/33' })).toThrow(
      /LOCKSTEP_TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not an IP address/,
    );
    expect(() => loadConfig({ LOCKSTEP_LAB_JOIN_BURST: '0' })).toThrow(/LOCKSTEP_LAB_JOIN_BURST/);
    expect(() => loadConfig({ LOCKSTEP_LAB_SUBMIT_PER_MINUTE: 'many' })).toThrow(
      /LOCKSTEP_LAB_SUBMIT_PER_MINUTE/,
    );
    expect(loadConfig({ LOCKSTEP_TRUSTED_PROXIES: 'loopback, 10.0.0.0/8' }).LOCKSTEP_TRUSTED_PROXIES).toBe(
      'loopback, 10.0.0.0/8',
    );
  });
});

describe('LOCKSTEP_ROLE', () => {
  it('is all by default, takes web and worker, and refuses anything else by name', () => {
    expect(loadConfig({}).LOCKSTEP_ROLE).toBe('all');
    expect(loadConfig({ LOCKSTEP_ROLE: 'web' }).LOCKSTEP_ROLE).toBe('web');
    expect(loadConfig({ LOCKSTEP_ROLE: 'worker' }).LOCKSTEP_ROLE).toBe('worker');
    expect(() => loadConfig({ LOCKSTEP_ROLE: 'runner' })).toThrow(
      /LOCKSTEP_ROLE: must be one of all, web, worker$/,
    );
  });
});

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
