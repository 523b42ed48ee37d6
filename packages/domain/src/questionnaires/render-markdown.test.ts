import { describe, expect, it } from 'vitest';
import { emptyAnswer, type Answer, type ConsolidatedReply, type ReplyQuestion } from './model.js';
import { renderContributionsAnnexMarkdown, renderReplyJson, renderReplyMarkdown } from './render-markdown.js';
import { attributionOf, replyPlainText } from './reply-text.js';

const SNDIF = '11111111-1111-4111-8111-111111111111';
const SRE = '22222222-2222-4222-8222-222222222222';

const question = (overrides: Partial<Omit<ReplyQuestion, 'answer'>> & { answer?: Partial<Answer> }): ReplyQuestion => ({
  number: '1',
  text: 'Pregunta',
  kind: 'open',
  section: null,
  options: [],
  columns: [],
  contributors: [],
  ...overrides,
  answer: { ...emptyAnswer(), ...overrides.answer },
});

const REPLY: ConsolidatedReply = {
  title: 'Informe a la comunicación conjunta JAL MEX 4/2021',
  recipient: 'Oficina de la Alta Comisionada',
  reference: 'JAL MEX 4/2021',
  date: '2021-06-02',
  place: 'Ginebra',
  coverNote: { blocks: [{ type: 'paragraph', content: [{ text: 'La Misión Permanente saluda' }, { text: '', footnote: '1' }] }], footnotes: [{ id: '1', content: [{ text: 'Nota de la carta.' }] }] },
  organisations: [
    { id: SNDIF, name: 'Sistema Nacional DIF', acronym: 'SNDIF' },
    { id: SRE, name: 'Secretaría de Relaciones Exteriores', acronym: 'SRE' },
  ],
  bodyName: 'SIPINNA',
  questions: [
    question({
      number: '1',
      text: 'Proporcione información *adicional*',
      section: 'Preguntas',
      contributors: ['Sistema Nacional DIF'],
      answer: {
        text: {
          blocks: [
            { type: 'paragraph', content: [{ text: 'Se informa ' }, { text: 'que', bold: true }, { text: ' <b>no</b> [x](y) hubo', italic: true }, { text: '', footnote: '1' }, { text: '.' }], sources: [SNDIF] },
            { type: 'list', ordered: false, items: [[{ text: '- guion' }], [{ text: 'enlace', href: 'https://www.gob.mx/a_(b)' }]], sources: [] },
            { type: 'table', header: ['Año', 'Casos'], rows: [['2020', ''], ['2021', '3|4']], sources: [SNDIF, SRE] },
          ],
          footnotes: [{ id: '1', content: [{ text: 'Fuente: SNDIF.' }] }],
        },
      },
    }),
    question({
      number: '2',
      text: '¿Existe un protocolo?',
      kind: 'yes_no',
      section: 'Preguntas',
      options: [
        { label: 'Sí', marked: true },
        { label: 'No', marked: false },
      ],
      answer: { selected: ['yes'], text: { blocks: [{ type: 'paragraph', content: [{ text: '1. Es el de 2019' }, { text: '', footnote: '1' }], sources: [SRE] }], footnotes: [{ id: '1', content: [{ text: 'DOF.' }] }] } },
    }),
  ],
};

describe('renderReplyMarkdown', () => {
  it('writes the heading, the cover note, each question with its answer and footnotes numbered across the reply, then the annex', () => {
    expect(renderReplyMarkdown(REPLY)).toBe(
      [
        '# Informe a la comunicación conjunta JAL MEX 4/2021',
        '**Para:** Oficina de la Alta Comisionada · **Referencia:** JAL MEX 4/2021 · Ginebra, 2 de junio de 2021',
        'La Misión Permanente saluda[^1]',
        '[^1]: Nota de la carta.',
        '## Preguntas',
        '**1. Proporcione información \\*adicional\\***',
        'Se informa **que** *\\<b\\>no\\</b\\> \\[x\\]\\(y) hubo*[^2].',
        '- \\- guion\n- [enlace](https://www.gob.mx/a_%28b%29)',
        '| Año | Casos |\n| --- | --- |\n| 2020 |  |\n| 2021 | 3\\|4 |',
        '[^2]: Fuente: SNDIF.',
        '**2. ¿Existe un protocolo?**',
        '- ☒ Sí\n- ☐ No',
        '1\\. Es el de 2019[^3]',
        '[^3]: DOF.',
        '## Aportaciones',
        '**1. Proporcione información \\*adicional\\***',
        '1. «Se informa que \\<b\\>no\\</b\\> \\[x\\]\\(y) hubo.» — Sistema Nacional DIF\n2. «- - guion - enlace» — Coordinación\n3. «Año Casos 2020 2021 3\\|4» — Sistema Nacional DIF, Secretaría de Relaciones Exteriores',
        '**2. ¿Existe un protocolo?**',
        '1. «1. Es el de 2019» — Secretaría de Relaciones Exteriores',
      ].join('\n\n') + '\n',
    );
  });

  it('says so when no answer has text', () => {
    expect(renderContributionsAnnexMarkdown({ ...REPLY, questions: [question({})] })).toBe('## Aportaciones\n\nNinguna respuesta tiene texto.');
  });
});

describe('attributionOf', () => {
  it('names the organisations of each block, and the coordination when a block has no source', () => {
    expect(attributionOf(REPLY).map((q) => q.blocks.map((block) => block.contributors))).toEqual([
      [['Sistema Nacional DIF'], ['Coordinación'], ['Sistema Nacional DIF', 'Secretaría de Relaciones Exteriores']],
      [['Secretaría de Relaciones Exteriores']],
    ]);
  });

  it('cuts a long block to about 120 characters at a word', () => {
    const long = 'palabra '.repeat(40);
    const [attribution] = attributionOf({ ...REPLY, questions: [question({ answer: { text: { blocks: [{ type: 'paragraph', content: [{ text: long }] }], footnotes: [] } } })] });
    expect(attribution!.blocks[0]!.excerpt).toBe(`${'palabra '.repeat(15).trim()}…`);
  });
});

describe('renderReplyJson and replyPlainText', () => {
  it('gives each question its plain answer, its marked options and its contributors', () => {
    const json = JSON.parse(renderReplyJson(REPLY));
    expect(json).toMatchObject({ title: REPLY.title, reference: 'JAL MEX 4/2021', date: '2021-06-02', recipient: 'Oficina de la Alta Comisionada' });
    expect(json.questions).toEqual([
      {
        number: '1',
        text: 'Proporcione información *adicional*',
        section: 'Preguntas',
        kind: 'open',
        answer: 'Se informa que <b>no</b> [x](y) hubo[1].\n\n- - guion\n- enlace\n\nAño\tCasos\n2020\t\n2021\t3|4\n\n[1] Fuente: SNDIF.',
        marked: [],
        contributors: ['Sistema Nacional DIF'],
      },
      { number: '2', text: '¿Existe un protocolo?', section: 'Preguntas', kind: 'yes_no', answer: '1. Es el de 2019[1]\n\n[1] DOF.', marked: ['Sí'], contributors: [] },
    ]);
  });

  it('writes the other fields of an answer: other text, number, date and rows under their columns', () => {
    expect(replyPlainText({ ...emptyAnswer(), otherText: 'Otra cosa', number: 12.5, date: '2024-03-01', rows: [['a', ''], ['', 'b']] }, ['X', 'Y'])).toBe(
      'Otra cosa\n\n12.5\n\n1 de marzo de 2024\n\nX\tY\na\t\n\tb',
    );
  });
});
