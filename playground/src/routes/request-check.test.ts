import { describe, expect, it } from 'vitest';
import { fileNameMessage } from '../../../contract/file-name.ts';
import {
  NOT_JSON_MESSAGE,
  checkRunRequest,
  gradeRequestCheck,
  problemMessage,
  runRequestFromText,
  runRequestValidator,
  schemaRefusal,
} from './request-check.ts';

type Refusal = { statusCode: number; code: string; message: string; params: unknown };
const refusal = (fn: () => unknown): Refusal => {
  try {
    fn();
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('accepted');
};

describe('the run request check', () => {
  const good = { action: 'run', files: { 'main.go': 'package main\n' } };

  it('accepts a request of the contract and returns it', () => {
    expect(checkRunRequest(good)).toBe(good);
    expect(runRequestFromText(JSON.stringify(good))).toEqual(good);
  });

  it('names a refused file name with the rule', () => {
    const r = refusal(() => checkRunRequest({ action: 'run', files: { '../x.go': '' } }));
    expect(r).toMatchObject({
      statusCode: 400,
      code: 'bad_file_name',
      params: { file: '../x.go' },
      message: fileNameMessage('../x.go'),
    });
  });

  it('names a field the request may not have', () => {
    expect(refusal(() => checkRunRequest({ ...good, extra: 1 })).message).toBe(
      'Invalid run request: unknown field "extra".',
    );
  });

  it('gives the path, the rule and its facts as params', () => {
    expect(refusal(() => checkRunRequest({ files: good.files })).params).toEqual({
      path: '',
      rule: 'required',
      field: 'action',
    });
    expect(refusal(() => checkRunRequest({ action: 'run', files: {} })).params).toEqual({
      path: '/files',
      rule: 'minProperties',
      limit: 1,
    });
    expect(refusal(() => checkRunRequest({ ...good, extra: 1 })).params).toEqual({
      path: '',
      rule: 'additionalProperties',
      field: 'extra',
    });
    expect(
      schemaRefusal([{ keyword: 'required', instancePath: '', params: { missingProperty: 'files' } }]),
    ).toMatchObject({
      code: 'bad_request',
      params: { path: '', rule: 'required', field: 'files' },
    });
  });

  it("words other problems with the path and the schema's words", () => {
    expect(refusal(() => checkRunRequest({ files: good.files })).message).toBe(
      'Invalid run request: must have required properties action.',
    );
    expect(refusal(() => checkRunRequest({ action: 'run', files: { 'a.go': 1 } })).message).toBe(
      'Invalid run request: /files/a.go: must be string.',
    );
    expect(refusal(() => checkRunRequest(null)).message).toBe('Invalid run request: must be object.');
  });

  it('refuses text that is not JSON with the same code', () => {
    expect(refusal(() => runRequestFromText('{not json'))).toMatchObject({
      statusCode: 400,
      code: 'not_json',
      message: NOT_JSON_MESSAGE,
    });
  });

  it('gives Fastify the value or the same error', () => {
    const validate = runRequestValidator();
    expect(validate(good)).toEqual({ value: good });
    expect(validate({ action: 'nope', files: good.files }).error?.message).toBe(
      refusal(() => checkRunRequest({ action: 'nope', files: good.files })).message,
    );
  });

  it("words Ajv's errors (the other routes) the same way", () => {
    expect(
      problemMessage([
        {
          keyword: 'additionalProperties',
          instancePath: '/files',
          params: { additionalProperty: 'a/b.go' },
          message: 'must NOT have additional properties',
        },
      ]),
    ).toBe(fileNameMessage('a/b.go'));
    expect(
      problemMessage(
        [
          {
            keyword: 'maxLength',
            instancePath: '/exerciseId',
            message: 'must NOT have more than 64 characters',
          },
        ],
        'body',
      ),
    ).toBe('Invalid body: /exerciseId: must NOT have more than 64 characters.');
  });
});

describe('the grade request check (POST /api/grade and /api/grade/stream)', () => {
  const good = { exerciseId: 'lost-update-counter', files: { 'counter.go': 'package counter\n' } };

  it('accepts a request of the contract, from a body or a message', () => {
    expect(gradeRequestCheck.check(good)).toBe(good);
    expect(gradeRequestCheck.fromText(JSON.stringify({ ...good, locale: 'zh-cn' }))).toEqual({
      ...good,
      locale: 'zh-cn',
    });
  });

  it('words a refusal as a grade request, with the same code and words on both transports', () => {
    const bad = { ...good, locale: 'fr' };
    const r = refusal(() => gradeRequestCheck.check(bad));
    expect(r.statusCode).toBe(400);
    expect(r.code).toBe('bad_request');
    expect(r.params).toEqual({ path: '/locale', rule: 'anyOf' });
    expect(r.message).toMatch(/^Invalid grade request: \/locale: /);
    expect(refusal(() => gradeRequestCheck.fromText(JSON.stringify(bad)))).toMatchObject({
      code: 'bad_request',
      message: r.message,
    });
    expect(gradeRequestCheck.validator()(bad).error?.message).toBe(r.message);
    expect(refusal(() => gradeRequestCheck.check({ ...good, files: { '../x.go': '' } })).message).toBe(
      fileNameMessage('../x.go'),
    );
    expect(refusal(() => gradeRequestCheck.fromText('{not json'))).toMatchObject({
      code: 'not_json',
      message: NOT_JSON_MESSAGE,
    });
  });
});
