import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrganizationName } from '../organizations/normalize.js';
import type { MechanismReportParseResult } from './parse.js';
import { parseMechanismReport } from './parse.js';

const SEED = readFileSync(new URL('../../../../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url), 'utf8');
const MINUTES_URL =
  'https://www.gob.mx/sipinna/es/documentos/comision-secretarias-ejecutivas-de-proteccion-integral-de-los-sistemas-nacional-y-de-las-entidades-federativas';

const FOLLOW_UP_LABEL = 'Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado';

interface BlockText {
  participant?: string;
  session?: string;
  description?: string;
  agreement?: string;
  followUp?: string;
  evidence?: string;
}

const DEFAULT_BLOCK: Required<BlockText> = {
  participant: 'Save the Children',
  session: 'Sesión Permanente, 13 de junio de 2023',
  description: 'Presentación del Atlas de Riesgo de Trabajo Infantil',
  agreement: 'N/A',
  followUp: 'Se presentó en Sinaloa y Durango.',
  evidence: 'Acta de la Sesión Permanente ¹',
};

/** A small report in the seed's layout; `undefined` fields are written, `null` ones left out. */
function buildDocument(blocks: { [K in keyof BlockText]?: string | null }[], extraLines: string[] = []): string {
  const labels: [keyof BlockText, string][] = [
    ['participant', 'Participante'],
    ['session', 'Número, tipo de sesión y fecha'],
    ['description', 'Acciones en las que la participación fue/es relevante'],
    ['agreement', 'Acuerdo adoptado'],
    ['followUp', FOLLOW_UP_LABEL],
    ['evidence', 'Medios de verificación'],
  ];
  const body = blocks.map((block) =>
    labels
      .filter(([key]) => block[key] !== null)
      .map(([key, label]) => `${label}:\t${block[key] ?? DEFAULT_BLOCK[key]}`)
      .join('\n'),
  );
  return [
    'Informe del Mecanismo de participación de sociedad civil, academia y sector privado de la Comisión de Prueba',
    '',
    'La Comisión de Prueba aprobó mediante el acuerdo CP/SO1/01/2022, en el marco de la Primera Sesión Ordinaria realizada el 3 de marzo de 2022, el Mecanismo de participación.',
    '',
    'Reporte del periodo del 1 de noviembre de 2022 al 31 de octubre de 2023:',
    '',
    ...body.flatMap((block) => [block, '']),
    `¹ Actas de las sesiones. Disponibles en: <${MINUTES_URL}>`,
    ...extraLines,
  ].join('\n');
}

function expectRefused(result: MechanismReportParseResult, code: string): void {
  expect(result.report).toBeNull();
  expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain(code);
}

describe('parseMechanismReport on seed 000', () => {
  const result = parseMechanismReport(SEED);
  const report = result.report;
  if (!report) throw new Error(`seed refused: ${JSON.stringify(result.diagnostics)}`);
  const blockAt = (participant: string, description: string) =>
    report.blocks.find((block) => block.participants.includes(participant) && block.description.includes(description));

  it('imports cleanly: 13 blocks, no errors, no warnings', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(report.blocks).toHaveLength(13);
    expect(result.blockLines).toEqual([13, 26, 33, 46, 53, 60, 73, 80, 89, 96, 103, 114, 121]);
  });

  it('reads the preamble: body, approving agreement, period, minutes', () => {
    expect(report.bodyName).toBe(
      'Comisión de Secretarías Ejecutivas de Protección Integral de los Sistemas Nacional y de las Entidades Federativas',
    );
    expect(report.approvingAgreement).toEqual({
      code: 'COMSE/SO16/02/2021',
      text: `Aprobación del Mecanismo de participación de sociedad civil, academia y sector privado de la ${report.bodyName}`,
      session: { kind: 'ordinary', number: 16, date: '2021-06-09' },
    });
    expect(report.period).toEqual({ from: '2022-11-01', to: '2023-10-31' });
    expect(report.minutesUrl).toBe(MINUTES_URL);
  });

  it('finds 8 distinct sessions', () => {
    const sessions = new Set(report.blocks.map((block) => `${block.session.kind}:${block.session.number}:${block.session.date}`));
    expect([...sessions]).toEqual([
      'ordinary:21:2022-12-12',
      'ordinary:22:2023-04-11',
      'permanent:null:2023-05-24',
      'permanent:null:2023-06-13',
      'permanent:null:2023-07-04',
      'permanent:null:2023-09-05',
      'permanent:null:2023-10-17',
      'permanent:null:2023-10-31',
    ]);
  });

  it('finds 13 distinct organisations (REDIM written two ways counts once)', () => {
    const participants = report.blocks.flatMap((block) => block.participants);
    expect(participants).toHaveLength(16);
    expect(report.blocks[0]?.participants).toEqual([
      'Tejiendo Redes de Infancia para América Latina y el Caribe',
      'Pacto por la Primera Infancia',
      'Mexicanos Primero, A.C.',
      'Coordinación General del Seminario de Investigación en Juventud de la Universidad Nacional Autónoma de México',
    ]);
    expect(new Set(participants.map((name) => parseOrganizationName(name).key)).size).toBe(13);
  });

  it('keeps the whole Save the Children agreement across the page break', () => {
    const agreements = report.blocks.flatMap((block) => block.agreements);
    expect(agreements).toHaveLength(1);
    expect(blockAt('Save the Children', 'Atlas')?.agreements[0]?.code).toBeNull();
    const text = agreements[0]?.text ?? '';
    expect(text).toMatch(/^Las y los integrantes de la Comisión toman conocimiento/);
    expect(text).toContain('Adolescentes en Edad Permitida (CITI), a fin de contribuir');
    expect(text).toMatch(/kruiz@segob\.gob\.mx$/);
  });

  it('reads 11 follow-ups (two blocks have N/A), including the label split by a page break', () => {
    expect(report.blocks.filter((block) => block.followUp !== null)).toHaveLength(11);
    expect(report.blocks[0]?.followUp).toBeNull();
    expect(blockAt('Universidad Autónoma de Querétaro', 'ciudadanía')?.followUp).toEqual({
      text: 'Se invitó a sumarse al proyecto basado en la construcción de ciudadanía desde la paz de la niñez y la adolescencia, que derivará en la presentación de hallazgos y la vinculación con otras dependencias que forman parte del Sistema de Protección.',
      states: [],
    });
  });

  it('detects the states named in the follow-ups', () => {
    expect(blockAt('World Vision México', 'TurismoXlaNiñez')?.followUp?.states).toEqual([
      'MX-BCN', 'MX-BCS', 'MX-CAM', 'MX-CHP', 'MX-COL', 'MX-MEX', 'MX-GRO',
      'MX-JAL', 'MX-NAY', 'MX-OAX', 'MX-PUE', 'MX-QUE', 'MX-ROO', 'MX-TLA',
    ]);
    expect(blockAt('Save the Children', 'Atlas')?.followUp?.states).toEqual([
      'MX-SIN', 'MX-CMX', 'MX-QUE', 'MX-JAL', 'MX-CAM', 'MX-PUE', 'MX-GUA', 'MX-DUR',
    ]);
    expect(blockAt('World Vision México', 'Guía técnica')?.followUp?.states).toEqual([
      'MX-DUR', 'MX-TAM', 'MX-NAY', 'MX-CAM', 'MX-TLA',
    ]);
    expect(blockAt('Universidad Autónoma de Yucatán', 'Yucatán')?.followUp?.states).toEqual(['MX-YUC']);
  });

  it('links every "Acta" to the minutes footnote and drops the marker from the title', () => {
    expect(report.blocks[0]?.evidence).toEqual([{ title: 'Acta de la Vigésima Primera Sesión Ordinaria', url: MINUTES_URL }]);
    expect(report.blocks.flatMap((block) => block.evidence).every((evidence) => evidence.url === MINUTES_URL)).toBe(true);
  });

  it('gives the same report with CRLF, a BOM and doubled blank lines', () => {
    const variant = `\uFEFF${SEED.replace(/\n/g, '\r\n\r\n')}`;
    const again = parseMechanismReport(variant);
    expect(again.diagnostics).toEqual([]);
    expect(again.report).toEqual(report);
  });

  it('gives the same report with decomposed accents (NFD)', () => {
    expect(parseMechanismReport(SEED.normalize('NFD')).report).toEqual(report);
  });
});

describe('parseMechanismReport on variants', () => {
  it.each([
    ['Décimo Primera Sesión Ordinaria, 1o. de febrero de 2024', { kind: 'ordinary', number: 11, date: '2024-02-01' }],
    ['Duodécima Sesión Ordinaria, 1° de marzo de 2023', { kind: 'ordinary', number: 12, date: '2023-03-01' }],
    ['Primera Sesión Extraordinaria, 9 de junio de 2021', { kind: 'extraordinary', number: 1, date: '2021-06-09' }],
    ['Sesión de Instalación, 12 de diciembre de 2022', { kind: 'installation', number: null, date: '2022-12-12' }],
    ['Sesion permanente, 1 noviembre de 2022', { kind: 'permanent', number: null, date: '2022-11-01' }],
    ['Segunda Asamblea, 2 de diciembre de 2019', { kind: 'assembly', number: 2, date: '2019-12-02' }],
    ['21a. Sesión Ordinaria celebrada el 12 de diciembre de 2022', { kind: 'ordinary', number: 21, date: '2022-12-12' }],
  ])('reads the session line "%s"', (session, expected) => {
    const result = parseMechanismReport(buildDocument([{ session }]));
    expect(result.diagnostics).toEqual([]);
    expect(result.report?.blocks[0]?.session).toEqual(expected);
  });

  it('reads several participants, agreement codes and the label variant "acuerdo/ o"', () => {
    const text = buildDocument([
      { participant: 'UNICEF México; Save the Children ;World Vision México', agreement: 'Se aprueba la hoja de ruta (SIPINNA/02/VE/2021).' },
    ]).replace('acuerdo o en', 'acuerdo/ o en');
    const block = parseMechanismReport(text).report?.blocks[0];
    expect(block?.participants).toEqual(['UNICEF México', 'Save the Children', 'World Vision México']);
    expect(block?.agreements).toEqual([{ code: 'SIPINNA/02/VE/2021', text: 'Se aprueba la hoja de ruta (SIPINNA/02/VE/2021).' }]);
    expect(block?.followUp).toEqual({ text: 'Se presentó en Sinaloa y Durango.', states: ['MX-SIN', 'MX-DUR'] });
  });

  it('accepts "Label: value" lines without a tab', () => {
    const text = buildDocument([{}]).replace(/:\t/g, ': ');
    const result = parseMechanismReport(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.report?.blocks[0]?.participants).toEqual(['Save the Children']);
  });

  it('joins a label split by a page break when the value sits on the second half only', () => {
    const text = buildDocument([{}]).replace(
      `${FOLLOW_UP_LABEL}:\t`,
      'Actividades realizadas para el cumplimiento\n\n\n\ndel acuerdo o en seguimiento a lo presentado:\t',
    );
    const result = parseMechanismReport(text);
    expect(result.warnings).toEqual([]);
    expect(result.report?.blocks[0]?.followUp?.text).toBe('Se presentó en Sinaloa y Durango.');
  });

  it('warns when the second half of a split label never comes', () => {
    const text = buildDocument([{}]).replace(`${FOLLOW_UP_LABEL}:\t`, 'Actividades realizadas para\t');
    const result = parseMechanismReport(text);
    expect(result.report?.blocks[0]?.followUp?.text).toBe('Se presentó en Sinaloa y Durango.');
    expect(result.warnings.map((warning) => warning.code)).toContain('label.incomplete');
  });

  it('refuses an impossible date with a located Spanish message', () => {
    const result = parseMechanismReport(buildDocument([{}, { session: 'Vigésima Sesión Ordinaria, 32 de diciembre de 2022' }]));
    expect(result.report).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        line: 15,
        field: 'Número, tipo de sesión y fecha',
        code: 'date.unreadable',
        message: 'Línea 15, «Número, tipo de sesión y fecha»: no se reconoce la fecha "32 de diciembre de 2022".',
      },
    ]);
    expect(result.blockLines).toEqual([7, 14]);
  });

  it.each([
    ['Sesión Ordinaria, 31 de febrero de 2023', 'session.ordinalMissing'],
    ['Vigésima Sesión Ordinaria, 31 de febrero de 2023', 'date.unreadable'],
    ['Vigesimilla Sesión Ordinaria, 12 de diciembre de 2022', 'ordinal.unreadable'],
    ['Reunión de trabajo, 12 de diciembre de 2022', 'session.kindUnreadable'],
    ['Sesión Permanente', 'date.missing'],
  ])('refuses the session line "%s" (%s)', (session, code) => {
    expectRefused(parseMechanismReport(buildDocument([{ session }])), code);
  });

  it('refuses a block without participant, wherever it is', () => {
    const first = parseMechanismReport(buildDocument([{ participant: null }, {}]));
    expectRefused(first, 'field.missing');
    expect(first.diagnostics[0]?.message).toBe(
      'Línea 7, «Participante»: al bloque que empieza aquí le falta el campo «Participante».',
    );
    expectRefused(parseMechanismReport(buildDocument([{}, { participant: null }])), 'field.missing');
    expectRefused(parseMechanismReport(buildDocument([{ participant: 'N/A' }])), 'field.empty');
  });

  it('refuses a block without session or description', () => {
    expectRefused(parseMechanismReport(buildDocument([{ session: null }])), 'field.missing');
    expectRefused(parseMechanismReport(buildDocument([{ description: null }])), 'field.missing');
  });

  it('imports a block without the optional fields, with warnings', () => {
    const result = parseMechanismReport(buildDocument([{ agreement: null, followUp: null, evidence: null }]));
    expect(result.report?.blocks[0]).toMatchObject({ agreements: [], followUp: null, evidence: [] });
    expect(result.warnings.map((warning) => warning.field)).toEqual([
      'Acuerdo adoptado',
      'Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado',
      'Medios de verificación',
    ]);
  });

  it('refuses an unknown label', () => {
    const result = parseMechanismReport(buildDocument([{}]).replace('Acuerdo adoptado:', 'Observaciones:'));
    expectRefused(result, 'label.unknown');
    expect(result.diagnostics[0]?.message).toBe('Línea 10: no se reconoce la etiqueta "Observaciones".');
  });

  it('refuses empty input and text without blocks', () => {
    expectRefused(parseMechanismReport(''), 'document.empty');
    expectRefused(parseMechanismReport(' \r\n\t\n'), 'document.empty');
    expectRefused(parseMechanismReport('Hola, esto no es un informe.\nNada más.'), 'document.noBlocks');
    expectRefused(parseMechanismReport(undefined as unknown as string), 'document.empty');
  });

  it('continues an unlabelled line with a warning and ignores stray ones after a gap', () => {
    const text = buildDocument([{}]).replace(
      'Presentación del Atlas de Riesgo de Trabajo Infantil',
      'Presentación del Atlas\nde Riesgo de Trabajo Infantil',
    );
    const result = parseMechanismReport(`${text}\n\nPágina 3 de 9`);
    expect(result.report?.blocks[0]?.description).toBe('Presentación del Atlas de Riesgo de Trabajo Infantil');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['line.continuation', 'line.ignored']);
  });

  it('warns about sessions outside the period and markers without footnote', () => {
    const text = buildDocument([{ session: 'Sesión Permanente, 13 de junio de 2024', evidence: 'Informe anual ²' }]);
    const result = parseMechanismReport(text);
    expect(result.report?.blocks[0]?.evidence).toEqual([{ title: 'Informe anual', url: null }]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['session.outsidePeriod', 'footnote.missing']);
  });

  it('warns when the preamble lacks title, approving agreement and period', () => {
    const text = buildDocument([{}]).split('\n').slice(6).join('\n');
    const result = parseMechanismReport(text);
    expect(result.report).toMatchObject({ bodyName: '', approvingAgreement: null, period: null });
    expect(result.warnings.map((warning) => warning.code)).toEqual([
      'preamble.bodyMissing',
      'preamble.agreementMissing',
      'preamble.periodMissing',
    ]);
  });
});

describe('parseMechanismReport robustness (property)', () => {
  const SEED_LINES = SEED.split('\n');

  function expectWellFormed(result: MechanismReportParseResult): void {
    expect(result.report === null).toBe(result.diagnostics.length > 0);
    for (const diagnostic of [...result.diagnostics, ...result.warnings]) {
      expect(diagnostic.code).not.toBe('internal.error');
      expect(diagnostic.line).toBeGreaterThanOrEqual(1);
      expect(diagnostic.message).toMatch(/^Línea \d+/);
    }
  }

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectWellFormed(parseMechanismReport(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on lines built from the report vocabulary', () => {
    const fragment = fc.constantFrom(
      ...SEED_LINES.slice(10, 70),
      '',
      '\t',
      'Participante:',
      'Acuerdo adoptado:\t',
      'Actividades realizadas para',
      '¹',
      '[^1]:',
      '**Participante:**',
      '## Participación',
      'Sesión Permanente, 31 de febrero de 2023',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 30 })), { maxLength: 40 }), (lines) => {
        expectWellFormed(parseMechanismReport(lines.join('\n')));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on the seed with lines deleted, duplicated, swapped or truncated', () => {
    const mutation = fc.record({
      kind: fc.constantFrom('delete', 'duplicate', 'swap', 'truncate'),
      at: fc.nat(),
      cut: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const lines = [...SEED_LINES];
        for (const { kind, at, cut } of mutations) {
          const index = at % lines.length;
          const line = lines[index] ?? '';
          if (kind === 'delete') lines.splice(index, 1);
          if (kind === 'duplicate') lines.splice(index, 0, line);
          if (kind === 'swap') lines.splice(index, 2, lines[index + 1] ?? '', line);
          if (kind === 'truncate') lines[index] = line.slice(0, cut % (line.length + 1));
        }
        expectWellFormed(parseMechanismReport(lines.join('\n')));
      }),
      { numRuns: 400 },
    );
  });
});
