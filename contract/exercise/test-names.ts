/** Pure: the top-level Test functions a Go test file declares, as `go test` would run them. */

const TEST_FUNC = /^func\s+(Test[A-Za-z0-9_]*)\s*\(\s*\w+\s+\*testing\.T\s*\)/gm;

/** Returns the names of `func TestXxx(t *testing.T)` declarations, in source order. */
export function testFunctions(source: string): string[] {
  // `go test` skips TestXxx whose Xxx starts with a lower-case letter (e.g. Testable).
  return [...source.matchAll(TEST_FUNC)]
    .map((m) => m[1] ?? '')
    .filter((name) => name === 'Test' || !/^[a-z]/.test(name.slice(4)));
}
