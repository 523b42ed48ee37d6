import { describe, expect, it } from 'vitest';
import { answerToValues, describeSelection, optionsOf, takesText, VersionedAnswerSchema } from './answer-form';

describe('optionsOf and describeSelection', () => {
  it('offers the four fixed answers to a yes / no question without options of its own', () => {
    expect(optionsOf({ kind: 'yes_no', options: [] }).map((option) => option.label)).toEqual(['Sí', 'No', 'No aplica', 'No sé']);
    expect(optionsOf({ kind: 'yes_no', options: [{ key: 'yes', label: 'Sí' }] })).toEqual([{ key: 'yes', label: 'Sí' }]);
  });

  it('names the chosen options, «otro» with what was specified', () => {
    const question = { kind: 'multiple_choice' as const, options: [{ key: 'a', label: 'Campañas' }, { key: 'otros', label: 'Otros (precisar)', other: true }] };
    expect(describeSelection(question, { selected: ['otros', 'a'], otherText: 'Foros regionales' })).toEqual(['Campañas', 'Otros (precisar): Foros regionales']);
  });

  it('asks for text in open questions and in closed ones with comments only', () => {
    expect(takesText({ kind: 'open', withComment: false })).toBe(true);
    expect(takesText({ kind: 'single_choice', withComment: true })).toBe(true);
    expect(takesText({ kind: 'single_choice', withComment: false })).toBe(false);
    expect(takesText({ kind: 'number', withComment: true })).toBe(false);
  });
});

describe('VersionedAnswerSchema', () => {
  it('reads the form back into an answer: blanks become null, the markup a document', () => {
    const values = { ...answerToValues({ text: { blocks: [], footnotes: [] }, selected: ['a'], otherText: null, number: 12, date: null, rows: [['1', '']] }), markup: 'Primer párrafo.\n\nSegundo párrafo.', version: 3 };
    expect(values.otherText).toBe('');
    expect(values.date).toBe('');
    const parsed = VersionedAnswerSchema.parse(values);
    expect(parsed.version).toBe(3);
    expect(parsed.answer).toMatchObject({ selected: ['a'], otherText: null, number: 12, date: null, rows: [['1', '']] });
    expect(parsed.answer.text.blocks.map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('refuses markup it cannot read, naming the line, on the text field', () => {
    const values = { ...answerToValues({ text: { blocks: [], footnotes: [] }, selected: [], otherText: null, number: null, date: null, rows: [] }), markup: 'Primero.\n\nVer la nota[^1].', version: 1 };
    const parsed = VersionedAnswerSchema.safeParse(values);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path).toEqual(['markup']);
    expect(issue.message).toMatch(/^Línea 3: Falta el texto de la nota \[\^1\]/);
  });
});
