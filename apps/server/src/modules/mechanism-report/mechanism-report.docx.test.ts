import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, parseMechanismReport, REPORT_FIELDS, type MechanismBlock, type MechanismReport } from '@telar/domain';
import { renderMechanismReportDocx } from './mechanism-report.docx.js';
import { pngImage } from '../../platform/documents/image.test-support.js';

const SEED = readFileSync(new URL('../../../../../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url), 'utf8');

const BODY_NAME =
  'Comisión de Secretarías Ejecutivas de Protección Integral de los Sistemas Nacional y de las Entidades Federativas';
const MINUTES_URL =
  'https://www.gob.mx/sipinna/es/documentos/comision-secretarias-ejecutivas-de-proteccion-integral-de-los-sistemas-nacional-y-de-las-entidades-federativas';

const SEED_BLOCKS: MechanismBlock[] = [
  {
    participants: [
      'Tejiendo Redes de Infancia para América Latina y el Caribe',
      'Pacto por la Primera Infancia',
      'Mexicanos Primero, A.C.',
      'Coordinación General del Seminario de Investigación en Juventud de la Universidad Nacional Autónoma de México',
    ],
    session: { kind: 'ordinary', number: 21, date: '2022-12-12' },
    description:
      'Diálogo "La protección integral de niñas, niños y adolescentes por ciclo de vida", con la finalidad de fortalecer las alianzas con sociedad civil',
    agreements: [],
    followUp: null,
    evidence: [{ title: 'Acta de la Vigésima Primera Sesión Ordinaria', url: MINUTES_URL }],
  },
  {
    participants: ['World Vision México'],
    session: { kind: 'ordinary', number: 21, date: '2022-12-12' },
    description: 'Presentación de "Información sobre la Iniciativa TurismoXlaNiñez"',
    agreements: [],
    followUp: {
      text: 'Derivado de la presentación de la iniciativa TurismoXlaNiñez, los estados de Baja California, Campeche y Jalisco participan en la iniciativa.',
      states: ['MX-BCN', 'MX-CAM', 'MX-JAL'],
    },
    evidence: [{ title: 'Acta de la Vigésima Primera Sesión Ordinaria', url: MINUTES_URL }],
  },
  {
    participants: ['Save the Children'],
    session: { kind: 'permanent', number: null, date: '2023-06-13' },
    description: 'Presentación del Atlas de Riesgo de Trabajo Infantil',
    agreements: [
      {
        code: null,
        text: 'Las y los integrantes de la Comisión toman conocimiento del Atlas de Riesgo de Trabajo Infantil de Save the Children presentado en esta fecha.',
      },
    ],
    followUp: {
      text: 'Save de Children confirmó que el Atlas se presentó en: Sinaloa, CDMX, Querétaro, Jalisco, Campeche, Puebla, Guanajuato, Durango',
      states: ['MX-SIN', 'MX-CMX', 'MX-QUE', 'MX-JAL', 'MX-CAM', 'MX-PUE', 'MX-GUA', 'MX-DUR'],
    },
    evidence: [{ title: 'Acta de la Sesión Permanente', url: MINUTES_URL }],
  },
];

function buildReport(blocks: MechanismBlock[] = SEED_BLOCKS): MechanismReport {
  return {
    bodyName: BODY_NAME,
    approvingAgreement: {
      code: 'COMSE/SO16/02/2021',
      text: 'Aprobación del Mecanismo de participación de sociedad civil, academia y sector privado',
      session: { kind: 'ordinary', number: 16, date: '2021-06-09' },
    },
    period: { from: '2022-11-01', to: '2023-10-31' },
    preamble: [],
    minutesUrl: MINUTES_URL,
    minutesNote: null,
    blocks,
  };
}

interface RenderedDocx {
  /** Text of each body paragraph, runs joined, entities decoded. */
  paragraphs: string[];
  /** Text of each table, one entry per row, as "label | value". */
  tables: string[][];
  footnotes: string[];
  documentXml: string;
  coreXml: string;
  headerText: string;
  footerXml: string;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

function readParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    decodeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  );
}

async function renderAndRead(report: MechanismReport): Promise<RenderedDocx> {
  const zip = await JSZip.loadAsync(await renderMechanismReportDocx(report));
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const documentXml = await read('word/document.xml');
  const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) =>
    [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
      [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => readParagraphs(cell).join('\n')).join(' | '),
    ),
  );
  const footnotes = readParagraphs(await read('word/footnotes.xml')).filter((text) => text.length > 0);
  const partsNamed = (pattern: RegExp) => Promise.all(Object.keys(zip.files).filter((name) => pattern.test(name)).map(read));
  return {
    paragraphs: readParagraphs(documentXml),
    tables,
    footnotes,
    documentXml,
    coreXml: await read('docProps/core.xml'),
    headerText: (await partsNamed(/^word\/header\d*\.xml$/)).flatMap(readParagraphs).join('\n'),
    footerXml: (await partsNamed(/^word\/footer\d*\.xml$/)).join('\n'),
  };
}

describe('renderMechanismReportDocx', () => {
  it('reproduces the structure of the published report', async () => {
    const { paragraphs, tables, footnotes, documentXml, coreXml } = await renderAndRead(buildReport());
    const title = `Informe del Mecanismo de participación de sociedad civil, academia y sector privado de la ${BODY_NAME}`;

    expect(paragraphs[0]).toBe('SISTEMA NACIONAL DE PROTECCIÓN INTEGRAL DE NIÑAS, NIÑOS Y ADOLESCENTES');
    expect(paragraphs[1]).toBe(title);
    expect(paragraphs[2]).toContain(
      `La ${BODY_NAME} aprobó mediante el acuerdo COMSE/SO16/02/2021, en el marco de la Décima Sexta Sesión Ordinaria realizada el 9 de junio de 2021, el Mecanismo de participación`,
    );
    expect(paragraphs[3]).toContain('durante el periodo del 1 de noviembre de 2022 al 31 de octubre de 2023:');

    expect(tables).toHaveLength(3);
    for (const rows of tables) {
      expect(rows.map((row) => row.split(' | ')[0])).toEqual(REPORT_FIELDS.map((field) => `${FIELD_LABELS[field][0]}:`));
    }
    const [first, second, third] = tables;
    expect(first?.[0]).toBe(
      'Participante: | Tejiendo Redes de Infancia para América Latina y el Caribe; Pacto por la Primera Infancia; Mexicanos Primero, A.C.; Coordinación General del Seminario de Investigación en Juventud de la Universidad Nacional Autónoma de México',
    );
    expect(first?.[1]).toBe('Número, tipo de sesión y fecha: | Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022');
    expect(first?.[3]).toBe('Acuerdo adoptado: | N/A');
    expect(first?.[4]).toMatch(/en seguimiento a lo presentado: \| N\/A$/);
    expect(second?.[4]).toContain('los estados de Baja California, Campeche y Jalisco participan');
    expect(third?.[1]).toBe('Número, tipo de sesión y fecha: | Sesión Permanente, 13 de junio de 2023');
    expect(third?.[3]).toContain('toman conocimiento del Atlas de Riesgo de Trabajo Infantil');
    expect(third?.[4]).toContain('Sinaloa, CDMX, Querétaro, Jalisco, Campeche, Puebla, Guanajuato, Durango');
    expect(third?.[5]).toBe('Medios de verificación: | Acta de la Sesión Permanente');

    // One footnote for the minutes, cited once, from the first "Medios de verificación".
    expect(footnotes).toEqual([`Actas de las sesiones de la ${BODY_NAME}. Disponibles en: ${MINUTES_URL}`]);
    expect(documentXml.match(/<w:footnoteReference /g)).toHaveLength(1);
    const firstTable = documentXml.slice(documentXml.indexOf('<w:tbl>'), documentXml.indexOf('</w:tbl>'));
    expect(firstTable).toContain('<w:footnoteReference ');

    expect(documentXml).toContain('<w:tblHeader/>');
    // Blocks may continue on the next page: nothing keeps a table's rows together.
    expect(documentXml).not.toContain('<w:keepNext');
    expect(documentXml).not.toContain('<w:cantSplit');
    expect(coreXml).toContain(`<dc:title>${title}</dc:title>`);
    expect(coreXml).toContain('<dc:creator>Telar</dc:creator>');
  });

  it('states that there were no participations when the period has none', async () => {
    const { paragraphs, tables, footnotes } = await renderAndRead(buildReport([]));

    expect(tables).toHaveLength(0);
    expect(paragraphs).toContain(
      'No se registraron participaciones en el marco del mecanismo durante el periodo del 1 de noviembre de 2022 al 31 de octubre de 2023.',
    );
    expect(footnotes).toEqual([]);
  });

  it('copes with a report missing its approving agreement, period and minutes', async () => {
    const { paragraphs, footnotes } = await renderAndRead({
      ...buildReport(),
      approvingAgreement: null,
      period: null,
      minutesUrl: null,
    });

    expect(paragraphs[2]).toBe('A continuación se presenta el reporte:');
    expect(paragraphs.join('\n')).not.toContain('aprobó');
    expect(footnotes).toEqual([]);
  });

  it('keeps awkward text intact and the XML well formed', async () => {
    const longText = 'Presentación del diagnóstico nacional sobre trabajo infantil. '.repeat(400);
    const awkward = 'Niñas & niños <menores> "entre comillas" \'simples\' 👧🏽👦🏻 — ¿qué? ¡sí!';
    const { tables, footnotes } = await renderAndRead({
      ...buildReport([
        {
          participants: ['Red & Alianza <REDIM>', 'Fundación "Niñez" 💛'],
          session: { kind: 'extraordinary', number: 1, date: '2023-01-05' },
          description: `${awkward}\u0007\nSegunda línea`,
          agreements: [{ code: 'COMSE/SE01/01/2023', text: longText }],
          followUp: { text: '   ', states: [] },
          evidence: [{ title: 'Oficio <SE/123> & anexo', url: 'https://example.org/acta?x=1&y=2' }],
        },
      ]),
    });

    const rows = tables[0] ?? [];
    expect(rows[0]).toBe('Participante: | Red & Alianza <REDIM>; Fundación "Niñez" 💛');
    expect(rows[1]).toBe('Número, tipo de sesión y fecha: | Primera Sesión Extraordinaria, 5 de enero de 2023');
    // The control character is dropped and the line break becomes a new paragraph.
    expect(rows[2]).toBe(`Acciones en las que la participación fue/es relevante: | ${awkward}\nSegunda línea`);
    expect(rows[3]).toBe(`Acuerdo adoptado: | COMSE/SE01/01/2023: ${longText.trim()}`);
    expect(rows[4]).toMatch(/ \| N\/A$/);
    // Evidence with an address of its own is linked after its title, as in the Markdown export; the minutes page is not cited here.
    expect(rows[5]).toBe('Medios de verificación: | Oficio <SE/123> & anexo https://example.org/acta?x=1&y=2');
    expect(footnotes).toEqual([]);
  });

  it('links only http(s) addresses: any other scheme stays plain text', async () => {
    const report = {
      ...buildReport([{ ...SEED_BLOCKS[0]!, evidence: [{ title: 'Informe', url: 'javascript:alert(1)' }, { title: 'Acta', url: null }] }]),
      minutesUrl: 'data:text/html,<script>alert(1)</script>',
    };
    const zip = await JSZip.loadAsync(await renderMechanismReportDocx(report));
    const relationships = await Promise.all(Object.keys(zip.files).filter((name) => name.endsWith('.rels')).map((name) => zip.file(name)!.async('string')));
    expect(relationships.join('\n')).not.toMatch(/Target="(?:javascript|data):/);
    const { footnotes, tables } = await renderAndRead(report);
    expect(footnotes).toEqual([]);
    expect(tables[0]?.[5]).toBe('Medios de verificación: | Informe; Acta'.replace('; ', '\n'));
  });

  it('frames every page with the system and body names and "Página X de Y"', async () => {
    const { headerText, footerXml } = await renderAndRead(buildReport());
    expect(headerText).toBe(`Telar · ${BODY_NAME}`);
    expect(footerXml).toMatch(/Página <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> de <\/w:t>[\s\S]*NUMPAGES/);
  });

  it("puts the body's logo at the left of the header, scaled into its box with its proportions", async () => {
    const logo = pngImage(300, 120);
    const zip = await JSZip.loadAsync(await renderMechanismReportDocx(buildReport(), { type: 'png', width: 300, height: 120, content: logo }));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(new Uint8Array(await zip.file(media[0]!)!.async('uint8array'))).toEqual(logo);
    const headerXml = (await Promise.all(Object.keys(zip.files).filter((name) => /^word\/header\d*\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')))).join('');
    // 300 × 120 px into 200 × 48: scaled by 0.4 to 120 × 48 px, in EMU (9,525 a pixel).
    expect(headerXml).toContain('<wp:extent cx="1143000" cy="457200"/>');
    expect(readParagraphs(headerXml).join('')).toBe(`Telar · ${BODY_NAME}`);
    expect(headerXml).toMatch(/<w:drawing>[\s\S]*<w:tab\/>/);
  });
});

describe('renderMechanismReportDocx on the seed (000)', () => {
  const seedReport = parseMechanismReport(SEED).report!;
  const seedLines = SEED.split('\n');

  it('reproduces the preamble, the footnote and the participants word for word', async () => {
    const { paragraphs, tables, footnotes, documentXml } = await renderAndRead(seedReport);
    const legalBasis = seedLines.find((line) => line.startsWith('De conformidad con el Artículo Trigésimo Cuarto'));
    const periodSentence = seedLines.find((line) => line.startsWith('A partir de esa fecha'));
    expect(legalBasis).toContain('(Comisión de Secretarías Ejecutivas) aprobó');
    expect(paragraphs.slice(2, 4)).toEqual([legalBasis, periodSentence]);
    const footnote = seedLines.find((line) => line.startsWith('¹ Actas'))!.slice(2).replace(/<(https:[^>]+)>$/, '$1');
    expect(footnote).toContain('en la página web del SIPINNA en Gob. Mx: https://');
    expect(footnotes).toEqual([footnote]);
    expect(documentXml.match(/<w:footnoteReference /g)).toHaveLength(1);
    expect(tables).toHaveLength(13);
    expect(tables[8]?.[0]).toBe('Participante: | Red por los Derechos de la Infancia en México, A.C. (REDIM)');
    expect(documentXml).not.toContain('acuerdo/ o');
  });
});

