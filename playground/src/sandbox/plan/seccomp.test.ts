import { describe, expect, test } from 'vitest';
import { DENIED_SYSCALLS_X86_64, evaluate, SECCOMP, seccompBytes, seccompProgram } from './seccomp.ts';

describe('seccomp filter', () => {
  const program = seccompProgram();
  const arch = SECCOMP.AUDIT_ARCH_X86_64;

  test('every denied call gets EPERM', () => {
    for (const [name, nr] of Object.entries(DENIED_SYSCALLS_X86_64)) {
      expect(evaluate(program, arch, nr), name).toBe(SECCOMP.ERRNO_EPERM);
    }
  });

  test('the calls Go needs are allowed', () => {
    // read, write, mmap, clone, futex, epoll_pwait, exit_group, openat, clone3, execve
    for (const nr of [0, 1, 9, 56, 202, 281, 231, 257, 435, 59])
      expect(evaluate(program, arch, nr)).toBe(SECCOMP.ALLOW);
  });

  test('x32 numbers are refused and another architecture is killed', () => {
    expect(evaluate(program, arch, 0x40000000 + 101)).toBe(SECCOMP.ERRNO_EPERM);
    expect(evaluate(program, 0x40000003, 1)).toBe(SECCOMP.KILL);
  });

  test('encodes 8 bytes per instruction', () => {
    const bytes = seccompBytes(program);
    expect(bytes.length).toBe(program.length * 8);
    expect(bytes.readUInt16LE(0)).toBe(0x20);
    expect(bytes.readUInt32LE(4)).toBe(4);
  });
});
