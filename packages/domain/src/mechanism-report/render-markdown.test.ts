import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectStates } from '../geo/detect-states.js';
import { buildReportDocument } from './document.js';
import { formatSessionTitle } from './messages.js';
import type { EvidenceRef, MechanismBlock, MechanismReport, SessionRef } from './model.js';
import { parseMechanismReport } from './parse.js';
import { renderMechanismReportMarkdown } from './render-markdown.js';

const SEED = readFileSync(new URL('../../../../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url), 'utf8');

/** Parses text that must import without errors or warnings. */
function parseCleanly(text: string): MechanismReport {
  const result = parseMechanismReport(text);
  expect(result.diagnostics).toEqual([]);
  if (!result.report) throw new Error('report refused');
  return result.report;
}

// Generated reports are canonical: what the parser itself could have produced (minutes titled
// "Acta …" carry the minutes address, follow-up states are the ones named in the text, …).
const WORDS = [
  'niñez', 'protección', 'integral', 'Comisión', 'programa', 'adolescentes', 'acción', 'seguimiento',
  'estrategia', 'Guía', 'técnica', 'municipal', 'política', 'pública', 'diálogo', 'presentación',
  'estudio', 'foro', 'región', 'red', 'infancia', 'con', 'para', 'y', 'en', '"Mapeo"', 'tod@s',
  'Jalisco', 'Estado de México', 'Baja California Sur', 'CDMX', 'Querétaro', 'México', 'Mérida, Yucatán',
];
const sentenceArb = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 })
  .chain((words) => fc.constantFrom('', '.', ':').map((end) => words.join(' ') + end))
  .map((text) => text.charAt(0).toUpperCase() + text.slice(1));
const isoDateArb = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const sessionArb: fc.Arbitrary<SessionRef> = fc.record({
  kind: fc.constantFrom('ordinary', 'extraordinary', 'permanent', 'installation', 'assembly'),
  number: fc.option(fc.integer({ min: 1, max: 99 })),
  date: isoDateArb,
}).map((session) =>
  session.kind === 'ordinary' || session.kind === 'extraordinary' ? { ...session, number: session.number ?? 1 } : session,
);
const codeArb = fc
  .tuple(fc.constantFrom('COMSE', 'SIPINNA', 'CITI'), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2015, max: 2030 }))
  .map(([body, session, order, year]) => `${body}/SO${session}/${String(order).padStart(2, '0')}/${year}`);
const agreementArb = fc
  .tuple(fc.option(codeArb), sentenceArb, fc.boolean())
  .map(([code, text, isCodeQuoted]) => ({ code, text: code && isCodeQuoted ? `${text} (${code})` : text }));
const minutesUrlArb = fc.option(fc.constantFrom('https://www.gob.mx/sipinna/actas', 'https://example.org/actas?id=7'));

function evidenceArb(minutesUrl: string | null): fc.Arbitrary<EvidenceRef> {
  const minutes = sessionArb.map((session) => ({ title: `Acta de la ${formatSessionTitle(session)}`, url: minutesUrl }));
  const other = fc.record({
    title: sentenceArb.map((text) => `Informe ${text}`),
    url: fc.constantFrom(null, minutesUrl, 'https://example.org/informe.pdf'),
  });
  return fc.oneof(minutes, other);
}

function blockArb(minutesUrl: string | null): fc.Arbitrary<MechanismBlock> {
  return fc.record({
    participants: fc.array(fc.constantFrom('Save the Children', 'Red por los Derechos de la Infancia en México, A.C. (REDIM)', 'UNICEF México', 'Mexicanos Primero, A.C.'), { minLength: 1, maxLength: 3 }),
    session: sessionArb,
    description: sentenceArb,
    agreements: fc.array(agreementArb, { maxLength: 2 }),
    followUp: fc.option(sentenceArb.map((text) => ({ text, states: detectStates(text) }))),
    evidence: fc.array(evidenceArb(minutesUrl), { maxLength: 2 }),
  });
}

const reportArb: fc.Arbitrary<MechanismReport> = minutesUrlArb.chain((minutesUrl) =>
  fc.record({
    bodyName: fc.constantFrom(
      'Comisión de Secretarías Ejecutivas de Protección Integral de los Sistemas Nacional y de las Entidades Federativas',
      'Sistema Nacional de Protección Integral de Niñas, Niños y Adolescentes',
      'Comisión para Poner Fin a toda Forma de Violencia',
    ),
    approvingAgreement: fc.option(
      fc.record({
        code: fc.option(codeArb),
        text: fc.tuple(fc.constantFrom('Aprobación del ', 'Aprobación de la '), sentenceArb).map(([prefix, text]) => prefix + text),
        session: sessionArb,
      }),
    ),
    period: fc.option(fc.tuple(isoDateArb, isoDateArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }))),
    preamble: fc.constant([]),
    minutesUrl: fc.constant(minutesUrl),
    minutesNote: fc.constant(null),
    blocks: fc.array(blockArb(minutesUrl), { minLength: 1, maxLength: 5 }),
  }),
);

describe('renderMechanismReportMarkdown', () => {
  const seedReport = parseCleanly(SEED);
  const markdown = renderMechanismReportMarkdown(seedReport);

  it('writes the seed structure with its own preamble and footnote, word for word', () => {
    const seedParagraphs = SEED.split('\n').filter((line) => line.trim() !== '');
    const legalBasis = seedParagraphs.find((line) => line.startsWith('De conformidad con'));
    const periodSentence = seedParagraphs.find((line) => line.startsWith('A partir de esa fecha'));
    const footnote = seedParagraphs.find((line) => line.startsWith('¹ Actas'))?.slice(2);
    expect(legalBasis).toContain('(Comisión de Secretarías Ejecutivas) aprobó mediante el acuerdo COMSE/SO16/02/2021');
    expect(markdown).toContain(
      '# Informe del Mecanismo de participación de sociedad civil, academia y sector privado de la Comisión de Secretarías Ejecutivas',
    );
    expect(markdown).toContain(`\n\n${legalBasis}\n\n${periodSentence}\n\n## Participación 1\n`);
    expect(markdown).toContain('- **Número, tipo de sesión y fecha:** Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022');
    expect(markdown).toContain('- **Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado:** N/A');
    expect(markdown).not.toContain('acuerdo/ o');
    expect(markdown).toContain('- **Medios de verificación:** Acta de la Sesión Permanente [^1]');
    expect(markdown).toContain('- **Participante:** Red por los Derechos de la Infancia en México, A.C. (REDIM)\n');
    expect(footnote).toContain('en la página web del SIPINNA en Gob. Mx: <https://');
    expect(markdown.endsWith(`\n\n[^1]: ${footnote}\n`)).toBe(true);
    expect(markdown.match(/^## Participación \d+$/gm)).toHaveLength(13);
  });

  it('writes the approval and period sentences from the data when the report has no preamble of its own', () => {
    const text = renderMechanismReportMarkdown({ ...seedReport, preamble: [], minutesNote: null });
    expect(text).toContain('aprobó mediante el acuerdo COMSE/SO16/02/2021, en el marco de la Décima Sexta Sesión Ordinaria realizada el 9 de junio de 2021, el Mecanismo de participación');
    expect(text).toContain('durante el periodo del 1 de noviembre de 2022 al 31 de octubre de 2023:');
    expect(text).toMatch(/\n\[\^1\]: Actas de las sesiones de la Comisión .*\. Disponibles en: <https:\/\/www\.gob\.mx\/sipinna\/.*>\n$/);
  });

  it('round-trips the seed report', () => {
    const result = parseMechanismReport(markdown);
    expect(result.warnings).toEqual([]);
    expect(result.report).toEqual(seedReport);
  });

  it('round-trips generated reports: the same records, and the written sentences kept as the preamble', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const text = renderMechanismReportMarkdown(report);
        const result = parseMechanismReport(text);
        expect(result.diagnostics).toEqual([]);
        expect(result.report).toEqual(asWritten(report));
        expect(renderMechanismReportMarkdown(result.report!)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('writes "del" for bodies named with a masculine noun and no preamble sentence without agreement', () => {
    const report: MechanismReport = { ...seedReport, bodyName: 'Sistema Nacional de Protección Integral', approvingAgreement: null, period: null, preamble: [] };
    const text = renderMechanismReportMarkdown(report);
    expect(text).toContain('sector privado del Sistema Nacional de Protección Integral');
    expect(text).not.toContain('aprobó');
    expect(text).toContain('A continuación se presenta el reporte:');
  });

  it('escapes markup in the text and writes no link to an address that is not http(s)', () => {
    const hostile: MechanismReport = {
      ...seedReport,
      minutesUrl: 'javascript:alert(1)',
      blocks: [
        {
          participants: ['Red <script>alert(1)</script>'],
          session: { kind: 'permanent', number: null, date: '2023-06-13' },
          description: 'Presentación <img src=x onerror=alert(1)> y [aquí](javascript:alert(2))',
          agreements: [],
          followUp: { text: 'Ver \\<b>negritas\\</b> y <javascript:alert(3)>', states: [] },
          evidence: [
            { title: 'Acta de la Sesión Permanente', url: 'javascript:alert(1)' },
            { title: 'Informe', url: 'data:text/html;base64,PHNjcmlwdD4=' },
          ],
        },
      ],
    };
    const text = renderMechanismReportMarkdown(hostile);
    expect(unescapedMarkup(text)).toEqual([]);
    expect(text).not.toMatch(/\]\(javascript:/);
    expect(text).not.toMatch(/(?<!\\)<(?:javascript|data):/);
    expect(text).not.toContain('[^1]');
    expect(text).toContain('- **Medios de verificación:** Acta de la Sesión Permanente; Informe');
  });

  it('round-trips text with markup, backslashes and link syntax', () => {
    const markupWords = ['<img src=x onerror=alert(1)>', '<b>', '</b>', 'a<b', '\\', '\\<', '\\\\>', '[x](javascript:alert(1))', '](', ']\\(', '<https://example.org>'];
    const markupSentenceArb = fc
      .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...markupWords)), { minLength: 1, maxLength: 14 })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(reportArb, markupSentenceArb, markupSentenceArb, (report, description, title) => {
        const block = { ...report.blocks[0]!, description: `Texto ${description}`, evidence: [{ title: `Informe ${title}`, url: null }] };
        const withMarkup = { ...report, blocks: [block, ...report.blocks.slice(1)] };
        const text = renderMechanismReportMarkdown(withMarkup);
        expect(unescapedMarkup(text)).toEqual([]);
        expect(parseMechanismReport(text).report).toEqual(asWritten(withMarkup));
      }),
      { numRuns: 300 },
    );
  });
});

/** A report without wording of its own, as its Markdown export reads back: the sentences written for it become its preamble and note. */
function asWritten(report: MechanismReport): MechanismReport {
  const document = buildReportDocument(report);
  return { ...report, preamble: document.preamble, minutesNote: document.minutesNote?.text ?? null };
}

/** Every "<" a CommonMark reader would take as the start of HTML or of a link: not escaped, and not one of our http(s) autolinks. */
function unescapedMarkup(markdown: string): string[] {
  const withoutOwnLinks = markdown.replace(/<https?:\/\/[^\s<>"'`\\]+>/g, '');
  return [...withoutOwnLinks.matchAll(/(?<!\\)(?:\\\\)*<.{0,20}/g)].map((match) => match[0]);
}
