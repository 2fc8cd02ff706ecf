import { describe, expect, it } from 'vitest';
import { testFunctions } from './test-names.ts';

describe('testFunctions', () => {
  it('finds top-level Test functions in source order', () => {
    const src = [
      'package p',
      'func TestB(t *testing.T) {}',
      'func TestA_2(tt *testing.T) {',
      '\tt.Run("sub", func(t *testing.T) {})',
      '}',
    ].join('\n');
    expect(testFunctions(src)).toEqual(['TestB', 'TestA_2']);
  });

  it('skips helpers, benchmarks, methods and names go test would not run', () => {
    const src = [
      'func helper(t *testing.T) {}',
      'func BenchmarkX(b *testing.B) {}',
      'func (s suite) TestM(t *testing.T) {}',
      'func Testable(t *testing.T) {}',
      '// func TestCommented(t *testing.T) {}',
      'func TestMain(m *testing.M) {}',
    ].join('\n');
    expect(testFunctions(src)).toEqual([]);
  });
});
