import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockToMarkup, markupToBlocks, markupToRichText, richTextToMarkup } from './markup.js';
import type { Block, Inline, RichText } from './model.js';

const read = (text: string) => {
  const reading = markupToRichText(text);
  if ('errors' in reading) throw new Error(JSON.stringify(reading.errors));
  return reading.value;
};

describe('markupToRichText', () => {
  it('reads paragraphs, lists, styles, links, footnotes and a table with a caption and a blank cell', () => {
    const text = [
      'La **Secretaría** informa *en breve*:',
      'segunda línea con [el informe](https://www.gob.mx/sipinna) y una nota[^1].',
      '',
      '- uno',
      '- dos ***ambos***',
      '',
      '1. primero',
      '2. segundo',
      '   que sigue',
      '',
      'Cuadro 1. Casos',
      '| Estado | 2020 | 2021 |',
      '| Jalisco |  | 12 |',
      '',
      '[^1]: Véase el **acta**.',
    ].join('\n');
    expect(read(text)).toEqual<RichText>({
      blocks: [
        {
          type: 'paragraph',
          content: [
            { text: 'La ' },
            { text: 'Secretaría', bold: true },
            { text: ' informa ' },
            { text: 'en breve', italic: true },
            { text: ':\nsegunda línea con ' },
            { text: 'el informe', href: 'https://www.gob.mx/sipinna' },
            { text: ' y una nota' },
            { text: '', footnote: '1' },
            { text: '.' },
          ],
        },
        { type: 'list', ordered: false, items: [[{ text: 'uno' }], [{ text: 'dos ' }, { text: 'ambos', bold: true, italic: true }]] },
        { type: 'list', ordered: true, items: [[{ text: 'primero' }], [{ text: 'segundo\nque sigue' }]] },
        { type: 'table', caption: 'Cuadro 1. Casos', header: ['Estado', '2020', '2021'], rows: [['Jalisco', '', '12']] },
      ],
      footnotes: [{ id: '1', content: [{ text: 'Véase el ' }, { text: 'acta', bold: true }, { text: '.' }] }],
    });
  });

  it('keeps escaped characters as text', () => {
    expect(read(String.raw`5 \* 3 \[no es enlace\] a \| b \\ c` + '\n\n' + String.raw`\- no es lista` + '\n\n' + String.raw`2021\. Año`)).toEqual({
      blocks: [
        { type: 'paragraph', content: [{ text: '5 * 3 [no es enlace] a | b \\ c' }] },
        { type: 'paragraph', content: [{ text: '- no es lista' }] },
        { type: 'paragraph', content: [{ text: '2021. Año' }] },
      ],
      footnotes: [],
    });
  });

  it('names the line of an unsafe link, a footnote without text and a footnote defined twice', () => {
    const reading = markupToRichText(['Texto', '', 'Ver [aquí](javascript:alert(1)) y [^2].', '', '[^1]: uno', '[^1]: otra vez'].join('\n'));
    expect(reading).toEqual({
      errors: [
        { line: 3, message: 'El enlace «javascript:alert(1» no es válido: escriba la dirección completa, empezando con https:// o http://.' },
        { line: 3, message: 'Falta el texto de la nota [^2] (escríbalo en una línea «[^2]: …»).' },
        { line: 6, message: 'La nota [^1] está definida dos veces.' },
      ],
    });
  });
});

describe('markupToBlocks', () => {
  it('reads one edited block into blocks, keeping footnote marks whose text lives elsewhere', () => {
    expect(markupToBlocks('Párrafo con nota[^3]\n\n- a')).toEqual({
      value: [
        { type: 'paragraph', content: [{ text: 'Párrafo con nota' }, { text: '', footnote: '3' }] },
        { type: 'list', ordered: false, items: [[{ text: 'a' }]] },
      ],
    });
    expect(markupToBlocks('Texto\n[^3]: definición')).toEqual({
      errors: [{ line: 2, message: 'La nota [^3] se escribe en las notas al pie de la respuesta, no en el párrafo.' }],
    });
  });

  it('writes a table block with its blank cells', () => {
    const block: Block = { type: 'table', header: ['A', 'B|C'], rows: [['', 'x']], sources: [] };
    expect(blockToMarkup(block)).toBe('| A | B\\|C |\n|  | x |');
  });
});

// ── The round trip, on generated canonical RichText ──────────────────────────────────────────────

/** Words never hold whitespace; they are full of the characters the markup uses. */
const word = fc.string({ unit: fc.constantFrom('a', 'ñ', 'Z', '1', '9', '*', '[', ']', '|', '\\', '(', ')', '-', '.', '^', ':', '<', '#', '_', '!'), minLength: 1, maxLength: 6 });
/** Words joined by a space or a line break: no whitespace at the edges, no blank line. */
const runText = fc.tuple(word, fc.array(fc.tuple(fc.constantFrom(' ', '\n'), word), { maxLength: 4 })).map(([first, rest]) => first + rest.map(([gap, w]) => gap + w).join(''));
const lineText = fc.tuple(word, fc.array(word, { maxLength: 4 })).map(([first, rest]) => [first, ...rest].join(' '));
const cellText = fc.oneof(fc.constant(''), lineText);
const footnoteId = fc.constantFrom('1', '2', '3', '12', 'a');
const href = fc.constantFrom('https://www.gob.mx/sipinna', 'http://example.org/a_(b)?x=1&y=[2]', 'https://ohchr.org/es#x');

const styledRun = fc.record({ text: runText, bold: fc.boolean(), italic: fc.boolean() });
const rawRun = fc.oneof(
  { weight: 4, arbitrary: styledRun.map((run) => ({ ...run, kind: 'plain' as const })) },
  { weight: 1, arbitrary: fc.record({ text: lineText, bold: fc.boolean(), italic: fc.boolean(), href }).map((run) => ({ ...run, kind: 'link' as const })) },
  { weight: 1, arbitrary: footnoteId.map((id) => ({ kind: 'footnote' as const, id })) },
);

/** Canonical runs: optional flags absent when false, neighbouring plain runs of one style merged. */
function canonicalRuns(raw: fc.Arbitrary<typeof rawRun extends fc.Arbitrary<infer R> ? R[] : never>): fc.Arbitrary<Inline[]> {
  return raw.map((items) => {
    const runs: Inline[] = [];
    for (const item of items) {
      if (item.kind === 'footnote') {
        runs.push({ text: '', footnote: item.id });
        continue;
      }
      const style = { ...(item.bold ? { bold: true } : {}), ...(item.italic ? { italic: true } : {}) };
      const last = runs.at(-1);
      if (item.kind === 'plain' && last && last.href === undefined && last.footnote === undefined && last.bold === style.bold && last.italic === style.italic) {
        last.text += ` ${item.text}`;
      } else runs.push({ text: item.text, ...style, ...(item.kind === 'link' ? { href: item.href } : {}) });
    }
    return runs;
  });
}
const content = canonicalRuns(fc.array(rawRun, { minLength: 1, maxLength: 5 }));
const noteContent = canonicalRuns(fc.array(rawRun.filter((run) => run.kind !== 'footnote'), { minLength: 1, maxLength: 3 }));

const block: fc.Arbitrary<Block> = fc.oneof(
  content.map((runs) => ({ type: 'paragraph' as const, content: runs })),
  fc.record({ type: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(content, { minLength: 1, maxLength: 4 }) }),
  fc
    .record({
      caption: fc.option(lineText, { nil: undefined }),
      header: fc.array(cellText, { minLength: 1, maxLength: 4 }),
      rows: fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
    })
    // A row whose cells are all blank but one is fine; a one-cell blank row is too ("|  |").
    .map(({ caption, header, rows }) => ({ type: 'table' as const, ...(caption === undefined ? {} : { caption }), header, rows })),
);

const richText: fc.Arbitrary<RichText> = fc.array(block, { maxLength: 5 }).chain((blocks) => {
  const ids = [...new Set(JSON.stringify(blocks).match(/"footnote":"[^"]+"/g) ?? [])].map((match) => match.slice(12, -1));
  return fc.tuple(...ids.map(() => noteContent)).map((contents) => ({ blocks, footnotes: ids.map((id, index) => ({ id, content: contents[index]! })) }));
});

describe('richTextToMarkup', () => {
  it('writes what markupToRichText reads back identically', () => {
    fc.assert(
      fc.property(richText, (value) => {
        expect(read(richTextToMarkup(value))).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('writes markup that reads back to itself', () => {
    const text = '**La** *lista*:\n\n- uno[^1]\n- [dos](https://www.gob.mx/)\n\n| a | b |\n|  | c |\n\n[^1]: nota';
    expect(richTextToMarkup(read(text))).toBe(text);
  });
});
