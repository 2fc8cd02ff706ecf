/**
 * POST /api/run and the WebSocket /api/run/stream check a request with one validator and word
 * what is wrong the same way; each keeps its transport (a 400 JSON body; an `error` message and a
 * 1008 close). Against the real app and runner.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Value } from 'typebox/value';
import { startRunner, type Runner } from './harness.ts';
import { StreamMessage } from '../../contract/stream.ts';
import { ErrorBody } from '../../contract/run.ts';

let runner: Runner;
let base: string;

beforeAll(async () => {
  runner = await startRunner();
  await runner.app.listen({ port: 0, host: '127.0.0.1' });
  const address = runner.app.server.address();
  base = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 240_000);
afterAll(async () => runner?.close());

/** Sends one first message on the stream; returns the messages and the close code. */
function stream(text: string): Promise<{ messages: StreamMessage[]; closeCode: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base}/api/run/stream?client=check`);
    const messages: StreamMessage[] = [];
    ws.onopen = () => ws.send(text);
    ws.onmessage = (event) => messages.push(JSON.parse(String(event.data)) as StreamMessage);
    ws.onerror = () => reject(new Error('websocket error'));
    ws.onclose = (event) => resolve({ messages, closeCode: event.code });
  });
}

const BAD: [name: string, text: string, code: string, params?: object][] = [
  ['not JSON', '{not json', 'not_json'],
  ['empty', '', 'empty_body'],
  ['not an object', '[1, 2]', 'bad_request', { path: '', rule: 'type' }],
  [
    'no action',
    JSON.stringify({ files: { 'main.go': 'package main' } }),
    'bad_request',
    { path: '', rule: 'required', field: 'action' },
  ],
  [
    'an unknown action',
    JSON.stringify({ action: 'build', files: { 'main.go': 'package main' } }),
    'bad_request',
    { path: '/action', rule: 'anyOf' },
  ],
  [
    'a path for a file name',
    JSON.stringify({ action: 'run', files: { '../x.go': '' } }),
    'bad_file_name',
    { file: '../x.go' },
  ],
  [
    'no files',
    JSON.stringify({ action: 'run', files: {} }),
    'bad_request',
    { path: '/files', rule: 'minProperties', limit: 1 },
  ],
  [
    'a field the contract lacks',
    JSON.stringify({ action: 'run', files: { 'main.go': '' }, env: {} }),
    'bad_request',
    { path: '', rule: 'additionalProperties', field: 'env' },
  ],
  [
    'a number for a file',
    JSON.stringify({ action: 'run', files: { 'main.go': 1 } }),
    'bad_request',
    { path: '/files/main.go', rule: 'type' },
  ],
];

describe('one request check for both transports', () => {
  test.each(BAD)(
    '%s: the same code and words over POST and the stream',
    async (_name, text, code, params) => {
      const post = await runner.post(text);
      expect(post.statusCode).toBe(400);
      expect(Value.Check(ErrorBody, post.json)).toBe(true);
      expect(post.json.error).toBe(code);
      expect(post.json.params).toEqual(params);

      const { messages, closeCode } = await stream(text);
      expect(closeCode).toBe(1008);
      expect(messages).toHaveLength(1);
      expect(Value.Check(StreamMessage, messages[0])).toBe(true);
      const streamed = messages[0];
      if (streamed?.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(streamed)}`);
      // An empty POST body is refused before any check, by Fastify's parser, with its own words.
      if (text !== '') expect(streamed.message).toBe(post.json.message);
      expect(streamed.error).toBe(post.json.error);
      expect(streamed.params).toEqual(post.json.params);
    },
  );

  test('a file name is refused with the rule in words, on both', async () => {
    const text = JSON.stringify({ action: 'vet', files: { 'a b.go': 'package main' } });
    const post = await runner.post(text);
    const { messages } = await stream(text);
    expect(post.json.message).toMatch(/^File name "a b\.go" is not allowed: use letters/);
    expect(messages[0]).toMatchObject({
      type: 'error',
      error: 'bad_file_name',
      params: { file: 'a b.go' },
      message: post.json.message,
    });
  });

  test('a valid request runs on both', async () => {
    const request = { action: 'fmt', files: { 'main.go': 'package main\nfunc main(){}\n' } };
    const post = await runner.post(request);
    expect(post.statusCode).toBe(200);
    const { messages, closeCode } = await stream(JSON.stringify(request));
    expect(closeCode).toBe(1000);
    const last = messages.at(-1);
    expect(last?.type).toBe('result');
    expect(last?.type === 'result' ? last.result.files : undefined).toEqual(post.json.files);
  }, 60_000);

  test('the OpenAPI document still describes the POST body by the contract', async () => {
    const doc = (await runner.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>
      >;
    };
    const schema = doc.paths['/api/run']?.post?.requestBody?.content?.['application/json']?.schema;
    expect(JSON.stringify(schema)).toContain('ending .go, .mod, .sum or .txt');
    expect(schema).toMatchObject({ required: ['files', 'action'], additionalProperties: false });
  });
});
