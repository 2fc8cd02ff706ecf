import { describe, expect, it } from 'vitest';
import { goNoteText } from './go-note.ts';

describe('the "needs a newer Go" note', () => {
  it('words the facts in the page language, for an example and for an exercise', () => {
    expect(goNoteText('en', 'example', '1.25', 'go1.24.6')).toBe(
      'This example needs Go 1.25 or later; this runner has Go 1.24.6.',
    );
    expect(goNoteText('en', 'exercise', '1.25', 'go1.24.0')).toBe(
      'This exercise needs Go 1.25 or later; this runner has Go 1.24.0.',
    );
    expect(goNoteText('zh-cn', 'example', '1.25', 'go1.24.6')).toBe(
      '此示例需要 Go 1.25 或更高版本；此运行器的 Go 是 1.24.6。',
    );
    expect(goNoteText('zh-cn', 'exercise', '1.26', 'go1.25.3')).toBe(
      '此练习需要 Go 1.26 或更高版本；此运行器的 Go 是 1.25.3。',
    );
  });

  it('is not shown for a new enough runner, an unknown runner or content without a minimum', () => {
    expect(goNoteText('en', 'example', '1.25', 'go1.25.0')).toBeNull();
    expect(goNoteText('en', 'example', '1.25', 'go1.26.8')).toBeNull();
    expect(goNoteText('en', 'example', '1.25', '')).toBeNull();
    expect(goNoteText('en', 'example', '1.25', null)).toBeNull();
    expect(goNoteText('en', 'exercise', undefined, 'go1.24.0')).toBeNull();
  });
});
