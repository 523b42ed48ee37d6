import { describe, expect, it } from 'vitest';
import type { ImportedQuestionnaire } from './model.js';
import { isAnswered, parseQuestionnaire } from './parse.js';
import { richTextToPlain } from './text-blocks.test-support.js';

function parsed(text: string): ImportedQuestionnaire {
  const result = parseQuestionnaire(text);
  if (!result.ok) throw new Error(`Not parsed: ${JSON.stringify(result.errors)}`);
  return result.value;
}
const numbers = (q: ImportedQuestionnaire) => q.questions.map((question) => question.number);
const NO_TITLE = { line: 1, message: 'No se encontró el título del documento antes de la primera pregunta.' };
const answerText = (q: ImportedQuestionnaire, index: number) => richTextToPlain(q.questions[index]!.answer);

describe('parseQuestionnaire: numbering styles', () => {
  it.each([
    ['1)', '1) ¿Cuántas comisiones sesionaron?\nTres.\n\n2) Describa sus acuerdos.\nDos acuerdos.'],
    ['Pregunta 1.', 'Pregunta 1. ¿Cuántas comisiones sesionaron?\nTres.\n\nPregunta 2. Describa sus acuerdos.\nDos acuerdos.'],
    ['P1.', 'P1. ¿Cuántas comisiones sesionaron?\nTres.\n\nP2. Describa sus acuerdos.\nDos acuerdos.'],
    ['- 1.', '- 1. ¿Cuántas comisiones sesionaron?\n\nTres.\n\n- 2. Describa sus acuerdos.\n\nDos acuerdos.'],
    ['1.\\t', '1.\t¿Cuántas comisiones sesionaron?\nTres.\n2.\tDescriba sus acuerdos.\nDos acuerdos.'],
    ['bold', '1. **¿Cuántas comisiones sesionaron?**\n\nTres.\n\n2. **Describa sus acuerdos.**\n\nDos acuerdos.'],
  ])('reads questions numbered "%s"', (_style, text) => {
    const q = parsed(text);
    expect(numbers(q)).toEqual(['1', '2']);
    expect(q.questions.map((question) => question.text)).toEqual(['¿Cuántas comisiones sesionaron?', 'Describa sus acuerdos.']);
    expect([answerText(q, 0), answerText(q, 1)]).toEqual(['Tres.', 'Dos acuerdos.']);
  });

  it('reads its own Markdown: "### 1." questions, "##" sections and "·" bullets', () => {
    const text = ['# Informe anual', '', '## Marco legal', '', '### 1. ¿Qué leyes aplican?', '', '· La Ley General', '· Su reglamento', '', '## Perspectivas de futuro', '', '### 2. ¿Qué sigue?', '', 'Un plan nuevo.'].join('\n');
    const q = parsed(text);
    expect(q.title).toBe('Informe anual');
    expect(q.questions.map((question) => [question.number, question.section, question.text])).toEqual([
      ['1', 'Marco legal', '¿Qué leyes aplican?'],
      ['2', 'Perspectivas de futuro', '¿Qué sigue?'],
    ]);
    expect(q.questions[0]!.answer.blocks).toEqual([{ type: 'list', ordered: false, items: [[{ text: 'La Ley General' }], [{ text: 'Su reglamento' }]] }]);
    expect(q.warnings).toEqual([]);
  });

  it('takes a bold first line right before the first question as the title, not a section', () => {
    const q = parsed('**Respuesta al cuestionario de la Alianza 8.7**\n\n1. ¿Primera?\nUno.');
    expect(q.title).toBe('Respuesta al cuestionario de la Alianza 8.7');
    expect(q.questions[0]!.section).toBeNull();
  });

  it('reads a number without a dot ("21\\tPor favor…") and warns about a gap in the numbering', () => {
    const q = parsed('1. ¿Primera?\nSí.\n\n3\tPor favor, describa la tercera.\nTexto.');
    expect(numbers(q)).toEqual(['1', '3']);
    expect(q.warnings).toEqual([NO_TITLE, { line: 4, message: 'Falta la pregunta 2: la numeración salta a la 3.' }]);
  });
});

describe('parseQuestionnaire: answers', () => {
  it('keeps a numbered list of an answer inside the answer, even when an item has the next question number', () => {
    const text = [
      '1. Sírvase describir las líneas estratégicas.',
      'Se establecieron las siguientes:',
      '1. Coordinación interinstitucional.',
      '2. Armonización legislativa.',
      '3. Generación de datos.',
      '',
      '2. ¿Qué retos anticipa?',
      'La coordinación.',
    ].join('\n');
    const q = parsed(text);
    expect(numbers(q)).toEqual(['1', '2']);
    expect(q.questions[0]!.answer.blocks[1]).toEqual({
      type: 'list',
      ordered: true,
      items: [[{ text: 'Coordinación interinstitucional.' }], [{ text: 'Armonización legislativa.' }], [{ text: 'Generación de datos.' }]],
    });
  });

  it('counts questions without answers as unanswered', () => {
    const q = parsed('1. ¿Primera?\n\n2. ¿Segunda?\nRespuesta.\n\n3. ¿Tercera?\n');
    expect(q.questions.map(isAnswered)).toEqual([false, true, false]);
  });

  it('reads CRLF line endings and non-breaking spaces', () => {
    const q = parsed('Informe\u00A0anual\r\n\r\n1.\u00A0¿Primera\u00A0pregunta?\r\nRespuesta\u00A0uno.\r\n\r\n2. ¿Segunda?\r\nRespuesta dos.\r\n');
    expect(q.title).toBe('Informe anual');
    expect(q.questions.map((question) => question.text)).toEqual(['¿Primera pregunta?', '¿Segunda?']);
    expect(answerText(q, 0)).toBe('Respuesta uno.');
  });

  it('joins a paragraph split by a page break, and a list split by one', () => {
    const text = ['1. ¿Qué se hizo?', 'Se capacitó a las personas servidoras', '', '', '', 'públicas de 17 entidades.', '', '- Curso uno', '', '', '- Curso dos'].join('\n');
    const q = parsed(text);
    expect(q.questions[0]!.answer.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'Se capacitó a las personas servidoras públicas de 17 entidades.' }] },
      { type: 'list', ordered: false, items: [[{ text: 'Curso uno' }], [{ text: 'Curso dos' }]] },
    ]);
    expect(q.warnings).toEqual([NO_TITLE, { line: 6, message: 'Párrafo partido por un salto de página: se une con el anterior.' }]);
  });

  it('reads bold, italics, links and footnotes', () => {
    const text = [
      '1. ¿Qué normas aplican?',
      'La **Ley General**¹ y el *Protocolo*² (<https://www.gob.mx/protocolo>).',
      '',
      '¹ Publicada en el DOF. Consulte:',
      '',
      'https://www.dof.gob.mx/ley',
      '² Aprobado en 2021.',
      '',
      'Texto final con m³ que no es nota.',
    ].join('\n');
    const q = parsed(text);
    const answer = q.questions[0]!.answer;
    expect(answer.blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        { text: 'La ' },
        { text: 'Ley General', bold: true },
        { text: '1', footnote: '1' },
        { text: ' y el ' },
        { text: 'Protocolo', italic: true },
        { text: '2', footnote: '2' },
        { text: ' (' },
        { text: 'https://www.gob.mx/protocolo', href: 'https://www.gob.mx/protocolo' },
        { text: ').' },
      ],
    });
    expect(answer.footnotes).toEqual([
      { id: '1', content: [{ text: 'Publicada en el DOF. Consulte: ' }, { text: 'https://www.dof.gob.mx/ley', href: 'https://www.dof.gob.mx/ley' }] },
      { id: '2', content: [{ text: 'Aprobado en 2021.' }] },
    ]);
    expect(answer.blocks[1]).toEqual({ type: 'paragraph', content: [{ text: 'Texto final con m³ que no es nota.' }] });
  });

  it('reads a table split by a page break, keeping blank cells blank and dropping trailing tabs', () => {
    const text = ['1. Sírvase dar las cifras por año.', 'Año 2021', '', 'DELITO\t#\tCAUSA PENAL\t', 'ABUSO\t12\t', 'ACOSO\t\t', '', '', '', 'TRATA\t5\t1\t', 'TOTAL\t17\t1'].join('\n');
    const q = parsed(text);
    expect(q.questions[0]!.answer.blocks).toEqual([
      {
        type: 'table',
        caption: 'Año 2021',
        header: ['DELITO', '#', 'CAUSA PENAL'],
        rows: [
          ['ABUSO', '12', ''],
          ['ACOSO', '', ''],
          ['TRATA', '5', '1'],
          ['TOTAL', '17', '1'],
        ],
      },
    ]);
    expect(q.warnings).toEqual([NO_TITLE]);
  });

  it('warns about a table row with more cells than its header', () => {
    const q = parsed('1. Sírvase dar las cifras.\nA\tB\n1\t2\n3\t4\t5');
    expect(q.warnings).toEqual([NO_TITLE, { line: 4, message: 'La fila de la tabla tiene 3 celdas y el encabezado 2; se conserva como está escrita.' }]);
  });
});

describe('parseQuestionnaire: closed questions', () => {
  it('reads options on one line and on the question line, with their marks', () => {
    const text = [
      '1. ¿Colaboró con socios internacionales? * Por favor, seleccione todo lo que corresponda.',
      '\t[x] OIT □ UNICEF [X] otros (precisar): Banco Mundial',
      '2. ¿Fue útil el proceso? * ☑sí ☐ no',
      '3. ¿Cómo calificaría los progresos?',
      '☐ no hay progreso',
      '☒ poco progreso',
      '■ gran progreso',
      '4. ¿Cuál es la situación del paso 1?',
      '☐ No alcanzado ☐ Previsto ⊠ En curso ☐ Completado',
      'Comentarios:',
      'Avanza según lo previsto.',
      '5. ¿Qué modalidad usó?',
      '$\\hfill \\square$ presencial',
      '⊠ virtual',
    ].join('\n');
    const q = parsed(text);
    expect(q.questions.map((question) => [question.kind, question.required])).toEqual([
      ['multiple_choice', true],
      ['yes_no', true],
      ['rating', false],
      ['status', false],
      ['single_choice', false],
    ]);
    expect(q.questions[0]!.options).toEqual([
      { label: 'OIT', marked: true },
      { label: 'UNICEF', marked: false },
      { label: 'otros (precisar):', marked: true },
    ]);
    expect(q.questions[0]!.otherText).toBe('Banco Mundial');
    expect(q.questions[1]!.text).toBe('¿Fue útil el proceso?');
    expect(q.questions[1]!.options).toEqual([
      { label: 'sí', marked: true },
      { label: 'no', marked: false },
    ]);
    expect(q.questions[2]!.options.filter((option) => option.marked).map((option) => option.label)).toEqual(['poco progreso', 'gran progreso']);
    expect(richTextToPlain(q.questions[3]!.answer)).toBe('Avanza según lo previsto.');
    expect(q.questions[4]!.options).toEqual([
      { label: 'presencial', marked: false },
      { label: 'virtual', marked: true },
    ]);
  });

  it('takes the text under a marked "otros (precisar):" as its text', () => {
    const q = parsed('1. ¿Con quién colaboró? Seleccione todo lo que corresponda.\n☐ OIT\n⊠ otros (precisar):\nBanco Mundial\n');
    expect(q.questions[0]!.otherText).toBe('Banco Mundial');
    expect(q.questions[0]!.answer.blocks).toEqual([]);
  });
});

describe('parseQuestionnaire: covering text and sections', () => {
  it('reads a note verbale before the title and sections between questions', () => {
    const text = [
      'OGE00001',
      '',
      'La Misión Permanente saluda atentamente a la Oficina del Alto Comisionado, y hace referencia a la comunicación AL MEX 1/2024.',
      '',
      'La información fue elaborada por la Secretaría de Gobernación y el Sistema Nacional DIF.',
      '',
      'Nueva York, 1o. de marzo de 2024.',
      '',
      '**Respuesta del Estado mexicano**',
      '',
      'Primera parte del cuestionario',
      '',
      '1. ¿Primera?',
      'Uno.',
      '',
      'Segunda parte del cuestionario',
      '',
      '2. ¿Segunda?',
      'No aplica',
      '',
      '3. ¿Tercera?',
      'Tres.',
    ].join('\n');
    const q = parsed(text);
    expect(q).toMatchObject({
      title: 'Respuesta del Estado mexicano',
      reference: 'AL MEX 1/2024',
      date: '2024-03-01',
      place: 'Nueva York',
      recipient: 'Oficina del Alto Comisionado',
      contributors: ['Secretaría de Gobernación', 'Sistema Nacional DIF'],
      preamble: null,
    });
    expect(q.questions.map((question) => question.section)).toEqual(['Primera parte del cuestionario', 'Segunda parte del cuestionario', 'Segunda parte del cuestionario']);
    expect(answerText(q, 0)).toBe('Uno.');
    // A short answer is not a section heading.
    expect(answerText(q, 1)).toBe('No aplica');
  });
});

describe('parseQuestionnaire: refusals', () => {
  it('refuses a document without questions, with a Spanish message', () => {
    expect(parseQuestionnaire('Informe anual\n\nSin preguntas aquí.')).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'No se encontró ninguna pregunta numerada (por ejemplo «1. ¿…?»).' }],
      warnings: [],
    });
  });

  it('refuses a numbering it cannot follow, naming the line', () => {
    const result = parseQuestionnaire('Informe\n\n7. ¿Séptima?\nRespuesta.\n8. ¿Octava?');
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 3, message: 'No se puede seguir la numeración de las preguntas: la primera pregunta numerada es la 7, se esperaba la 1.' }],
      warnings: [],
    });
  });
});
