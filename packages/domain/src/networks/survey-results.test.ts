import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountedResponse, countResponses, type CountRow, questionResults } from './survey-results.js';
import { likertOptions, type SurveyAnswerRow, SurveyDefinitionSchema } from './survey-definition.js';

const definition = SurveyDefinitionSchema.parse({
  sections: [
    {
      key: 's',
      title: 'Percepción',
      questions: [
        { key: 'valor', number: '1', text: 'El Pacto genera valor.', kind: 'rating', options: likertOptions() },
        {
          key: 'canales',
          number: '2',
          text: 'Medios',
          kind: 'multiple_choice',
          options: [
            { key: 'correo', label: 'Correo' },
            { key: 'whatsapp', label: 'WhatsApp' },
            { key: 'web', label: 'Página web' },
            { key: 'otro', label: 'Otro', other: true },
          ],
        },
        { key: 'sector', number: '3', text: 'Sector', kind: 'single_choice', options: [{ key: 'osc', label: 'OSC' }, { key: 'gob', label: 'Gobierno' }] },
        { key: 'reuniones', number: '4', text: 'Reuniones', kind: 'number' },
        { key: 'comentarios', number: '5', text: 'Comentarios', kind: 'open' },
      ],
    },
  ],
});

const choice = (questionKey: string, ...optionKeys: string[]): SurveyAnswerRow[] => optionKeys.map((optionKey) => ({ questionKey, optionKey, number: null, text: null }));
const num = (questionKey: string, number: number): SurveyAnswerRow => ({ questionKey, optionKey: null, number, text: null });
const open = (questionKey: string, text: string): SurveyAnswerRow => ({ questionKey, optionKey: null, number: null, text });

/** Five responses; two in Jalisco, one of them also in two commissions. */
const responses: CountedResponse[] = [
  { segments: [{ kind: 'state', segment: 'MX-JAL' }], rows: [...choice('valor', '5'), ...choice('canales', 'correo', 'whatsapp'), ...choice('sector', 'osc'), num('reuniones', 3)] },
  {
    segments: [{ kind: 'state', segment: 'MX-JAL' }, { kind: 'commission', segment: 'c1' }, { kind: 'commission', segment: 'c2' }, { kind: 'commission', segment: 'c1' }],
    rows: [...choice('valor', '4'), ...choice('canales', 'correo', 'whatsapp', 'web'), num('reuniones', 1), open('comentarios', 'Genera mucho valor')],
  },
  { rows: [...choice('valor', '2'), ...choice('canales', 'correo'), ...choice('sector', 'gob'), num('reuniones', 3)] },
  { rows: [...choice('valor', '4'), ...choice('sector', 'osc'), num('reuniones', 0), open('comentarios', 'No entiendo qué hace el Pacto')] },
  { rows: [] },
];

const allCounts = (rows: ReturnType<typeof countResponses>): CountRow[] =>
  rows.filter((r) => r.segmentKind === 'all').map(({ questionKey, optionKey, respondents, total }) => ({ questionKey, optionKey, respondents, total }));

describe('countResponses', () => {
  const counts = countResponses(responses);

  it('counts responses, respondents per question and per option, and number values', () => {
    const all = allCounts(counts);
    const get = (q: string, o: string) => all.find((r) => r.questionKey === q && r.optionKey === o);
    expect(get('', '')).toEqual({ questionKey: '', optionKey: '', respondents: 5, total: null });
    expect(get('canales', '')).toEqual({ questionKey: 'canales', optionKey: '', respondents: 3, total: null });
    expect(get('canales', 'correo')?.respondents).toBe(3);
    expect(get('canales', 'whatsapp')?.respondents).toBe(2);
    expect(get('canales', 'web')?.respondents).toBe(1);
    expect(get('canales', 'otro')).toBeUndefined();
    expect(get('reuniones', '')).toEqual({ questionKey: 'reuniones', optionKey: '', respondents: 4, total: 7 });
    expect(get('reuniones', '3')?.respondents).toBe(2);
    expect(get('reuniones', '0')?.respondents).toBe(1);
    expect(get('comentarios', '')?.respondents).toBe(2);
  });

  it('counts each response in its segments, once even when a segment is named twice', () => {
    const jal = counts.filter((r) => r.segmentKind === 'state' && r.segment === 'MX-JAL');
    expect(jal.find((r) => r.questionKey === '')?.respondents).toBe(2);
    expect(jal.find((r) => r.questionKey === 'canales' && r.optionKey === 'whatsapp')?.respondents).toBe(2);
    const c1 = counts.filter((r) => r.segmentKind === 'commission' && r.segment === 'c1');
    expect(c1.find((r) => r.questionKey === '')?.respondents).toBe(1);
    expect(counts.filter((r) => r.segmentKind === 'state' && r.segment !== 'MX-JAL')).toEqual([]);
  });

  it('is sorted by segment kind, segment, question and option', () => {
    const keys = counts.map((r) => [r.segmentKind, r.segment, r.questionKey, r.optionKey].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('questionResults', () => {
  const results = questionResults(definition, allCounts(countResponses(responses)));
  const byKey = Object.fromEntries(results.map((r) => [r.key, r]));

  it('counts multiple choice both as respondents and as mentions', () => {
    const canales = byKey.canales!;
    expect(canales.answers).toBe(3);
    expect(canales.mentions).toBe(6);
    expect(canales.options.map((o) => [o.key, o.respondents, o.mentions, o.shareOfRespondents, o.shareOfMentions])).toEqual([
      ['correo', 3, 3, 1, 0.5],
      ['whatsapp', 2, 2, 2 / 3, 2 / 6],
      ['web', 1, 1, 1 / 3, 1 / 6],
      ['otro', 0, 0, 0, 0],
    ]);
    const sum = (values: (number | null)[]) => values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
    expect(sum(canales.options.map((o) => o.shareOfMentions))).toBeCloseTo(1, 12);
    expect(sum(canales.options.map((o) => o.shareOfRespondents))).toBeCloseTo(2, 12);
  });

  it('gives single choice and rating the same share both ways, and a rating its mean', () => {
    const sector = byKey.sector!;
    expect(sector.answers).toBe(3);
    expect(sector.mentions).toBe(3);
    expect(sector.options.map((o) => [o.label, o.respondents, o.shareOfRespondents, o.shareOfMentions])).toEqual([
      ['OSC', 2, 2 / 3, 2 / 3],
      ['Gobierno', 1, 1 / 3, 1 / 3],
    ]);
    expect(sector.numberSummary).toBeNull();
    const valor = byKey.valor!;
    expect(valor.options.map((o) => o.respondents)).toEqual([0, 1, 0, 2, 1]);
    // 2, 4, 4, 5.
    expect(valor.numberSummary).toEqual({ count: 4, mean: 3.75, median: 4, min: 2, max: 5 });
  });

  it('summarises number questions, with the median of an even count', () => {
    // 3, 1, 3, 0 → sorted 0, 1, 3, 3.
    expect(byKey.reuniones).toMatchObject({ answers: 4, mentions: 4, options: [], numberSummary: { count: 4, mean: 1.75, median: 2, min: 0, max: 3 } });
  });

  it('reports open questions by answers only, and every question in the definition’s order', () => {
    expect(byKey.comentarios).toEqual({ key: 'comentarios', number: '5', text: 'Comentarios', kind: 'open', answers: 2, mentions: 2, options: [], numberSummary: null });
    expect(results.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('gives zeros and no shares when nobody answered', () => {
    const empty = questionResults(definition, []);
    expect(empty.find((r) => r.key === 'canales')?.options[0]).toEqual({ key: 'correo', label: 'Correo', respondents: 0, mentions: 0, shareOfRespondents: null, shareOfMentions: null });
    expect(empty.find((r) => r.key === 'valor')?.numberSummary).toBeNull();
  });

  it('agrees with a count made straight from the raw answers (property)', () => {
    const optionKeys = ['correo', 'whatsapp', 'web', 'otro'];
    fc.assert(
      fc.property(fc.array(fc.subarray(optionKeys), { maxLength: 40 }), fc.array(fc.integer({ min: -5, max: 20 }), { maxLength: 40 }), (choices, numbers) => {
        const raw: CountedResponse[] = choices.map((chosen, i) => ({
          rows: [...choice('canales', ...chosen), ...(numbers[i] === undefined ? [] : [num('reuniones', numbers[i])])],
        }));
        const [canales, reuniones] = ['canales', 'reuniones'].map((key) => questionResults(definition, allCounts(countResponses(raw))).find((r) => r.key === key)!);
        const answered = choices.filter((c) => c.length > 0);
        expect(canales!.answers).toBe(answered.length);
        expect(canales!.mentions).toBe(answered.reduce((sum, c) => sum + c.length, 0));
        for (const option of canales!.options) {
          const respondents = choices.filter((c) => c.includes(option.key)).length;
          expect(option.respondents).toBe(respondents);
          expect(option.shareOfRespondents).toBe(answered.length ? respondents / answered.length : null);
        }
        if (canales!.mentions > 0) expect(canales!.options.reduce((sum, o) => sum + (o.shareOfMentions ?? 0), 0)).toBeCloseTo(1, 10);
        const given = numbers.slice(0, choices.length).sort((a, b) => a - b);
        if (given.length === 0) expect(reuniones!.numberSummary).toBeNull();
        else {
          const middle = given.length / 2;
          const median = given.length % 2 ? given[Math.floor(middle)]! : (given[middle - 1]! + given[middle]!) / 2;
          expect(reuniones!.numberSummary).toEqual({
            count: given.length,
            mean: given.reduce((a, b) => a + b, 0) / given.length,
            median,
            min: given[0],
            max: given.at(-1),
          });
        }
      }),
    );
  });
});
