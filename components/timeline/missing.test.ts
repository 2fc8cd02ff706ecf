import { describe, expect, test } from 'vitest';
import { t } from '../i18n/index.ts';
import { missingKey } from './missing.ts';

describe('why a traced run has no timeline', () => {
  test('a fatal error or a limit says so; other codes keep their own sentence', () => {
    expect(missingKey('no_trace', { status: 'concurrent_map' })).toBe('tl.missing.no_trace.fatal');
    expect(
      missingKey('no_trace', { status: 'exit_error', summary: { code: 'fatal.at', params: {} } as never }),
    ).toBe('tl.missing.no_trace.fatal');
    expect(missingKey('no_trace', { status: 'memory_limit' })).toBe('tl.missing.no_trace.limit');
    expect(missingKey('no_trace', { status: 'ok' })).toBe('tl.missing.no_trace');
    // A fatal exit may leave the first bytes of a trace, which read as malformed: the ending says why.
    expect(missingKey('malformed_trace', { status: 'concurrent_map' })).toBe('tl.missing.no_trace.fatal');
    expect(missingKey('malformed_trace', { status: 'ok' })).toBe('tl.missing.malformed_trace');
    expect(missingKey('not_a_trace', { status: 'concurrent_map' })).toBe('tl.missing.not_a_trace');
    expect(t('zh-cn', missingKey('no_trace', { status: 'concurrent_map' }))).toContain('致命错误');
  });
});
