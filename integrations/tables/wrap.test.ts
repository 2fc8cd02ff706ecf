import { describe, expect, it } from 'vitest';
import { tableWrapper } from './wrap.ts';

describe('tableWrapper', () => {
  it('names the region after the section heading', () => {
    expect(tableWrapper(' Choosing a lock ', ['Choose', 'When'])).toBe(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Choosing a lock"></div>',
    );
  });
  it('falls back to the column headers, escaped', () => {
    expect(tableWrapper(undefined, [' Choose ', '', 'Why "not" <x> & y'])).toBe(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Choose, Why &quot;not&quot; &lt;x> &amp; y"></div>',
    );
  });
});
