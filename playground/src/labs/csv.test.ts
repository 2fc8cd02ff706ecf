import { describe, expect, it } from 'vitest';
import { csvCell, gradebookCsv, GRADEBOOK_COLUMNS } from './csv.ts';

describe('gradebook CSV', () => {
  it('has the stable header and one CRLF line per row', () => {
    const csv = gradebookCsv([
      {
        lab: 'Week 1',
        student_id: 's1',
        name: 'Ada',
        email: null,
        exercise: 'lost-update-counter',
        score: 10,
        max_score: 10,
        attempts: 2,
        submitted_at: '2026-01-02T00:00:00.000Z',
        late: false,
      },
    ]);
    expect(csv).toBe(
      'lab,student_id,name,email,exercise,score,max_score,attempts,submitted_at,late\r\n' +
        'Week 1,s1,Ada,,lost-update-counter,10,10,2,2026-01-02T00:00:00.000Z,false\r\n',
    );
    expect(GRADEBOOK_COLUMNS).toHaveLength(10);
  });

  it('quotes commas, quotes and newlines, and defuses spreadsheet formulas in text', () => {
    expect(csvCell('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});
