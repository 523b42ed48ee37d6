import { describe, expect, it } from 'vitest';
import type { PlanDetailView, PlanTreeNode } from '../schemas/plan-views.js';
import { DEFAULT_PLAN_STATUSES, PLAN_NODE_KINDS } from '../schemas/plans.js';
import { PLAN_NODE_KIND_LABELS, PLAN_TEMPLATE_HEADERS, parsePlanTable, planToTable, type ParsedPlanNode } from './plan-template.js';
import { treeNode } from './plan-fixtures.test-support.js';

const HEADER = [...PLAN_TEMPLATE_HEADERS];
const PLAN = 'Programa Nacional de Protección de Niñas, Niños y Adolescentes';

/** A data row with the template's defaults; `fields` override cells by header. */
function row(fields: Partial<Record<(typeof PLAN_TEMPLATE_HEADERS)[number], string>>): string[] {
  const cells: Record<string, string> = { plan: PLAN, 'nombre corto': 'PRONAPINNA', tipo: 'Objetivo', título: 'Un nodo', ...fields };
  return HEADER.map((h) => cells[h] ?? '');
}


function buildPlan(): PlanDetailView {
  return {
    id: 'plan-1',
    name: PLAN,
    shortName: 'PRONAPINNA',
    body: { id: 'body-1', name: 'Comisión para poner fin al trabajo infantil', acronym: 'CITI' },
    periodFrom: '2021-01-01',
    periodTo: '2024-12-31',
    nodeCount: 6,
    publishedAt: null,
    version: 1,
    description: null,
    statuses: DEFAULT_PLAN_STATUSES,
    flags: [],
    progress: null,
    lateCount: 0,
    nodes: [
      treeNode('2', { kind: 'objective', title: 'Garantizar el derecho a la protección' }, [
        treeNode('2.6', { title: 'Erradicar el trabajo infantil; "peores formas" incluidas', status: 'in_progress', weight: 2.5, startDate: '2022-01-15', dueDate: '2024-06-30' }, [
          treeNode('2.6.1', {
            kind: 'deliverable',
            title: '-Protocolo de inspección',
            status: 'completed',
            progress: 100,
            responsibleOrganizations: [
              { id: 'o1', name: 'Secretaría del Trabajo y Previsión Social', acronym: 'STPS' },
              { id: 'o2', name: 'Save the Children México', acronym: null },
            ],
          }),
        ]),
        treeNode('2.7', { kind: 'next_step', progress: 33.3, dueDate: '2023-02-28' }),
      ]),
      treeNode('P3', { kind: 'priority', title: 'Línea con\nsalto de línea', status: 'not_achieved' }),
      treeNode('E-1.a', { kind: 'strategic_line' }),
    ],
  };
}

const issuesOf = (rows: string[][]) => {
  const result = parsePlanTable(rows);
  expect(result.plan).toBeNull();
  return result.issues;
};

describe('planToTable / parsePlanTable', () => {
  it('reads back the tree it writes, depth first', () => {
    const table = planToTable(buildPlan());
    expect(table[0]).toEqual(HEADER);
    expect(table.map((r) => r[2])).toEqual(['código', '2', '2.6', '2.6.1', '2.7', 'P3', 'E-1.a']);
    expect(table[3]).toEqual([
      PLAN,
      'PRONAPINNA',
      '2.6.1',
      '2.6',
      'Entregable',
      '-Protocolo de inspección',
      'Completado',
      '100',
      '1',
      'STPS; Save the Children México',
      '',
      '',
    ]);

    const result = parsePlanTable(table);
    expect(result.issues).toEqual([]);
    expect(result.plan?.name).toBe(PLAN);
    expect(result.plan?.shortName).toBe('PRONAPINNA');
    const expected: Omit<ParsedPlanNode, 'line'>[] = [
      { code: '2', parentCode: null, kind: 'objective', title: 'Garantizar el derecho a la protección', status: null, progress: null, weight: 1, responsible: [], startDate: null, dueDate: null },
      { code: '2.6', parentCode: '2', kind: 'action_line', title: 'Erradicar el trabajo infantil; "peores formas" incluidas', status: 'in_progress', progress: null, weight: 2.5, responsible: [], startDate: '2022-01-15', dueDate: '2024-06-30' },
      { code: '2.6.1', parentCode: '2.6', kind: 'deliverable', title: '-Protocolo de inspección', status: 'completed', progress: 100, weight: 1, responsible: ['STPS', 'Save the Children México'], startDate: null, dueDate: null },
      { code: '2.7', parentCode: '2', kind: 'next_step', title: 'Nodo 2.7', status: null, progress: 33.3, weight: 1, responsible: [], startDate: null, dueDate: '2023-02-28' },
      { code: 'P3', parentCode: null, kind: 'priority', title: 'Línea con\nsalto de línea', status: 'not_achieved', progress: null, weight: 1, responsible: [], startDate: null, dueDate: null },
      { code: 'E-1.a', parentCode: null, kind: 'strategic_line', title: 'Nodo E-1.a', status: null, progress: null, weight: 1, responsible: [], startDate: null, dueDate: null },
    ];
    expect(result.plan?.nodes.map(({ line, ...node }) => node)).toEqual(expected);
    expect(result.plan?.nodes.map((n) => n.line)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('writes a custom status by its label and reads it back with the plan statuses', () => {
    const plan = { ...buildPlan(), statuses: [{ key: 'en_revision', label: 'En revisión', progress: 25, isClosed: false }] };
    plan.nodes = [treeNode('1', { status: 'en_revision' })];
    const table = planToTable(plan);
    expect(table[1]?.[6]).toBe('En revisión');
    expect(parsePlanTable(table, plan.statuses).plan?.nodes[0]?.status).toBe('en_revision');
  });

  it('accepts labels, keys, Spanish dates, any row order and blank rows', () => {
    const header = ['PLAN', 'Nombre Corto', 'CODIGO', 'Código Superior', 'TIPO', 'titulo', 'Estado', 'Avance', 'Peso', 'Responsables', 'Fecha de Inicio', 'FECHA LIMITE'];
    const result = parsePlanTable([
      header,
      row({ código: '1.1', 'código superior': '1', tipo: 'linea de accion', estado: 'EN CURSO', avance: '50,5 %', peso: '', 'fecha de inicio': '1/2/2024', 'fecha límite': '29/02/2024', responsables: ' DIF ;; SIPINNA; DIF ' }),
      ['', '', ''],
      row({ código: '1', tipo: 'strategic_line', estado: 'planned' }),
      row({ código: '2', tipo: 'próximo PASO', 'fecha límite': '2024-12-31' }),
    ]);
    expect(result.issues).toEqual([]);
    expect(result.plan?.nodes).toEqual([
      { line: 2, code: '1.1', parentCode: '1', kind: 'action_line', title: 'Un nodo', status: 'in_progress', progress: 50.5, weight: 1, responsible: ['DIF', 'SIPINNA'], startDate: '2024-02-01', dueDate: '2024-02-29' },
      { line: 4, code: '1', parentCode: null, kind: 'strategic_line', title: 'Un nodo', status: 'planned', progress: null, weight: 1, responsible: [], startDate: null, dueDate: null },
      { line: 5, code: '2', parentCode: null, kind: 'next_step', title: 'Un nodo', status: null, progress: null, weight: 1, responsible: [], startDate: null, dueDate: '2024-12-31' },
    ]);
  });

  it('knows every kind by its Spanish label', () => {
    const rows = [HEADER, ...PLAN_NODE_KINDS.map((kind, i) => row({ código: String(i + 1), tipo: PLAN_NODE_KIND_LABELS[kind].toUpperCase() }))];
    expect(parsePlanTable(rows).plan?.nodes.map((n) => n.kind)).toEqual([...PLAN_NODE_KINDS]);
  });

  it('leaves the short name null when it is blank on every row', () => {
    const result = parsePlanTable([HEADER, row({ código: '1', 'nombre corto': '' }), row({ código: '2', 'nombre corto': ' ' })]);
    expect(result.plan?.shortName).toBeNull();
  });
});

describe('parsePlanTable problems', () => {
  it('reports an impossible date with its row and column', () => {
    expect(issuesOf([HEADER, row({ código: '1' }), row({ código: '2', 'fecha límite': '31/04/2024' })])).toEqual([
      { line: 3, field: 'fecha límite', message: 'La fecha «31/04/2024» no existe en el calendario.' },
    ]);
    expect(issuesOf([HEADER, row({ código: '1', 'fecha de inicio': 'marzo 2024' })])).toEqual([
      { line: 2, field: 'fecha de inicio', message: 'No se reconoce la fecha «marzo 2024»; escríbala como DD/MM/AAAA o AAAA-MM-DD.' },
    ]);
    expect(issuesOf([HEADER, row({ código: '1', 'fecha de inicio': '2024-05-01', 'fecha límite': '2024-04-30' })])).toEqual([
      { line: 2, field: 'fecha límite', message: 'La fecha límite es anterior a la de inicio.' },
    ]);
  });

  it('reports a parent code that no row defines', () => {
    expect(issuesOf([HEADER, row({ código: '1' }), row({ código: '1.1', 'código superior': '7' })])).toEqual([
      { line: 3, field: 'código superior', message: 'No hay ningún nodo con el código «7» en el archivo.' },
    ]);
  });

  it('reports a repeated code on the later row', () => {
    expect(issuesOf([HEADER, row({ código: '2.6' }), row({ código: '3' }), row({ código: '2.6' })])).toEqual([
      { line: 4, field: 'código', message: 'El código «2.6» ya se usó en la fila 2; cada nodo lleva un código distinto.' },
    ]);
  });

  it('reports an invalid code with the schema message', () => {
    expect(issuesOf([HEADER, row({ código: '.2' }), row({ código: '' })])).toEqual([
      { line: 2, field: 'código', message: 'Clave no válida: letras, números, punto y guion (p. ej. 2.6).' },
      { line: 3, field: 'código', message: 'Este campo es obligatorio.' },
    ]);
  });

  it('reports every row of a cycle, and a node that is its own parent', () => {
    expect(
      issuesOf([
        HEADER,
        row({ código: '1', 'código superior': '3' }),
        row({ código: '2', 'código superior': '1' }),
        row({ código: '3', 'código superior': '2' }),
        row({ código: '4', 'código superior': '3' }),
        row({ código: '5', 'código superior': '5' }),
      ]),
    ).toEqual([
      { line: 2, field: 'código superior', message: 'Los códigos superiores forman un ciclo (1 → 3 → 2 → 1); cada rama debe terminar en un nodo sin código superior.' },
      { line: 3, field: 'código superior', message: 'Los códigos superiores forman un ciclo (1 → 3 → 2 → 1); cada rama debe terminar en un nodo sin código superior.' },
      { line: 4, field: 'código superior', message: 'Los códigos superiores forman un ciclo (1 → 3 → 2 → 1); cada rama debe terminar en un nodo sin código superior.' },
      { line: 6, field: 'código superior', message: 'El nodo «5» no puede ser su propio código superior.' },
    ]);
  });

  it('reports an unknown kind and an unknown status', () => {
    expect(issuesOf([HEADER, row({ código: '1', tipo: 'Meta', estado: 'Terminado' })])).toEqual([
      {
        line: 2,
        field: 'tipo',
        message:
          'No se reconoce el tipo «Meta»; use Objetivo, Eje, Estrategia, Línea estratégica, Línea de acción, Prioridad, Compromiso, Entregable y Próximo paso.',
      },
      { line: 2, field: 'estado', message: 'No se reconoce el estado «Terminado»; use No iniciado, Previsto, En curso, Completado y No alcanzado, o déjelo vacío.' },
    ]);
  });

  it('reports progress out of range and a bad weight', () => {
    expect(issuesOf([HEADER, row({ código: '1', avance: '120', peso: '0' }), row({ código: '2', avance: 'mucho', peso: 'x' })])).toEqual([
      { line: 2, field: 'avance', message: 'El avance va de 0 a 100 (se leyó «120»).' },
      { line: 2, field: 'peso', message: 'El peso debe ser mayor que cero.' },
      { line: 3, field: 'avance', message: 'El avance es un número de 0 a 100 (se leyó «mucho»).' },
      { line: 3, field: 'peso', message: 'El peso es un número mayor que cero (se leyó «x»).' },
    ]);
  });

  it('reports rows whose plan or short name differ from the first', () => {
    expect(
      issuesOf([
        HEADER,
        row({ código: '1' }),
        row({ código: '2', plan: 'Otro plan' }),
        row({ código: '3', 'nombre corto': 'PRONA' }),
        row({ código: '4', plan: '' }),
      ]),
    ).toEqual([
      { line: 3, field: 'plan', message: `El nombre del plan no coincide con el de la fila 2 («${PLAN}»); debe ser igual en todas las filas.` },
      { line: 4, field: 'nombre corto', message: 'El nombre corto no coincide con el de la fila 2 («PRONAPINNA»); debe ser igual en todas las filas.' },
      { line: 5, field: 'plan', message: 'Este campo es obligatorio.' },
    ]);
  });

  it('names unknown columns and missing required ones, and still checks the rows', () => {
    const header = [...HEADER.filter((h) => h !== 'tipo'), 'Observaciones', 'Meta'];
    const data = row({ código: '1', título: '' }).filter((_, i) => HEADER[i] !== 'tipo');
    expect(issuesOf([header, [...data, 'x', '']])).toEqual([
      {
        line: 1,
        field: '',
        message: `No se reconocen las columnas «Observaciones» y «Meta». Las columnas de la plantilla son: ${PLAN_TEMPLATE_HEADERS.join(', ')}.`,
      },
      { line: 1, field: '', message: 'Falta la columna «tipo».' },
      { line: 2, field: 'título', message: 'Este campo es obligatorio.' },
    ]);
  });

  it('reads headers with the report labels\' tolerance: variants and marks silently, close ones with a warning', () => {
    const header = HEADER.map((h) =>
      ({ 'código superior': 'Código padre', título: 'TÍTULO¹', responsables: 'Responsable(s)', 'fecha límite': 'Fecha de término', avance: 'Avance (%)', 'fecha de inicio': 'Fecha\u00A0de  inicio' })[h as string] ?? h,
    );
    const exact = parsePlanTable([header, row({ código: '1', 'fecha de inicio': '1° de junio de 2023' })]);
    expect(exact.issues).toEqual([]);
    expect(exact.warnings).toEqual([]);
    expect(exact.plan?.nodes[0]).toMatchObject({ code: '1', title: 'Un nodo', startDate: '2023-06-01' });

    const close = parsePlanTable([HEADER.map((h) => (h === 'fecha límite' ? 'Fecha limte' : h)), row({ código: '1', 'fecha límite': '30/11/2023' })]);
    expect(close.issues).toEqual([]);
    expect(close.warnings).toEqual([{ line: 1, field: 'fecha límite', message: 'La columna «Fecha limte» no es exacta; se tomó como «fecha límite».' }]);
    expect(close.plan?.nodes[0]?.dueDate).toBe('2023-11-30');
  });

  it('refuses a header as close to two columns as to each other', () => {
    const header = HEADER.map((h) => (h === 'fecha límite' ? 'Fecha de inio' : h));
    expect(issuesOf([header, row({ código: '1' })])).toEqual([
      { line: 1, field: '', message: 'La columna «Fecha de inio» se parece por igual a «fecha de inicio» y «fecha límite»; escríbala como una de ellas.' },
    ]);
  });

  it('ignores trailing empty columns but not data without a header', () => {
    expect(parsePlanTable([[...HEADER, '', ''], [...row({ código: '1' }), '', '']]).issues).toEqual([]);
    expect(issuesOf([[...HEADER, ''], [...row({ código: '1' }), 'suelto']])).toEqual([
      { line: 1, field: '', message: 'La columna 13 tiene datos pero no tiene encabezado.' },
    ]);
  });

  it('reports an empty file and a file with only the header', () => {
    expect(issuesOf([])).toEqual([{ line: 1, field: '', message: 'El archivo está vacío; use la plantilla del plan.' }]);
    expect(issuesOf([[''], ['', ' ']])).toEqual([{ line: 1, field: '', message: 'El archivo está vacío; use la plantilla del plan.' }]);
    expect(issuesOf([HEADER, []])).toEqual([
      { line: 2, field: '', message: 'El archivo no tiene ningún nodo: escriba una fila por nodo debajo de los encabezados.' },
    ]);
  });

  it('collects every problem of the file at once', () => {
    const issues = issuesOf([
      HEADER,
      row({ código: '1', tipo: 'Meta' }),
      row({ código: '1', avance: '120' }),
      row({ código: '3', 'código superior': 'X', 'fecha límite': '31/04/2024' }),
    ]);
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'tipo'],
      [3, 'código'],
      [3, 'avance'],
      [4, 'código superior'],
      [4, 'fecha límite'],
    ]);
  });
});
