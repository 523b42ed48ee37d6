import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsForm } from './xlsform.js';

/** A workbook with the given sheets, each a list of rows (the first its header). */
async function workbook(sheets: Record<string, (string | number | boolean | null)[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const CHOICES = [
  ['list_name', 'name', 'label::Español (es)', 'label::English (en)'],
  ['si_no', 'yes', 'Sí', 'Yes'],
  ['si_no', 'no', 'No', 'No'],
  ['si_no', 'na', 'No aplica', 'N/A'],
  ['medidas', 'ley', 'Reforma legal', 'Law'],
  ['medidas', 'protocolo', 'Protocolo', 'Protocol'],
  ['medidas', 'other', 'Otra (precisar)', 'Other'],
  ['nivel', 'alto', 'Alto', 'High'],
  ['nivel', 'bajo', 'Bajo', 'Low'],
];

describe('readXlsForm', () => {
  it('reads groups as sections, yes/no and multiple choices with "other", numbers, a repeat as a table, notes and simple conditions', async () => {
    const bytes = await workbook({
      survey: [
        ['type', 'name', 'label::English (en)', 'label::Español (es)', 'hint::Español (es)', 'required', 'relevant'],
        ['start', 'start', '', '', '', '', ''],
        ['begin_group', 'marco', 'Legal framework', 'Marco legal', '', '', ''],
        ['note', 'intro', 'About the law', 'Preguntas sobre la ley.', '', '', ''],
        ['select_one si_no', 'tiene_ley', 'Law?', '¿Existe una ley contra el trabajo infantil?', '', 'yes', ''],
        ['select_multiple medidas', 'medidas', 'Measures', '¿Qué medidas se adoptaron?', 'Marque todas.', '', "${tiene_ley}='yes'"],
        ['end_group', '', '', '', '', '', ''],
        ['begin group', 'datos', 'Data', 'Datos', '', '', ''],
        ['note', 'aviso', 'Note', 'Cifras del último año.', '', '', ''],
        ['integer', 'casos', 'Cases', 'Número de casos atendidos', '', 'TRUE', "selected(${medidas}, 'protocolo') or selected(${medidas}, 'ley')"],
        ['date', 'corte', 'Date', 'Fecha de corte', '', '', ''],
        ['select_one nivel or_other', 'nivel', 'Level', 'Nivel de avance', '', '', "${casos} > 10"],
        ['begin_repeat', 'acciones', 'Actions', 'Acciones realizadas', '', '', ''],
        ['text', 'accion', 'Action', 'Acción', '', '', ''],
        ['decimal', 'presupuesto', 'Budget', 'Presupuesto (MXN)', '', '', ''],
        ['end_repeat', '', '', '', '', '', ''],
        ['end group', '', '', '', '', '', ''],
        ['text', 'comentarios', 'Comments', 'Comentarios finales', '', '', ''],
      ],
      choices: CHOICES,
      settings: [['form_title'], ['Alianza 8.7']],
    });
    const reading = await readXlsForm(bytes);
    if (!('value' in reading)) throw new Error(JSON.stringify(reading.errors));
    const base = { required: false, help: null, editorialNote: null, options: [], columns: [], condition: null, repeat: null, withComment: false };
    expect(reading.value.sections).toEqual([
      {
        key: 'marco',
        title: 'Marco legal',
        description: 'Preguntas sobre la ley.',
        questions: [
          {
            ...base,
            key: 'tiene_ley',
            number: '1',
            text: '¿Existe una ley contra el trabajo infantil?',
            kind: 'yes_no',
            required: true,
            options: [
              { key: 'yes', label: 'Sí' },
              { key: 'no', label: 'No' },
              { key: 'not_applicable', label: 'No aplica' },
            ],
          },
          {
            ...base,
            key: 'medidas',
            number: '2',
            text: '¿Qué medidas se adoptaron?',
            kind: 'multiple_choice',
            help: 'Marque todas.',
            options: [
              { key: 'ley', label: 'Reforma legal' },
              { key: 'protocolo', label: 'Protocolo' },
              { key: 'other', label: 'Otra (precisar)', other: true },
            ],
            condition: { questionKey: 'tiene_ley', anyOf: ['yes'] },
          },
        ],
      },
      {
        key: 'datos',
        title: 'Datos',
        description: 'Cifras del último año.',
        questions: [
          { ...base, key: 'casos', number: '3', text: 'Número de casos atendidos', kind: 'number', required: true, condition: { questionKey: 'medidas', anyOf: ['protocolo', 'ley'] } },
          { ...base, key: 'corte', number: '4', text: 'Fecha de corte', kind: 'date' },
          {
            ...base,
            key: 'nivel',
            number: '5',
            text: 'Nivel de avance',
            kind: 'single_choice',
            options: [
              { key: 'alto', label: 'Alto' },
              { key: 'bajo', label: 'Bajo' },
              { key: 'other', label: 'Otro', other: true },
            ],
          },
          {
            ...base,
            key: 'acciones',
            number: '6',
            text: 'Acciones realizadas',
            kind: 'table',
            columns: [
              { key: 'accion', label: 'Acción' },
              { key: 'presupuesto', label: 'Presupuesto (MXN)' },
            ],
          },
        ],
      },
      { key: 'general', title: '', description: null, questions: [{ ...base, key: 'comentarios', number: '7', text: 'Comentarios finales', kind: 'open' }] },
    ]);
    // The condition on a number is beyond the model: the question stays, unconditioned, with a warning naming its row.
    expect(reading.warnings).toEqual([
      {
        sheet: 'survey',
        row: 12,
        column: 'relevant',
        message:
          "Hoja survey, fila 12, columna relevant: la condición «${casos} > 10» no se puede representar (solo «${pregunta}='opción'» o «selected(${pregunta}, 'opción')» sobre una pregunta de opciones anterior); la pregunta «nivel» se muestra siempre.",
      },
    ]);
  });

  it('names the sheet, row and column of each problem in Spanish, and keeps nothing', async () => {
    const bytes = await workbook({
      survey: [
        ['type', 'name', 'label'],
        ['text', 'nombre', 'Nombre del programa'],
        ['geopoint', 'lugar', 'Ubicación'],
        ['select_one colores', 'color', 'Color'],
        ['integer', 'nombre', 'Otra vez'],
        ['text', 'sin_texto', ''],
        ['begin_group', 'g', 'Grupo'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['nivel', 'alto', ''],
      ],
    });
    expect(await readXlsForm(bytes)).toEqual({
      errors: [
        { sheet: 'survey', row: 3, column: 'type', message: 'Hoja survey, fila 3, columna type: tipo «geopoint» no admitido.' },
        { sheet: 'survey', row: 4, column: 'type', message: 'Hoja survey, fila 4, columna type: la lista «colores» no está en la hoja choices.' },
        { sheet: 'survey', row: 5, column: 'name', message: 'Hoja survey, fila 5, columna name: el nombre «nombre» se repite (como clave «nombre»).' },
        { sheet: 'survey', row: 6, column: 'label', message: 'Hoja survey, fila 6, columna label: falta el texto de la pregunta «sin_texto».' },
        { sheet: 'survey', row: 7, column: 'type', message: 'Hoja survey, fila 7, columna type: falta el «end group» de «g».' },
        { sheet: 'choices', row: 2, column: 'label', message: 'Hoja choices, fila 2, columna label: falta la etiqueta de la opción «alto».' },
      ],
    });
  });

  it('refuses a workbook without a survey sheet, or a file that is not one', async () => {
    expect(await readXlsForm(await workbook({ Hoja1: [['type', 'name', 'label']] }))).toEqual({
      errors: [{ sheet: 'survey', row: null, column: null, message: 'Hoja survey: el archivo no tiene la hoja «survey» (la de las preguntas, según XLSForm).' }],
    });
    expect(await readXlsForm(new TextEncoder().encode('type,name,label'))).toEqual({
      errors: [{ sheet: '', row: null, column: null, message: 'No se pudo leer el archivo de Excel; revise que sea un .xlsx válido (ábralo y guárdelo de nuevo).' }],
    });
  });
});
