/**
 * Other commissions' reports written in the seed's format: the seed (000) with one artefact each,
 * then all of them together, must import to the same blocks, sessions and states.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MechanismReport } from './model.js';
import { parseMechanismReport } from './parse.js';

const SEED = readFileSync(new URL('../../../../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url), 'utf8');
const NBSP = '\u00A0';

type Variant = (text: string) => string;

const replaceOnce = (from: string, to: string): Variant => (text) => {
  if (!text.includes(from)) throw new Error(`variant does not apply: ${from}`);
  return text.replace(from, to);
};
const replaceEvery = (from: string | RegExp, to: string): Variant => (text) => {
  const pattern = typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from;
  if (!pattern.test(text)) throw new Error(`variant does not apply: ${from}`);
  return text.replace(pattern, to);
};

interface Case {
  name: string;
  variant: Variant;
  /** What differs from the seed's reading. */
  expect?: (report: MechanismReport) => void;
  /** Warning codes the variant adds to the seed's (which has none). */
  warnings?: string[];
}

// Each artefact found in other commissions' reports, applied alone to the seed.
// Each artefact found in other commissions' reports, applied alone to the seed. The order lets
// "all at once" apply them in sequence (each leaves the text the next one looks for).
const CASES: Case[] = [
  { name: 'agreement label before a tab without its colon', variant: replaceOnce('Acuerdo adoptado:\t', 'Acuerdo(s) adoptado(s)\t') },
  { name: '"[1]" footnote mark on a label', variant: replaceOnce('Participante:', 'Participante[1]:') },
  { name: '"*" footnote mark on a label', variant: replaceEvery('Participante:', 'Participante*:') },
  {
    name: 'a label worded close to the canonical one',
    variant: replaceOnce('Número, tipo de sesión y fecha:\tSesión Permanente, 24 de mayo', 'Número, tipo de la sesión y fecha:\tSesión Permanente, 24 de mayo'),
    warnings: ['label.approximate'],
  },
  {
    name: '"Sesión de Instalación"',
    variant: replaceOnce('Sesión Permanente, 31 de octubre de 2023', 'Sesión de Instalación, 31 de octubre de 2023'),
    expect: (report) => expect(report.blocks[12]?.session).toEqual({ kind: 'installation', number: null, date: '2023-10-31' }),
  },
  {
    name: 'session value split across a page break',
    variant: replaceOnce('Vigésima Segunda Sesión Ordinaria, 11 de abril de 2023', 'Vigésima Segunda Sesión Ordinaria, 11 de\n\n\n\nabril de 2023'),
    warnings: ['line.continuation'],
  },
  { name: 'description label without "/es"', variant: replaceEvery('participación fue/es relevante', 'participación fue relevante') },
  { name: 'agreement label "Acuerdo(s) adoptado(s)"', variant: replaceEvery('Acuerdo adoptado:', 'Acuerdo(s) adoptado(s):') },
  { name: 'superscript footnote mark on a label', variant: replaceEvery('Medios de verificación:', 'Medios de verificación²:') },
  { name: 'period with "1°"', variant: replaceOnce('del 1 noviembre de 2022', 'del 1° de noviembre de 2022') },
  {
    name: 'period without the first year',
    variant: replaceOnce(' de 2022 al 31 de octubre de 2023', ' al 31 de octubre de 2023'),
  },
  { name: 'period with "1o."', variant: replaceOnce('del 1 noviembre de 2022', 'del 1o. de noviembre de 2022') },
  { name: 'period with "primero" and "del 2023"', variant: replaceOnce('del 1 noviembre de 2022 al 31 de octubre de 2023', 'del primero de noviembre del 2022 al 31 de octubre del 2023') },
  { name: 'period in dd/mm/yyyy', variant: replaceOnce('del 1 noviembre de 2022 al 31 de octubre de 2023', 'del 01/11/2022 al 31/10/2023') },
  { name: 'session date "del 2023"', variant: replaceOnce('5 de septiembre de 2023', '5 de septiembre del 2023') },
  { name: 'session date in dd/mm/yyyy', variant: replaceEvery('4 de julio de 2023', '04/07/2023') },
  { name: 'approval date "del 2021"', variant: replaceOnce('9 de junio de 2021', '9 de junio del 2021') },
  { name: 'non-breaking spaces in labels and values', variant: (text) => text.replace(/Medios de verificación/g, `Medios${NBSP}de verificación`).replace(/Sesión Permanente/g, `Sesión${NBSP}Permanente`) },
  { name: 'repeated spaces', variant: replaceEvery('Número, tipo de sesión y fecha:', 'Número,  tipo de   sesión y fecha:') },
  { name: 'CRLF line endings', variant: (text) => text.replace(/\n/g, '\r\n') },
];

const seedResult = parseMechanismReport(SEED);
const seedReport = seedResult.report!;

/** What must not change whatever the artefacts: blocks, sessions, participants, agreements, follow-ups and their states. */
function summarize(report: MechanismReport) {
  return {
    bodyName: report.bodyName,
    period: report.period,
    approvingAgreement: report.approvingAgreement,
    blocks: report.blocks.length,
    sessions: new Set(report.blocks.map((block) => JSON.stringify(block.session))).size,
    participants: report.blocks.map((block) => block.participants),
    agreements: report.blocks.flatMap((block) => block.agreements.map((agreement) => agreement.text)),
    followUps: report.blocks.filter((block) => block.followUp).length,
    states: report.blocks.map((block) => block.followUp?.states ?? []),
    sessionList: report.blocks.map((block) => block.session),
  };
}

describe('parseMechanismReport on variants of the seed', () => {
  it('reads the seed itself as 13 blocks, 8 sessions, 1 agreement and 11 follow-ups', () => {
    expect(seedResult.diagnostics).toEqual([]);
    const summary = summarize(seedReport);
    expect(summary).toMatchObject({ blocks: 13, sessions: 8, followUps: 11 });
    expect(summary.agreements).toHaveLength(1);
    expect(summary.period).toEqual({ from: '2022-11-01', to: '2023-10-31' });
    expect(summary.states[5]).toEqual(['MX-SIN', 'MX-CMX', 'MX-QUE', 'MX-JAL', 'MX-CAM', 'MX-PUE', 'MX-GUA', 'MX-DUR']);
  });

  it.each(CASES)('reads the seed with $name', ({ variant, expect: expectDifference, warnings = [] }) => {
    const result = parseMechanismReport(variant(SEED));
    expect(result.diagnostics).toEqual([]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(warnings);
    const report = result.report!;
    if (expectDifference) {
      expectDifference(report);
      expect(summarize(report).blocks).toBe(13);
      expect(summarize(report).sessions).toBe(8);
    } else {
      expect(summarize(report)).toEqual(summarize(seedReport));
    }
  });

  it('reads the seed with every artefact at once', () => {
    // The period variants are alternatives: all at once takes the first two (1°, then no first year).
    const alternatives = new Set(['period with "1o."', 'period with "primero" and "del 2023"', 'period in dd/mm/yyyy']);
    const text = CASES.filter(({ name }) => !alternatives.has(name)).reduce((current, { variant }) => variant(current), SEED);
    const result = parseMechanismReport(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.warnings.map((warning) => warning.code).sort()).toEqual(['label.approximate', 'line.continuation']);
    const summary = summarize(result.report!);
    const expected = summarize(seedReport);
    expect(summary).toEqual({
      ...expected,
      sessionList: expected.sessionList.map((session, index) => (index === 12 ? { kind: 'installation', number: null, date: '2023-10-31' } : session)),
    });
  });

  it('names the label it took for a close one', () => {
    const text = replaceOnce('Medios de verificación:\tActa de la Vigésima Segunda', 'Medio de la verificación:\tActa de la Vigésima Segunda')(SEED);
    const result = parseMechanismReport(text);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'label.approximate', message: expect.stringContaining('"Medio de la verificación" no es exacta; se tomó como «Medios de verificación»') }),
    ]);
  });

  it('refuses a label that looks like none, at its line, rather than gluing it onto the previous value', () => {
    const text = replaceOnce('Acuerdo adoptado:\tN/A\nActividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado:\tSe ofreció', 'Acuerdo adoptado:\tN/A\nComentarios de la Secretaría\tNinguno\nActividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado:\tSe ofreció')(SEED);
    const result = parseMechanismReport(text);
    expect(result.report).toBeNull();
    const line = text.split('\n').indexOf('Comentarios de la Secretaría\tNinguno') + 1;
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'label.unknown', line })]);
  });

  it.each([
    ['del 1 de noviembre de 2022 al 31 de octubre', 'periodo del 1 de noviembre de 2022 al 31 de octubre:'],
    ['del 31 de noviembre de 2022 al 31 de octubre de 2023', 'periodo del 31 de noviembre de 2022 al 31 de octubre de 2023:'],
    ['del año 2022-2023', 'periodo del año 2022-2023:'],
  ])('refuses a period it cannot read (%s) at its line instead of dropping it', (_, sentence) => {
    const text = SEED.replace('periodo del 1 noviembre de 2022 al 31 de octubre de 2023:', sentence);
    const result = parseMechanismReport(text);
    expect(result.report).toBeNull();
    const line = text.split('\n').findIndex((entry) => entry.includes(sentence)) + 1;
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'period.unreadable', line })]);
  });

  it('keeps the preamble and the minutes note as written', () => {
    expect(seedReport.preamble).toHaveLength(2);
    expect(seedReport.preamble[0]).toMatch(/^De conformidad con el Artículo Trigésimo Cuarto .* \(Comisión de Secretarías Ejecutivas\) aprobó mediante el acuerdo COMSE\/SO16\/02\/2021, /);
    expect(seedReport.preamble[1]).toMatch(/^A partir de esa fecha, .*del 1 noviembre de 2022 al 31 de octubre de 2023:$/);
    expect(seedReport.minutesNote).toBe(
      'Actas de las sesiones de la Comisión de Secretarías Ejecutivas de Protección Integral de los Sistemas Nacional y de las Entidades Federativas. Disponibles en la página web del SIPINNA en Gob. Mx:',
    );
  });
});

describe('parseMechanismReport is stable under whitespace and line endings (property)', () => {
  // Lines end in LF, CRLF or CR; each may carry trailing spaces or tabs, have its spaces doubled or
  // made non-breaking; blank lines may be doubled. Indentation (which continues a value) is kept.
  const lineArb = fc.record({
    trailing: fc.constantFrom('', ' ', '  ', '\t', ` ${NBSP}`),
    spaces: fc.constantFrom('keep', 'double', 'nbsp'),
    extraBlank: fc.boolean(),
  });

  it('gives the same report', () => {
    const lines = SEED.split('\n');
    fc.assert(
      fc.property(fc.constantFrom('\n', '\r\n', '\r'), fc.array(lineArb, { minLength: lines.length, maxLength: lines.length }), (ending, changes) => {
        const text = lines
          .map((line, index) => {
            const change = changes[index]!;
            const indentation = /^\s*/.exec(line)?.[0] ?? '';
            let rest = line.slice(indentation.length);
            if (change.spaces === 'double') rest = rest.replace(/ /g, '  ');
            if (change.spaces === 'nbsp') rest = rest.replace(/ /g, NBSP);
            const blank = line.trim() === '' && change.extraBlank ? ending : '';
            return `${indentation}${rest}${rest === '' ? '' : change.trailing}${ending}${blank}`;
          })
          .join('');
        const result = parseMechanismReport(text);
        expect(result.diagnostics).toEqual([]);
        expect(result.report).toEqual(seedReport);
      }),
      { numRuns: 60 },
    );
  });
});
