import { describe, expect, it } from 'vitest';
import { unavailableReason } from './postgres-errors.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('unavailableReason', () => {
  it('names socket failures', () => {
    expect(unavailableReason(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).toBe(
      'connection_refused',
    );
    expect(unavailableReason(withCode('getaddrinfo ENOTFOUND db', 'ENOTFOUND'))).toBe('host_not_found');
  });

  it('looks inside the AggregateError of a name with several addresses', () => {
    const error = new AggregateError(
      [withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'), withCode('x', 'ECONNREFUSED')],
      '',
    );
    expect(unavailableReason(error)).toBe('connection_refused');
  });

  it('names server states by SQLSTATE, including the whole connection-exception class', () => {
    expect(unavailableReason(withCode('terminating connection due to administrator command', '57P01'))).toBe(
      'shutting_down',
    );
    expect(unavailableReason(withCode('the database system is starting up', '57P03'))).toBe('starting_up');
    expect(unavailableReason(withCode('connection failure', '08006'))).toBe('connection_lost');
  });

  it('names the errors pg raises without a code', () => {
    expect(unavailableReason(new Error('Connection terminated unexpectedly'))).toBe('connection_lost');
    expect(unavailableReason(new Error('timeout exceeded when trying to connect'))).toBe(
      'connection_timeout',
    );
  });

  it('leaves query faults and non-errors alone', () => {
    expect(unavailableReason(withCode('duplicate key value violates unique constraint', '23505'))).toBeNull();
    expect(unavailableReason(withCode('syntax error at or near "SELEC"', '42601'))).toBeNull();
    expect(unavailableReason(new Error('something else'))).toBeNull();
    expect(unavailableReason('ECONNREFUSED')).toBeNull();
  });
});
