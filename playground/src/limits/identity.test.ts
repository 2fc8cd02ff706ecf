import { describe, expect, it } from 'vitest';
import { callerKey } from './identity.ts';

describe('lab caller identity', () => {
  it('is the student or the instructor once verified, whatever the address', () => {
    const lab = { id: 'lab1' };
    expect(callerKey({ role: 'student', lab, student: { row: 7 } }, '10.0.0.1')).toBe('student:lab1/7');
    expect(callerKey({ role: 'student', lab, student: { row: 8 } }, '10.0.0.1')).toBe('student:lab1/8');
    expect(callerKey({ role: 'instructor', lab }, '10.0.0.1')).toBe('instructor:lab1');
    expect(callerKey({ role: 'instructor', lab: { id: 'lab2' } }, '10.0.0.1')).toBe('instructor:lab2');
  });

  it('is the address for anyone not verified', () => {
    expect(callerKey(null, '203.0.113.9')).toBe('address:203.0.113.9');
    expect(callerKey(null, '::1')).toBe('address:::1');
  });
});
