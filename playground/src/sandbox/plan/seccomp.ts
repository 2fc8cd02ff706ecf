/**
 * A seccomp filter for both sandboxes, as classic BPF bytes for `bwrap --seccomp FD`: a deny-list
 * of system calls a Go program has no business making and that widen the kernel's attack surface
 * (debugging other processes, kernel keyrings, io_uring, eBPF, perf, mounts, module loading…).
 * They fail with EPERM, so a program sees an ordinary error. Everything else is allowed: Go's
 * runtime, the race detector and the toolchain need a broad, version-dependent set, so an
 * allow-list would break them. x86-64 only; on other architectures no filter is installed.
 * Pure: returns bytes. Syscall numbers: linux arch/x86/entry/syscalls/syscall_64.tbl.
 */

/** x86-64 system calls refused inside the sandbox, by name and number. */
export const DENIED_SYSCALLS_X86_64: Readonly<Record<string, number>> = {
  ptrace: 101,
  syslog: 103,
  acct: 163,
  mount: 165,
  umount2: 166,
  swapon: 167,
  swapoff: 168,
  reboot: 169,
  sethostname: 170,
  setdomainname: 171,
  iopl: 172,
  ioperm: 173,
  init_module: 175,
  delete_module: 176,
  quotactl: 179,
  kexec_load: 246,
  add_key: 248,
  request_key: 249,
  keyctl: 250,
  unshare: 272,
  move_pages: 279,
  perf_event_open: 298,
  name_to_handle_at: 303,
  open_by_handle_at: 304,
  setns: 308,
  process_vm_readv: 310,
  process_vm_writev: 311,
  kcmp: 312,
  finit_module: 313,
  bpf: 321,
  userfaultfd: 323,
  kexec_file_load: 320,
  io_uring_setup: 425,
  io_uring_enter: 426,
  io_uring_register: 427,
  open_tree: 428,
  move_mount: 429,
  fsopen: 430,
  fsconfig: 431,
  fsmount: 432,
  fspick: 433,
  pidfd_getfd: 438,
  mount_setattr: 442,
};

/** The file descriptor bwrap reads the filter from (the step spawns a pipe there). */
export const SECCOMP_FD = 3;
/** The filter is written for x86-64 system call numbers; elsewhere none is installed. */
export const SECCOMP_SUPPORTED = process.arch === 'x64';

const AUDIT_ARCH_X86_64 = 0xc000003e;
const X32_SYSCALL_BIT = 0x40000000;
const EPERM = 1;

// BPF opcodes (linux/filter.h, linux/seccomp.h).
const BPF_LD_W_ABS = 0x20;
const BPF_JMP_JEQ_K = 0x15;
const BPF_JMP_JGE_K = 0x35;
const BPF_RET_K = 0x06;
const SECCOMP_RET_ALLOW = 0x7fff0000;
const SECCOMP_RET_KILL_PROCESS = 0x80000000;
const SECCOMP_RET_ERRNO = 0x00050000;
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;

type Instruction = [code: number, jt: number, jf: number, k: number];

/** Returns the filter program: wrong architecture → kill; x32 or denied call → EPERM; else allow. */
export function seccompProgram(
  denied: readonly number[] = Object.values(DENIED_SYSCALLS_X86_64),
): Instruction[] {
  const numbers = [...new Set(denied)].sort((a, b) => a - b);
  const program: Instruction[] = [
    [BPF_LD_W_ABS, 0, 0, OFFSET_ARCH],
    [BPF_JMP_JEQ_K, 1, 0, AUDIT_ARCH_X86_64],
    [BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS],
    [BPF_LD_W_ABS, 0, 0, OFFSET_NR],
    // x32 ABI numbers would bypass the list below: refuse them all.
    [BPF_JMP_JGE_K, numbers.length + 1, 0, X32_SYSCALL_BIT],
  ];
  // Each denied number jumps to the EPERM return after the list: its distance shrinks by one per line.
  numbers.forEach((nr, i) => program.push([BPF_JMP_JEQ_K, numbers.length - i, 0, nr]));
  program.push([BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW]);
  program.push([BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM]);
  return program;
}

/** Returns the program as the bytes bwrap reads (struct sock_filter, little-endian). */
export function seccompBytes(program: Instruction[] = seccompProgram()): Buffer {
  const out = Buffer.alloc(program.length * 8);
  program.forEach(([code, jt, jf, k], i) => {
    out.writeUInt16LE(code, i * 8);
    out.writeUInt8(jt, i * 8 + 2);
    out.writeUInt8(jf, i * 8 + 3);
    out.writeUInt32LE(k >>> 0, i * 8 + 4);
  });
  return out;
}

/** Returns a tiny interpreter's verdict for (arch, nr): used by tests to check jump targets. */
export function evaluate(program: Instruction[], arch: number, nr: number): number {
  let acc = 0;
  for (let pc = 0; pc < program.length; pc++) {
    const [code, jt, jf, k] = program[pc]!;
    if (code === BPF_LD_W_ABS) acc = k === OFFSET_ARCH ? arch : nr;
    else if (code === BPF_JMP_JEQ_K) pc += acc === k ? jt : jf;
    else if (code === BPF_JMP_JGE_K) pc += acc >>> 0 >= k ? jt : jf;
    else if (code === BPF_RET_K) return k >>> 0;
  }
  throw new Error('filter fell off the end');
}

export const SECCOMP = {
  ALLOW: SECCOMP_RET_ALLOW,
  ERRNO_EPERM: (SECCOMP_RET_ERRNO | EPERM) >>> 0,
  KILL: SECCOMP_RET_KILL_PROCESS >>> 0,
  AUDIT_ARCH_X86_64,
};
