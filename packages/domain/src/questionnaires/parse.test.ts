import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarizeImport } from './import-summary.js';
import { RichTextSchema, type ImportedQuestionnaire, type RichText } from './model.js';
import { isAnswered, parseQuestionnaire, type QuestionnaireParseResult } from './parse.js';
import { richTextToPlain } from './text-blocks.test-support.js';

const readSeed = (name: string) => readFileSync(new URL(`../../../../../shared/seeds/${name}`, import.meta.url), 'utf8');
const SEED_001 = readSeed('001_6f61884c0cbed154.txt');
const SEED_002 = readSeed('002_01b722a5f4a19936.txt');

function parsed(text: string): ImportedQuestionnaire {
  const result = parseQuestionnaire(text);
  if (!result.ok) throw new Error(`Not parsed: ${JSON.stringify(result.errors)}`);
  return result.value;
}

const question = (q: ImportedQuestionnaire, number: string) => q.questions.find((candidate) => candidate.number === number)!;
const marked = (q: ImportedQuestionnaire, number: string) => question(q, number).options.filter((option) => option.marked).map((option) => option.label);
const plain = (text: RichText) => richTextToPlain(text);

/** Every RichText the parser gives must be one the API accepts (links, sizes). */
function expectValidRichTexts(q: ImportedQuestionnaire) {
  for (const text of [q.coverNote, q.preamble, ...q.questions.map((item) => item.answer)]) if (text) RichTextSchema.parse(text);
}

describe('parseQuestionnaire on seed 001 (reply to the UN communication JAL MEX 4/2021)', () => {
  const q = parsed(SEED_001);
  const summary = summarizeImport(q);

  it('reads the nine questions, all answered, with their texts', () => {
    expect(q.questions.map((item) => item.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(summary.answers).toBe(9);
    expect(question(q, '1').text).toMatch(/^Por favor, proporcione cualquier información adicional .* por favor explique por qué\.$/);
    expect(question(q, '4').text).toMatch(/^Sírvase proporcionar información sobre las medidas adoptadas para investigar/);
    expect(question(q, '8').text).toMatch(/^Sírvase proporcionar información sobre la disponibilidad de herramientas/);
    expect(q.questions.every((item) => item.kind === 'open' && !item.text.includes('*'))).toBe(true);
    expect(q.questions.map((item) => item.line)).toEqual([33, 39, 148, 165, 173, 219, 364, 377, 385]);
  });

  it('keeps the inline "1. Coordinación…" of an answer inside the answer', () => {
    expect(plain(question(q, '2').answer)).toContain('siete líneas estratégicas: 1. Coordinación interinstitucional; 2. Armonización legislativa;');
  });

  it('reads the covering note: reference, date, place, recipient and the five contributors', () => {
    expect(q.reference).toBe('JAL MEX 4/2021');
    expect(q.date).toBe('2021-06-02');
    expect(q.place).toBe('Ginebra');
    expect(q.recipient).toBe('Oficina de la Alta Comisionada de las Naciones Unidas para los Derechos Humanos');
    expect(q.contributors).toEqual([
      'Sistema Nacional de Protección Integral de niños, niñas y adolescentes',
      'Secretaría de Seguridad y Protección Ciudadana',
      'Sistema Nacional para el Desarrollo Integral de la Familia',
      'Guardia Nacional',
      'Fiscalía General de la República',
    ]);
    expect(q.title).toMatch(/^Contribuciones del Estado mexicano\. Informe a la comunicación conjunta JAL MEX 4\/2021, .* sitio web OMEGLE\.$/);
    expect(plain(q.coverNote!)).toMatch(/^OGE02127\n\nLa Misión Permanente de México/);
    expect(q.preamble).toBeNull();
  });

  it('reads the five yearly tables of answer 6, rejoined across page breaks, blank cells kept blank', () => {
    expect(summary.tables).toBe(5);
    const tables = question(q, '6').answer.blocks.filter((block) => block.type === 'table');
    expect(tables.map((table) => table.caption)).toEqual(['Año 2017', 'Año 2018', 'Año 2019', 'Año 2020', 'Año 2021']);
    for (const table of tables) {
      expect(table.header).toEqual(['DELITO', '#', 'CAUSA PENAL']);
      expect(table.rows).toHaveLength(22);
      expect(table.rows.every((row) => row.length === 3)).toBe(true);
    }
    expect(tables[1]!.rows[14]).toEqual(['TRAFICO DE PERSONAS', '0', '0']); // after the page break
    expect(tables[3]!.rows.at(-2)).toEqual(['SIN DATO', '51', '']);
    expect(tables[4]!.rows[1]).toEqual(['ACOSO SEXUAL', '', '']);
    expect(tables[4]!.rows.at(-1)).toEqual(['TOTAL', '56', '0']);
  });

  it('reads footnotes ¹ to ¹², attached to the answer that calls them', () => {
    expect(summary.footnotes).toBe(12);
    const answer = question(q, '2').answer;
    expect(answer.footnotes.map((footnote) => footnote.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const references = answer.blocks.flatMap((block) => (block.type === 'paragraph' ? block.content : [])).filter((inline) => inline.footnote);
    expect(references.map((inline) => inline.footnote)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const first = answer.footnotes[0]!.content;
    expect(first[0]).toEqual({ text: 'Constitución Política de los Estados Unidos Mexicanos', italic: true });
    expect(first.at(-1)).toEqual({ text: 'http://www.diputados.gob.mx/LeyesBiblio/pdf/1_110321.pdf', href: 'http://www.diputados.gob.mx/LeyesBiblio/pdf/1_110321.pdf' });
    // ⁹ goes on after a blank line with its link.
    expect(answer.footnotes[8]!.content.at(-1)!.href).toBe('https://www.gob.mx/cms/uploads/attachment/file/609556/Informe_PLAN_DE_ACCION_COMPREVNNA_2019_2020_VF.pdf');
  });

  it('joins paragraphs split by page breaks, even across a block of footnotes', () => {
    const text = plain(question(q, '2').answer);
    expect(text).toContain('en la que participaron 160 personas pertenecientes a las Procuradurías Estatales');
    expect(text).toContain('mediante la alfabetización digital y corresponsabilidad');
    expect(plain(question(q, '7').answer)).toContain('a padres, madres, educadores y adultos en general');
    expect(summary.warnings).toEqual([
      { line: 116, message: 'Párrafo partido por un salto de página: se une con el anterior.' },
      { line: 138, message: 'Párrafo partido por un salto de página: se une con el anterior.' },
      { line: 370, message: 'Párrafo partido por un salto de página: se une con el anterior.' },
    ]);
  });

  it('reads lists, bold runs and links of the answers', () => {
    const lists = question(q, '3').answer.blocks.filter((block) => block.type === 'list');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.items).toHaveLength(7);
    const paragraphs = question(q, '1').answer.blocks.flatMap((block) => (block.type === 'paragraph' ? block.content : []));
    expect(paragraphs).toContainEqual({ text: 'https://www.omegle.com/', href: 'https://www.omegle.com/' });
    const bold = question(q, '2').answer.blocks.flatMap((block) => (block.type === 'paragraph' ? block.content : [])).filter((inline) => inline.bold);
    expect(bold[0]!.text).toBe('Programa Nacional de Protección Integral de Niñas, Niños y Adolescentes (PRONAPINNA)');
    expectValidRichTexts(q);
  });
});

describe('parseQuestionnaire on seed 002 (Alliance 8.7 annual progress report 2024)', () => {
  const q = parsed(SEED_002);
  const summary = summarizeImport(q);

  it('reads the 34 questions in order, without the numbered lists of answers 10, 14 and 30', () => {
    expect(q.questions.map((item) => item.number)).toEqual(Array.from({ length: 34 }, (_, index) => String(index + 1)));
    expect(question(q, '21').text).toBe('Por favor, díganos los desafíos que ha encontrado (si los hay) en la recopilación de prueb');
    expect(question(q, '13').text).toBe('¿Cómo calificaría los progresos logrados respecto de las prioridades establecidas en su hoja de ruta?');
    for (const number of ['10', '14', '30']) {
      const lists = question(q, number).answer.blocks.filter((block) => block.type === 'list');
      expect(lists.length, number).toBe(1);
      expect(lists[0]!.ordered).toBe(true);
    }
    const [list] = question(q, '10').answer.blocks;
    expect(list?.type === 'list' ? list.items : []).toHaveLength(3);
  });

  it('reads a question wrapped over two lines, the required mark and the editorial notes', () => {
    expect(question(q, '9').text).toBe('¿Cuál es la situación de su próximo paso 1 [«Ejecución del Plan de Trabajo 2021-2024 de la CITI a través del Programa de Operación 2022-2024.»]?');
    expect(question(q, '19').text).toMatch(/Por favor, seleccione todos lo que correspondan\.$/);
    expect(q.questions.filter((item) => item.required).map((item) => item.number)).toEqual(['1', '5', '6', '10', '14', '23', '25', '29', '31']);
    expect(question(q, '23').text).toBe('¿Ha colaborado con algún socio internacional? Por favor, seleccione todo lo que corresponda.');
    expect(question(q, '14').editorialNote).toBe('¿Son todos estos aspectos lo suficientemente significativos como para que valgan la pena «resaltar»?');
    expect(question(q, '20').editorialNote).toMatch(/^Por favor, utilice sus respuestas de la pregunta anterior/);
    expect(plain(question(q, '20').answer)).toBe('No aplicable');
  });

  it('reads the closed questions with their kinds and marked options', () => {
    const kinds = Object.fromEntries(summary.closed.map((item) => [item.number, item.kind]));
    expect(kinds).toEqual({ 9: 'status', 13: 'rating', 15: 'yes_no', 19: 'multiple_choice', 23: 'multiple_choice', 25: 'yes_no', 27: 'multiple_choice', 29: 'yes_no', 31: 'yes_no', 33: 'yes_no', 34: 'multiple_choice' });
    expect(marked(q, '9')).toEqual(['En curso']);
    expect(question(q, '9').options.map((option) => option.label)).toEqual(['No alcanzado', 'Previsto', 'En curso', 'Completado']);
    expect(marked(q, '13')).toEqual(['gran progreso']);
    expect(marked(q, '15')).toEqual(['sí']);
    expect(question(q, '15').options.map((option) => option.label)).toEqual(['sí', 'no', 'no aplicable']);
    expect(marked(q, '19')).toEqual(['no aplicable']);
    expect(question(q, '19').options.map((option) => option.label)).toContain('grupos focales');
    expect(marked(q, '23')).toEqual(['otros países pioneros de la Alianza 8.7. Mas información en Pathfinders Alliance 8.7 (alliance87.org) .', 'OIT']);
    expect(question(q, '23').options).toHaveLength(5);
    expect(marked(q, '25')).toEqual(['no']);
    expect(marked(q, '27')).toEqual(['Organizaciones de empleadores', 'Organizaciones de trabajadores', 'Ministerios de su Gobierno']);
    expect(question(q, '27').options).toHaveLength(6);
    expect(marked(q, '29')).toEqual(['sí']);
    expect(marked(q, '31')).toEqual(['sí']);
    expect(marked(q, '33')).toEqual(['no']);
    expect(marked(q, '34')).toEqual([]);
    expect(question(q, '33').text).toMatch(/^¿Es necesario revisar las prioridades de la noja de ruta de su país\? Si ha respondido «sí»/);
  });

  it('keeps the comments of a status question as its answer', () => {
    expect(plain(question(q, '9').answer)).toMatch(/^El 24 de enero de 2024, durante la 37ª sesión ordinaria/);
  });

  it('counts the questions without answers', () => {
    expect(q.questions.filter((item) => !isAnswered(item)).map((item) => item.number)).toEqual(['12', '26', '34']);
    expect(summary.answers).toBe(31);
  });

  it('reads the sections between questions', () => {
    expect(question(q, '1').section).toBe('Progresos anuales respecto de las prioridades establecidas en la hoja de ruta');
    expect(question(q, '9').section).toBe('Progresos logrados respecto de los próximos pasos identificados');
    expect(question(q, '13').section).toBe('Avances generales entre enero y diciembre de 2024');
    expect(question(q, '19').section).toBe('Evaluación de los progresos realizados en los últimos meses');
    expect(question(q, '23').section).toBe('Colaboración con socios internacionales');
    expect(question(q, '27').section).toBe('Colaboración con socios nacionales');
    expect(question(q, '34').section).toBe('Perspectivas de futuro');
    expect(plain(question(q, '8').answer)).not.toContain('Progresos logrados');
    expect(plain(question(q, '22').answer)).toBe('No aplicable');
  });

  it('reads the title, the preamble and the garbled budget table with a warning', () => {
    expect(q.title).toBe('Informe de progreso anual de País Pionero 2024');
    expect(q.reference).toBeNull();
    expect(q.date).toBeNull();
    expect(q.contributors).toEqual([]);
    expect(q.coverNote).toBeNull();
    const preamble = plain(q.preamble!);
    expect(preamble).toContain('[PLANTILLA ES]');
    expect(preamble).toContain('Notas de edición: Sírvase informar de los progresos');
    const table = question(q, '1').answer.blocks.find((block) => block.type === 'table')!;
    expect(table.type === 'table' && table.caption).toBe('Presupuesto de Egresos de la Federación destinado a acciones y medidas políticas enfocadas a la atención y bienestar de NNA durante el período 2023-2025');
    expect(table.type === 'table' && table.rows).toHaveLength(12);
    expect(summary.warnings).toContainEqual({ line: 56, message: 'La fila de la tabla tiene columnas mezcladas; se conserva como está escrita.' });
    expect(summary.tables).toBe(1);
    expect(summary.footnotes).toBe(0);
  });

  it('warns about the debris it leaves out, at its line', () => {
    const lines = summary.warnings.map((warning) => warning.line);
    expect(lines).toEqual(expect.arrayContaining([229, 267, 271, 310, 357]));
    expect(summary.warnings.find((warning) => warning.line === 271)!.message).toBe('Línea ilegible que repite la pregunta 21; se omite.');
    expect(plain(question(q, '26').answer)).toBe('');
    expect(plain(question(q, '34').answer)).toBe('');
    expect(summary.warnings).toHaveLength(15);
    expectValidRichTexts(q);
  });
});

describe('parseQuestionnaire reads the seeds the same whatever their line endings and spaces', () => {
  it.each([
    ['001', SEED_001],
    ['002', SEED_002],
  ])('seed %s with CRLF and non-breaking spaces', (_name, seed) => {
    const variant = seed.replace(/ /g, (space, offset: number) => (offset % 7 === 0 ? '\u00A0' : space)).replace(/\n/g, '\r\n');
    expect(summarizeImport(parsed(variant))).toEqual(summarizeImport(parsed(seed)));
  });
});

function expectWellFormed(result: QuestionnaireParseResult) {
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    // The internal-error path is a bug, not an answer.
    for (const error of result.errors) expect(error.message).not.toMatch(/^No se pudo leer el documento/);
    return;
  }
  const numbers = result.value.questions.map((item) => item.number);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers.map(Number)).toEqual(numbers.map(Number).toSorted((a, b) => a - b));
  expectValidRichTexts(result.value);
}

describe('parseQuestionnaire never throws (property)', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => expectWellFormed(parseQuestionnaire(text))),
      { numRuns: 300 },
    );
  });

  it('on the seeds with lines dropped, duplicated, shuffled and cut', () => {
    const seedLines = [...SEED_001.split('\n'), ...SEED_002.split('\n')];
    const mutation = fc.record({
      start: fc.nat(seedLines.length - 1),
      length: fc.integer({ min: 1, max: 80 }),
      drop: fc.array(fc.nat(79), { maxLength: 10 }),
      duplicate: fc.array(fc.nat(79), { maxLength: 5 }),
      cut: fc.option(fc.nat(60)),
      noise: fc.constantFrom('', '\t', '☐', '⊠ sí', '¹', '- 1.', '12.\t', '**', '\r\n'),
    });
    fc.assert(
      fc.property(mutation, ({ start, length, drop, duplicate, cut, noise }) => {
        const slice = seedLines.slice(start, start + length).filter((_, index) => !drop.includes(index));
        for (const index of duplicate) if (slice[index] !== undefined) slice.splice(index, 0, slice[index]!);
        if (cut !== null && slice[0] !== undefined) slice[0] = slice[0].slice(cut);
        expectWellFormed(parseQuestionnaire(`${noise}${slice.join('\n')}${noise}`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile text', () => {
  // Each of these took seconds at 40–150 KB, and would have taken days at the 5 MB the API accepts, before the
  // patterns behind them were bounded: the parser runs on the server's only thread.
  it.each([
    ['a long run of tabs after a question', `**Cuestionario**\n\n1. ¿Qué hizo?${'\t'.repeat(200_000)}abc\n\nRespuesta.\n`],
    ['whitespace that never ends in the required mark', `**Cuestionario**\n\n1. ¿Qué hizo?${' \t'.repeat(100_000)}x\n\nRespuesta.\n`],
    ['a contributors sentence that never ends', `Nota\n\n${'elaborado por a '.repeat(100_000)}\n\n1. ¿Qué?\nUno.\n`],
    ['a greeting that never names its recipient', `Nota\n\n${'saluda atentamente '.repeat(100_000)}\n\n1. ¿Qué?\nUno.\n`],
  ])('reads %s in linear time', { timeout: 5_000 }, (_, text) => {
    expect(parseQuestionnaire(text).ok).toBe(true);
  });
});
