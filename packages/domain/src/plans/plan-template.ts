/**
 * The plan template: one spreadsheet row per node, with Spanish headers. Reads a table of cells
 * (from CSV or Excel) into a plan ready to import, collecting every problem with its row and column,
 * and writes a plan back into the same table so that a download can be edited and uploaded again.
 */
import type { PlanDetailView, PlanTreeNode } from '../schemas/plan-views.js';
import { type ActivityKind, DEFAULT_PLAN_STATUSES, PLAN_NODE_KINDS, PlanNodeCodeSchema, type PlanNodeKind, type PlanStatus } from '../schemas/plans.js';
import { readSpanishDate } from '../text/dates.js';
import { createLabelMatcher } from '../text/labels.js';
import { collapseWhitespace, normalizeForMatch } from '../text/normalize.js';

/** The template's columns, in the order the template writes them. */
export const PLAN_TEMPLATE_HEADERS = [
  'plan',
  'nombre corto',
  'código',
  'código superior',
  'tipo',
  'título',
  'estado',
  'avance',
  'peso',
  'responsables',
  'fecha de inicio',
  'fecha límite',
] as const;
export type PlanTemplateHeader = (typeof PLAN_TEMPLATE_HEADERS)[number];

/** Spanish names of the activity kinds, as exports and the interface show them. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  training: 'Capacitación',
  campaign: 'Campaña',
  cooperation_agreement: 'Convenio de colaboración',
  forum: 'Foro o encuentro',
  inspection: 'Inspección',
  publication: 'Publicación',
  norm: 'Norma o reforma',
  protocol: 'Protocolo',
  contest: 'Concurso',
  meeting: 'Reunión',
  research: 'Investigación',
  service: 'Servicio o atención',
  other: 'Otra',
};

export const PLAN_NODE_KIND_LABELS: Record<PlanNodeKind, string> = {
  objective: 'Objetivo',
  axis: 'Eje',
  strategy: 'Estrategia',
  strategic_line: 'Línea estratégica',
  action_line: 'Línea de acción',
  priority: 'Prioridad',
  commitment: 'Compromiso',
  deliverable: 'Entregable',
  next_step: 'Próximo paso',
};

/** A problem in the file: `line` is the spreadsheet row (the header is row 1), `field` the column ('' for the whole row or file). */
export interface PlanTemplateIssue {
  line: number;
  field: string;
  message: string;
}

export interface ParsedPlanNode {
  /** The spreadsheet row the node came from. */
  line: number;
  code: string;
  parentCode: string | null;
  kind: PlanNodeKind;
  title: string;
  /** A status key of the plan. */
  status: string | null;
  progress: number | null;
  weight: number;
  /** Names or acronyms of the responsible organisations, as written; the server resolves them. */
  responsible: string[];
  startDate: string | null;
  dueDate: string | null;
}

export interface ParsedPlan {
  name: string;
  shortName: string | null;
  /** In file order. */
  nodes: ParsedPlanNode[];
}

/** `warnings`: what was accepted but is worth a look (a column header taken for the closest one). */
export type PlanTableResult = ({ plan: ParsedPlan; issues: [] } | { plan: null; issues: PlanTemplateIssue[] }) & { warnings: PlanTemplateIssue[] };

/** Columns a row cannot do without; the others may be left out of the file. */
const REQUIRED_HEADERS: readonly PlanTemplateHeader[] = ['plan', 'código', 'tipo', 'título'];
const NAME_MAX = 400;
const SHORT_NAME_MAX = 80;
const TITLE_MAX = 2000;
const WEIGHT_MAX = 1000;
const RESPONSIBLE_MAX = 200;

const KINDS_BY_TEXT = new Map<string, PlanNodeKind>(
  PLAN_NODE_KINDS.flatMap((kind) => [
    [normalizeForMatch(PLAN_NODE_KIND_LABELS[kind]), kind],
    [normalizeForMatch(kind), kind],
    [normalizeForMatch(kind.replaceAll('_', ' ')), kind],
  ]),
);
/**
 * The header dictionary: each column with the wordings other templates use. Headers are compared as
 * the mechanism report's labels are (text/labels.ts): accents, case, "(s)", footnote marks and
 * spacing do not count; a close header is taken with a warning, one as close to two columns is an error.
 */
const HEADER_LABELS: Record<PlanTemplateHeader, readonly string[]> = {
  plan: ['plan', 'nombre del plan'],
  'nombre corto': ['nombre corto', 'siglas del plan'],
  código: ['código', 'clave'],
  'código superior': ['código superior', 'código padre', 'clave superior'],
  tipo: ['tipo', 'tipo de nodo'],
  título: ['título', 'nombre del nodo'],
  estado: ['estado', 'estatus'],
  avance: ['avance', 'avance (%)', 'porcentaje de avance'],
  peso: ['peso', 'ponderación'],
  responsables: ['responsables', 'responsable', 'instituciones responsables'],
  'fecha de inicio': ['fecha de inicio', 'inicio'],
  'fecha límite': ['fecha límite', 'fecha de término', 'fecha de fin'],
};
const HEADERS = createLabelMatcher(HEADER_LABELS);

const quote = (text: string) => `«${text}»`;
const listInSpanish = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;

/**
 * A cell as typed: trimmed, and without the apostrophe that CSV exports put before text a
 * spreadsheet would otherwise run as a formula ("'-" → "-").
 */
function cleanCell(cell: string | undefined): string {
  const text = (cell ?? '').trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

const isBlankRow = (row: readonly string[] | undefined) => !row || row.every((cell) => cleanCell(cell) === '');

/** Reads a number written with a decimal point or comma, optionally followed by "%"; NaN when it is not one. */
function readNumber(text: string): number {
  const plain = text.replace(/\s*%$/, '').replace(',', '.');
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : Number.NaN;
}

type DateReading = { date: string | null } | { error: string };

/** A real day of the calendar, in the one Spanish date grammar (DD/MM/AAAA, AAAA-MM-DD or words). */
function readDate(text: string): DateReading {
  if (text === '') return { date: null };
  const reading = readSpanishDate(text);
  if ('date' in reading) return reading;
  if (reading.problem === 'impossible') return { error: `La fecha ${quote(text)} no existe en el calendario.` };
  return { error: `No se reconoce la fecha ${quote(text)}; escríbala como DD/MM/AAAA o AAAA-MM-DD.` };
}

function findStatus(text: string, statuses: readonly PlanStatus[]): PlanStatus | undefined {
  const wanted = normalizeForMatch(text);
  return statuses.find((s) => normalizeForMatch(s.label) === wanted) ?? statuses.find((s) => normalizeForMatch(s.key) === wanted);
}

/**
 * Reads the plan template. `rows[0]` is the header row (blank rows before it are skipped); blank
 * rows are ignored. Every problem is reported, each with its spreadsheet row and column. Statuses
 * are matched by label or key against `statuses` (the plan's own, when it has its own).
 */
export function parsePlanTable(rows: readonly (readonly string[])[], statuses: readonly PlanStatus[] = DEFAULT_PLAN_STATUSES): PlanTableResult {
  const issues: PlanTemplateIssue[] = [];
  const headerIndex = rows.findIndex((row) => !isBlankRow(row));
  const header = rows[headerIndex];
  if (headerIndex < 0 || !header) {
    return { plan: null, issues: [{ line: 1, field: '', message: 'El archivo está vacío; use la plantilla del plan.' }], warnings: [] };
  }
  const headerLine = headerIndex + 1;

  // Which column holds each header.
  const columns = new Map<PlanTemplateHeader, number>();
  const warnings: PlanTemplateIssue[] = [];
  const unknown: string[] = [];
  const unnamed: number[] = [];
  header.forEach((cell, column) => {
    const text = cleanCell(cell);
    if (text === '') {
      // Spreadsheets often carry empty columns past the last header; only one holding data is a problem.
      if (rows.slice(headerIndex + 1).some((row) => cleanCell(row[column]) !== '')) unnamed.push(column + 1);
      return;
    }
    const match = HEADERS.match(text);
    if (match.kind === 'ambiguous') {
      issues.push({ line: headerLine, field: '', message: `La columna ${quote(collapseWhitespace(text))} se parece por igual a ${listInSpanish(match.labels.map(quote))}; escríbala como una de ellas.` });
      return;
    }
    const known = match.kind === 'exact' || match.kind === 'close' ? match.field : undefined;
    if (match.kind === 'close') {
      warnings.push({ line: headerLine, field: match.field, message: `La columna ${quote(collapseWhitespace(text))} no es exacta; se tomó como ${quote(match.field)}.` });
    }
    if (!known) unknown.push(quote(collapseWhitespace(text)));
    else if (columns.has(known)) issues.push({ line: headerLine, field: known, message: `La columna ${quote(known)} aparece más de una vez.` });
    else columns.set(known, column);
  });
  if (unknown.length) {
    issues.push({
      line: headerLine,
      field: '',
      message:
        `${unknown.length === 1 ? 'No se reconoce la columna' : 'No se reconocen las columnas'} ${listInSpanish(unknown)}. ` +
        `Las columnas de la plantilla son: ${PLAN_TEMPLATE_HEADERS.join(', ')}.`,
    });
  }
  for (const column of unnamed) {
    issues.push({ line: headerLine, field: '', message: `La columna ${column} tiene datos pero no tiene encabezado.` });
  }
  const missing = REQUIRED_HEADERS.filter((h) => !columns.has(h));
  if (missing.length) {
    issues.push({
      line: headerLine,
      field: '',
      message: `${missing.length === 1 ? 'Falta la columna' : 'Faltan las columnas'} ${listInSpanish(missing.map(quote))}.`,
    });
  }

  const nodes: ParsedPlanNode[] = [];
  let plan: { name: string; shortName: string; line: number } | null = null;
  const codeLines = new Map<string, number>();

  for (let index = headerIndex + 1; index < rows.length; index++) {
    const row = rows[index];
    if (!row || isBlankRow(row)) continue;
    const line = index + 1;
    const has = (field: PlanTemplateHeader) => columns.has(field);
    const cell = (field: PlanTemplateHeader) => {
      const column = columns.get(field);
      return column === undefined ? '' : cleanCell(row[column]);
    };
    const issue = (field: PlanTemplateHeader | '', message: string) => issues.push({ line, field, message });
    const required = (field: PlanTemplateHeader, max: number): string => {
      const text = cell(field);
      if (!has(field)) return text;
      if (text === '') issue(field, 'Este campo es obligatorio.');
      else if (text.length > max) issue(field, `Máximo ${max} caracteres.`);
      return text;
    };

    // The plan's name and short name repeat on every row and must agree.
    const name = collapseWhitespace(required('plan', NAME_MAX));
    const shortName = collapseWhitespace(cell('nombre corto'));
    if (shortName.length > SHORT_NAME_MAX) issue('nombre corto', `Máximo ${SHORT_NAME_MAX} caracteres.`);
    if (!plan) {
      if (name !== '') plan = { name, shortName, line };
    } else {
      if (name !== '' && name !== plan.name) {
        issue('plan', `El nombre del plan no coincide con el de la fila ${plan.line} (${quote(plan.name)}); debe ser igual en todas las filas.`);
      }
      if (shortName !== plan.shortName) {
        issue(
          'nombre corto',
          plan.shortName === ''
            ? `En la fila ${plan.line} el nombre corto está vacío; debe ser igual en todas las filas.`
            : `El nombre corto no coincide con el de la fila ${plan.line} (${quote(plan.shortName)}); debe ser igual en todas las filas.`,
        );
      }
    }

    const code = cell('código');
    if (has('código')) {
      const checked = PlanNodeCodeSchema.safeParse(code);
      if (!checked.success) issue('código', checked.error.issues[0]?.message ?? 'Clave no válida.');
      else if (codeLines.has(code)) issue('código', `El código ${quote(code)} ya se usó en la fila ${codeLines.get(code)}; cada nodo lleva un código distinto.`);
      else codeLines.set(code, line);
    }

    const kindText = cell('tipo');
    const kind = KINDS_BY_TEXT.get(normalizeForMatch(kindText));
    if (has('tipo') && !kind) {
      issue(
        'tipo',
        kindText === ''
          ? 'Este campo es obligatorio.'
          : `No se reconoce el tipo ${quote(kindText)}; use ${listInSpanish(PLAN_NODE_KINDS.map((k) => PLAN_NODE_KIND_LABELS[k]))}.`,
      );
    }

    const title = required('título', TITLE_MAX);

    const statusText = cell('estado');
    const status = statusText === '' ? null : findStatus(statusText, statuses);
    if (statusText !== '' && !status) {
      issue('estado', `No se reconoce el estado ${quote(statusText)}; use ${listInSpanish(statuses.map((s) => s.label))}, o déjelo vacío.`);
    }

    const progressText = cell('avance');
    const progress = progressText === '' ? null : readNumber(progressText);
    if (progress !== null && Number.isNaN(progress)) issue('avance', `El avance es un número de 0 a 100 (se leyó ${quote(progressText)}).`);
    else if (progress !== null && (progress < 0 || progress > 100)) issue('avance', `El avance va de 0 a 100 (se leyó ${quote(progressText)}).`);

    const weightText = cell('peso');
    const weight = weightText === '' ? 1 : readNumber(weightText);
    if (Number.isNaN(weight)) issue('peso', `El peso es un número mayor que cero (se leyó ${quote(weightText)}).`);
    else if (weight <= 0) issue('peso', 'El peso debe ser mayor que cero.');
    else if (weight > WEIGHT_MAX) issue('peso', `El peso no puede pasar de ${WEIGHT_MAX}.`);

    const responsible = [
      ...new Set(
        cell('responsables')
          .split(';')
          .map((text) => collapseWhitespace(text))
          .filter((text) => text !== ''),
      ),
    ];
    const tooLong = responsible.find((text) => text.length > RESPONSIBLE_MAX);
    if (tooLong) issue('responsables', `El responsable ${quote(tooLong.slice(0, 40))}… pasa de ${RESPONSIBLE_MAX} caracteres; separe los responsables con «;».`);

    const start = readDate(cell('fecha de inicio'));
    const due = readDate(cell('fecha límite'));
    if ('error' in start) issue('fecha de inicio', start.error);
    if ('error' in due) issue('fecha límite', due.error);
    const startDate = 'date' in start ? start.date : null;
    const dueDate = 'date' in due ? due.date : null;
    if (startDate && dueDate && dueDate < startDate) issue('fecha límite', 'La fecha límite es anterior a la de inicio.');

    nodes.push({
      line,
      code,
      parentCode: cell('código superior') || null,
      kind: kind ?? 'objective',
      title,
      status: status?.key ?? null,
      progress: Number.isNaN(progress) ? null : progress,
      weight: Number.isNaN(weight) ? 1 : weight,
      responsible,
      startDate,
      dueDate,
    });
  }

  if (nodes.length === 0) {
    issues.push({ line: headerLine + 1, field: '', message: 'El archivo no tiene ningún nodo: escriba una fila por nodo debajo de los encabezados.' });
  }
  issues.push(...checkParents(nodes, codeLines));

  if (issues.length > 0 || !plan) {
    const order = (field: string) => (field === '' ? -1 : PLAN_TEMPLATE_HEADERS.indexOf(field as PlanTemplateHeader));
    issues.sort((a, b) => a.line - b.line || order(a.field) - order(b.field));
    return { plan: null, issues, warnings };
  }
  return { plan: { name: plan.name, shortName: plan.shortName || null, nodes }, issues: [], warnings };
}

/** Each parent code must name a node of the file, and following parents must never lead back to a node. */
function checkParents(nodes: ParsedPlanNode[], codeLines: Map<string, number>): PlanTemplateIssue[] {
  const issues: PlanTemplateIssue[] = [];
  const parentOf = new Map<string, string | null>();
  for (const node of nodes) {
    if (codeLines.get(node.code) === node.line) parentOf.set(node.code, node.parentCode);
  }
  for (const node of nodes) {
    if (node.parentCode !== null && !codeLines.has(node.parentCode)) {
      issues.push({
        line: node.line,
        field: 'código superior',
        message: `No hay ningún nodo con el código ${quote(node.parentCode)} en el archivo.`,
      });
    }
  }

  // Walks up from every node; a walk that meets a code it already passed has found a cycle.
  const settled = new Set<string>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let code: string | null | undefined = start;
    while (code && parentOf.has(code) && !settled.has(code)) {
      if (onPath.has(code)) {
        const cycle = path.slice(path.indexOf(code));
        const chain = [...cycle, code].join(' → ');
        for (const member of cycle) {
          issues.push({
            line: codeLines.get(member) ?? 0,
            field: 'código superior',
            message:
              cycle.length === 1
                ? `El nodo ${quote(member)} no puede ser su propio código superior.`
                : `Los códigos superiores forman un ciclo (${chain}); cada rama debe terminar en un nodo sin código superior.`,
          });
        }
        break;
      }
      onPath.add(code);
      path.push(code);
      code = parentOf.get(code);
    }
    for (const visited of path) settled.add(visited);
  }
  return issues;
}

/**
 * The plan as the template's table: the header row, then one row per node depth first (a parent
 * before its children). Responsibles are written by acronym when they have one; dates are ISO.
 */
export function planToTable(plan: PlanDetailView): string[][] {
  const rows: string[][] = [[...PLAN_TEMPLATE_HEADERS]];
  const statusLabel = (key: string | null) => (key === null ? '' : (plan.statuses.find((s) => s.key === key)?.label ?? key));
  const visit = (node: PlanTreeNode, parentCode: string | null) => {
    rows.push([
      plan.name,
      plan.shortName ?? '',
      node.code,
      parentCode ?? '',
      PLAN_NODE_KIND_LABELS[node.kind],
      node.title,
      statusLabel(node.status),
      node.progress === null ? '' : String(node.progress),
      String(node.weight),
      node.responsibleOrganizations.map((o) => o.acronym ?? o.name).join('; '),
      node.startDate ?? '',
      node.dueDate ?? '',
    ]);
    for (const child of node.children) visit(child, node.code);
  };
  for (const root of plan.nodes) visit(root, null);
  return rows;
}
