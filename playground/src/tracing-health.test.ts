import { describe, expect, it } from 'vitest';
import { tracingHealth } from './tracing-health.ts';

describe('tracingHealth', () => {
  it('is available with a sandbox and a converter that is ready, building or not asked for yet', () => {
    for (const converter of ['ready', 'building', 'not_built'] as const)
      expect(tracingHealth(true, converter)).toEqual({ available: true, converter });
  });
  it('names the sandbox first, then the converter', () => {
    expect(tracingHealth(false, 'failed')).toEqual({
      available: false,
      reason: 'sandbox_unavailable',
      converter: 'failed',
    });
    expect(tracingHealth(true, 'failed')).toEqual({
      available: false,
      reason: 'converter_unavailable',
      converter: 'failed',
    });
  });
});
