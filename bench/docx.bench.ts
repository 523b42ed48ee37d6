/**
 * Time to render a 1,000-block participation-mechanism report as DOCX (target: median ≤ 1 s), next
 * to a baseline measured in the same rounds: the same text packed by the docx library as plain
 * paragraphs (no tables, styles, footnote, header or footer), i.e. what the library costs anyway.
 * Run: node --import tsx bench/docx.bench.ts
 */
import { pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { buildReportDocument, type MechanismBlock, type MechanismReport, type SessionRef } from '@telar/domain';
import { renderMechanismReportDocx } from '../apps/server/src/modules/mechanism-report/index.js';
import { measure } from './measure.js';

const BLOCK_COUNT = 1000;
const RUNS = 10;
const WARM_UPS = 2;

const ORGANIZATIONS = [
  'Tejiendo Redes de Infancia para América Latina y el Caribe',
  'Pacto por la Primera Infancia',
  'Mexicanos Primero, A.C.',
  'World Vision México',
  'Red por los Derechos de la Infancia en México, A.C. (REDIM)',
  'Save the Children',
  'Asociación de Internet MX',
  'Asistencia Legal por los Derechos Humanos, A.C. (AsiLEGAL)',
  'Justicia Juvenil Internacional México (JJI)',
  'Universidad Autónoma de Yucatán',
  'Universidad Autónoma de Querétaro',
  'ChildFund México',
];
const TOPICS = [
  'Presentación del Atlas de Riesgo de Trabajo Infantil',
  'Diálogo "La protección integral de niñas, niños y adolescentes por ciclo de vida"',
  'Presentación del estudio Internet seguro para tod@s. Estado de las Políticas Públicas y Regulación sobre la Ciberseguridad',
  'Presentación del Modelo de servicios post penales',
  'Información sobre la Guía técnica de buenas prácticas para la elaboración de los programas estatales de protección integral',
];
const STATES: [code: string, name: string][] = [
  ['MX-SIN', 'Sinaloa'],
  ['MX-CMX', 'Ciudad de México'],
  ['MX-QUE', 'Querétaro'],
  ['MX-JAL', 'Jalisco'],
  ['MX-CAM', 'Campeche'],
  ['MX-PUE', 'Puebla'],
  ['MX-GUA', 'Guanajuato'],
  ['MX-DUR', 'Durango'],
];

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function buildBlock(index: number): MechanismBlock {
  // A new ordinary session every 20 blocks, with permanent sessions in between, dated through 2023.
  const session: SessionRef =
    index % 3 === 0
      ? { kind: 'ordinary', number: 1 + (Math.floor(index / 20) % 99), date: '2022-12-12' }
      : { kind: 'permanent', number: null, date: `2023-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}` };
  const states = STATES.slice(0, 1 + (index % STATES.length));
  const hasAgreement = index % 5 === 0;
  return {
    participants: [pick(ORGANIZATIONS, index), ...(index % 4 === 0 ? [pick(ORGANIZATIONS, index + 5)] : [])],
    session,
    description: `${pick(TOPICS, index)}, con la finalidad de fortalecer las alianzas con sociedad civil, expertos y actores estratégicos en materia de niñez y adolescencia (participación ${index + 1}).`,
    agreements: hasAgreement
      ? [
          {
            code: `COMSE/SO${index}/01/2023`,
            text: 'Las y los integrantes de la Comisión toman conocimiento de lo presentado y se comprometen a impulsar su análisis en el marco de los trabajos de las Comisiones Estatales, a fin de contribuir en el establecimiento de acciones para prevenirlo, atenderlo y erradicarlo.',
          },
        ]
      : [],
    followUp:
      index % 2 === 0
        ? {
            text: `Se puso a disposición la asesoría de la organización; la presentación se realizó en: ${states.map(([, name]) => name).join(', ')}.`,
            states: states.map(([code]) => code),
          }
        : null,
    evidence: [{ title: `Acta de la sesión del ${session.date}`, url: 'https://www.gob.mx/sipinna/es/documentos/comision-secretarias-ejecutivas' }],
  };
}

function buildSyntheticReport(): MechanismReport {
  return {
    bodyName:
      'Comisión de Secretarías Ejecutivas de Protección Integral de los Sistemas Nacional y de las Entidades Federativas',
    approvingAgreement: {
      code: 'COMSE/SO16/02/2021',
      text: 'Se aprueba el Mecanismo de participación',
      session: { kind: 'ordinary', number: 16, date: '2021-06-09' },
    },
    period: { from: '2022-11-01', to: '2023-10-31' },
    preamble: [],
    minutesUrl: 'https://www.gob.mx/sipinna/es/documentos/comision-secretarias-ejecutivas',
    minutesNote: null,
    blocks: Array.from({ length: BLOCK_COUNT }, (_, index) => buildBlock(index)),
  };
}

/** The baseline: every text of the report as one plain paragraph each, packed by the same library. */
function renderPlainDocx(report: MechanismReport): Promise<Buffer> {
  const document = buildReportDocument(report);
  const texts = [document.heading, document.title, ...document.preamble, ...document.blocks.flatMap((rows) => rows.flatMap((row) => [row.label, ...row.values.map((value) => value.text)]))];
  return Packer.toBuffer(new Document({ sections: [{ children: texts.map((text) => new Paragraph(text)) }] }));
}

export interface DocxBench {
  medianMs: number;
  p95Ms: number;
  bytes: number;
  baseline: { medianMs: number; p95Ms: number };
}

/** Renders the synthetic report and the baseline RUNS times each, interleaved, after warm-ups; times in milliseconds, size in bytes. */
export async function benchDocx(): Promise<DocxBench> {
  const report = buildSyntheticReport();
  let bytes = 0;
  const timings = await measure(
    { runs: RUNS, warmUps: WARM_UPS },
    {
      report: async () => {
        bytes = (await renderMechanismReportDocx(report)).length;
      },
      baseline: () => renderPlainDocx(report),
    },
  );
  return {
    medianMs: timings.report.p50,
    p95Ms: timings.report.p95,
    bytes,
    baseline: { medianMs: timings.baseline.p50, p95Ms: timings.baseline.p95 },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { medianMs, p95Ms, bytes, baseline } = await benchDocx();
  console.log(
    `docx, ${BLOCK_COUNT} blocks × ${RUNS} runs: median ${medianMs.toFixed(0)} ms, p95 ${p95Ms.toFixed(0)} ms, ` +
      `${(bytes / 1024).toFixed(0)} KiB (target ≤ 1000 ms); baseline (same text as plain paragraphs): ` +
      `median ${baseline.medianMs.toFixed(0)} ms, p95 ${baseline.p95Ms.toFixed(0)} ms`,
  );
}
