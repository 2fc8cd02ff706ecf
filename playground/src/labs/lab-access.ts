/**
 * Use case: a student joins a lab and gets a personal token; a bearer secret (the instructor key
 * or a student token) is resolved to the caller it belongs to.
 */
import type { JoinRequest, Joined } from '../../../contract/labs.ts';
import { RequestError } from '../errors.ts';
import { labPhase } from './policy.ts';
import { hashSecret, newSecret, secretMatches } from './secrets.ts';
import { studentView, type LabCaller, type LabContext } from './service-context.ts';
import { DuplicateStudentError } from './store.ts';

export async function joinLab(ctx: LabContext, labId: string, request: JoinRequest): Promise<Joined> {
  const l = (await ctx.lab(labId)).lab;
  if (labPhase(l, ctx.now()) === 'closed')
    throw new RequestError(
      403,
      'closed',
      `This lab was due at ${l.dueAt}; it no longer takes new students.`,
      {
        dueAt: l.dueAt,
      },
    );
  const token = newSecret('lst');
  const email = request.email?.trim() ? request.email.trim() : null;
  try {
    const student = await ctx.store.addStudent({
      labId,
      studentId: request.studentId.trim(),
      name: request.name.trim(),
      email,
      tokenHash: hashSecret(token),
      joinedAt: ctx.now().toISOString(),
    });
    return { student: studentView(student), token };
  } catch (error) {
    if (error instanceof DuplicateStudentError)
      throw new RequestError(
        409,
        'already_joined',
        `Student ID "${request.studentId.trim()}" has already joined this lab. Open the personal link you got when you joined, or ask your instructor.`,
        { studentId: request.studentId.trim() },
      );
    throw error;
  }
}

export async function authenticate(
  ctx: LabContext,
  labId: string,
  secret: string | null,
): Promise<LabCaller> {
  const found = await ctx.lab(labId);
  const unauthorized = new RequestError(
    401,
    'unauthorized',
    'This needs your personal lab link (student) or the instructor key.',
  );
  if (!secret) throw unauthorized;
  if (secret.startsWith('lsk_')) {
    if (secretMatches(secret, found.instructorKeyHash)) return { role: 'instructor', lab: found.lab };
    throw unauthorized;
  }
  const student = await ctx.store.studentByToken(labId, hashSecret(secret));
  if (!student) throw unauthorized;
  return { role: 'student', lab: found.lab, student };
}
