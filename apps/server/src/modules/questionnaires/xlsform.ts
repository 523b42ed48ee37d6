/**
 * Reads a questionnaire template from an XLSForm workbook (the format of KoboToolbox and ODK,
 * xlsform.org): the `survey` sheet lists the questions (type, name, label, hint, required, relevant;
 * groups become sections, repeats become table questions, notes become help), the `choices` sheet the
 * options of each list. The workbook is read by the bounded reader (platform/documents/xlsx-reader.ts),
 * never by exceljs. What the template model cannot hold is an error naming the sheet, row and column;
 * what it holds only in part (a condition too complex, a calculation) is a warning, and the rest is kept.
 */
import { CLOSED_KINDS, type QuestionDefinition, type QuestionKind, type QuestionOption, type SectionDefinition, type TemplateDefinition, TemplateDefinitionSchema, YES_NO_OPTIONS } from '@telar/domain';
import { readSheets } from '../../platform/documents/xlsx-reader.js';

export interface XlsFormIssue {
  sheet: string;
  /** The sheet's row (1-based), null when the issue is the whole sheet's. */
  row: number | null;
  column: string | null;
  /** The whole sentence, place included: "Hoja survey, fila 7, columna type: tipo «geopoint» no admitido." */
  message: string;
}

export type XlsFormReading = { value: TemplateDefinition; warnings: XlsFormIssue[] } | { errors: XlsFormIssue[] };

const SURVEY = 'survey';
const CHOICES = 'choices';

/** Types that collect data about the device or the session, not a question: left out silently. */
const METADATA_TYPES = new Set(['start', 'end', 'today', 'deviceid', 'phonenumber', 'username', 'email', 'simserial', 'subscriberid', 'audit', 'start-geopoint', 'background-audio']);
const SIMPLE_KINDS: Record<string, QuestionKind> = { text: 'open', integer: 'number', decimal: 'number', date: 'date' };
const YES_NO_NAMES: Record<string, (typeof YES_NO_OPTIONS)[number]['key']> = {
  yes: 'yes',
  si: 'yes',
  sí: 'yes',
  no: 'no',
  na: 'not_applicable',
  n_a: 'not_applicable',
  not_applicable: 'not_applicable',
  no_aplica: 'not_applicable',
  dont_know: 'unknown',
  unknown: 'unknown',
  no_se: 'unknown',
  no_sé: 'unknown',
  ns: 'unknown',
};

function issue(sheet: string, row: number | null, column: string | null, message: string): XlsFormIssue {
  const place = [`Hoja ${sheet}`, row === null ? '' : `fila ${row}`, column === null ? '' : `columna ${column}`].filter((part) => part).join(', ');
  return { sheet, row, column, message: `${place}: ${message}` };
}

/** A sheet's rows as records by lower-case column name, each with its row number; the first non-empty row is the header. */
class Sheet {
  readonly columns: string[];
  readonly rows: { number: number; cells: Map<string, string> }[] = [];

  constructor(
    readonly name: string,
    table: string[][],
  ) {
    const headerIndex = table.findIndex((row) => row.some((cell) => cell.trim() !== ''));
    this.columns = (table[headerIndex] ?? []).map((cell) => cell.trim().toLowerCase());
    for (let index = headerIndex + 1; headerIndex >= 0 && index < table.length; index++) {
      const cells = new Map<string, string>();
      (table[index] ?? []).forEach((value, column) => {
        const name = this.columns[column];
        if (name && value.trim() !== '') cells.set(name, value.trim());
      });
      if (cells.size) this.rows.push({ number: index + 1, cells });
    }
  }

  has(column: string): boolean {
    return this.columns.includes(column);
  }

  /**
   * The column of a text in Spanish: `label`, else `label::Español (es)`, `label::es`… , else the
   * first translation (with a warning naming it).
   */
  textColumn(base: 'label' | 'hint' | 'guidance_hint', warnings: XlsFormIssue[]): string | null {
    const candidates = this.columns.filter((column) => column === base || column.startsWith(`${base}::`));
    const spanish = candidates.find((column) => column === base) ?? candidates.find((column) => /::\s*(?:es\b|espa[nñ]ol|spanish)|\(es\)/.test(column));
    if (spanish) return spanish;
    if (candidates[0]) warnings.push(issue(this.name, 1, candidates[0], `no hay columna en español; se usa «${candidates[0]}».`));
    return candidates[0] ?? null;
  }
}

/** An XLSForm name as a template key: lower case, letters, digits and "_" (accents dropped), at most 40 characters. */
function toKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+/, '')
    .slice(0, 40);
}

const isYes = (value: string | undefined) => ['yes', 'true', 'true()', '1', 'verdadero', 'si', 'sí'].includes((value ?? '').toLowerCase());

interface ChoiceList {
  row: number;
  choices: { name: string; label: string; row: number }[];
}

function readChoices(sheet: Sheet, errors: XlsFormIssue[], warnings: XlsFormIssue[]): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>();
  const listColumn = sheet.has('list_name') ? 'list_name' : sheet.has('list name') ? 'list name' : null;
  const label = sheet.textColumn('label', warnings);
  if (!listColumn || !sheet.has('name') || !label) {
    const missing = !listColumn ? 'list_name' : !sheet.has('name') ? 'name' : 'label';
    errors.push(issue(sheet.name, 1, missing, `falta la columna «${missing}».`));
    return lists;
  }
  for (const row of sheet.rows) {
    const listName = row.cells.get(listColumn);
    const name = row.cells.get('name');
    const text = row.cells.get(label);
    if (!listName) continue;
    if (!name) errors.push(issue(sheet.name, row.number, 'name', 'falta el nombre de la opción.'));
    else if (!text) errors.push(issue(sheet.name, row.number, label, `falta la etiqueta de la opción «${name}».`));
    else {
      const list = lists.get(listName) ?? { row: row.number, choices: [] };
      list.choices.push({ name, label: text, row: row.number });
      lists.set(listName, list);
    }
  }
  return lists;
}

/** A question being read, with what is needed to resolve later questions' conditions. */
interface ReadQuestion {
  definition: QuestionDefinition;
  row: number;
  /** Choice names (as written) → option keys, for conditions. */
  optionKeys: Map<string, string>;
}

/** Reads `${q}='x'`, `${q} = "x"`, `selected(${q}, 'x')`, or several of them joined by `or` on the same question. */
function readRelevant(expression: string): { name: string; values: string[] } | null {
  const term = /^\s*(?:\$\{([^}\s]+)\}\s*=\s*(['"])(.*?)\2|selected\(\s*\$\{([^}\s]+)\}\s*,\s*(['"])(.*?)\5\s*\))\s*$/;
  const parts = expression.split(/\s+or\s+/).map((part) => term.exec(part.replace(/^\s*\((.*)\)\s*$/, '$1')));
  if (parts.some((part) => part === null)) return null;
  const names = new Set(parts.map((part) => part![1] ?? part![4]!));
  if (names.size !== 1) return null;
  return { name: [...names][0]!, values: parts.map((part) => part![3] ?? part![6]!) };
}

/** Reads an XLSForm workbook into a template definition. */
export async function readXlsForm(bytes: Uint8Array): Promise<XlsFormReading> {
  let sheets: Map<string, string[][]>;
  try {
    sheets = await readSheets(bytes, [SURVEY, CHOICES]);
  } catch (error) {
    return { errors: [{ sheet: '', row: null, column: null, message: (error as Error).message }] };
  }
  const surveyTable = sheets.get(SURVEY);
  if (!surveyTable) return { errors: [issue(SURVEY, null, null, 'el archivo no tiene la hoja «survey» (la de las preguntas, según XLSForm).')] };
  const errors: XlsFormIssue[] = [];
  const warnings: XlsFormIssue[] = [];
  const survey = new Sheet(SURVEY, surveyTable);
  const choices = readChoices(new Sheet(CHOICES, sheets.get(CHOICES) ?? []), sheets.has(CHOICES) ? errors : [], warnings);
  const label = survey.textColumn('label', warnings);
  const missingColumns = ['type', 'name', ...(label ? [] : ['label'])].filter((column) => !survey.has(column));
  if (missingColumns.length) return { errors: sortIssues([...missingColumns.map((column) => issue(SURVEY, 1, column, `falta la columna «${column}».`)), ...errors]) };

  const hint = survey.textColumn('hint', []);
  const guidance = survey.textColumn('guidance_hint', []);
  const sections: (SectionDefinition & { row: number })[] = [];
  const questions = new Map<string, ReadQuestion>();
  const groups: { key: string; title: string; type: 'group' | 'repeat'; row: number }[] = [];
  /** The repeat being read: its fields become the table's columns. */
  let repeat: { question: ReadQuestion; fieldRows: number } | null = null;
  let pendingNotes: string[] = [];
  let sectionChanged = true;
  let questionNumber = 0;

  const currentSection = (row: number) => {
    if (sectionChanged || !sections.length) {
      const group = groups.filter((candidate) => candidate.type === 'group').at(-1);
      let key = group?.key ?? 'general';
      for (let n = 2; sections.some((section) => section.key === key); n++) key = `${group?.key ?? 'general'}_${n}`.slice(0, 40);
      sections.push({ key, title: group?.title ?? '', description: null, questions: [], row });
      sectionChanged = false;
    }
    return sections.at(-1)!;
  };

  const addQuestion = (row: { number: number; cells: Map<string, string> }, kind: QuestionKind, options: QuestionOption[], optionKeys: Map<string, string>): ReadQuestion | null => {
    const name = row.cells.get('name') ?? '';
    const key = toKey(name);
    const text = row.cells.get(label!);
    if (!name || !key) {
      errors.push(issue(SURVEY, row.number, 'name', 'falta el nombre de la pregunta.'));
      return null;
    }
    if (!text) {
      errors.push(issue(SURVEY, row.number, label!, `falta el texto de la pregunta «${name}».`));
      return null;
    }
    if (questions.has(key)) {
      errors.push(issue(SURVEY, row.number, 'name', `el nombre «${name}» se repite (como clave «${key}»).`));
      return null;
    }
    const help = [...pendingNotes, hint ? row.cells.get(hint) : undefined].filter((part): part is string => !!part).join('\n\n');
    pendingNotes = [];
    const definition: QuestionDefinition = {
      key,
      number: String(++questionNumber),
      text,
      kind,
      required: isYes(row.cells.get('required')),
      help: help || null,
      editorialNote: (guidance && row.cells.get(guidance)) || null,
      options,
      columns: [],
      condition: readCondition(row, name),
      repeat: null,
      withComment: false,
    };
    const read = { definition, row: row.number, optionKeys };
    questions.set(key, read);
    currentSection(row.number).questions.push(definition);
    return read;
  };

  const readCondition = (row: { number: number; cells: Map<string, string> }, name: string): QuestionDefinition['condition'] => {
    const expression = row.cells.get('relevant');
    if (!expression) return null;
    const simple = readRelevant(expression);
    const target = simple ? questions.get(toKey(simple.name)) : undefined;
    const keys = simple && target ? simple.values.map((value) => target.optionKeys.get(value)) : [];
    if (!simple || !target || !CLOSED_KINDS.includes(target.definition.kind) || keys.some((key) => key === undefined)) {
      warnings.push(issue(SURVEY, row.number, 'relevant', `la condición «${expression}» no se puede representar (solo «\${pregunta}='opción'» o «selected(\${pregunta}, 'opción')» sobre una pregunta de opciones anterior); la pregunta «${name}» se muestra siempre.`));
      return null;
    }
    return { questionKey: target.definition.key, anyOf: [...new Set(keys as string[])] };
  };

  for (const row of survey.rows) {
    const rawType = (row.cells.get('type') ?? '').replace(/\s+/g, ' ').trim();
    const [typeWord = '', ...typeArguments] = rawType.split(' ');
    const type = typeWord.toLowerCase().replace(/^(begin|end)_?/, (_, edge: string) => `${edge} `).trim();
    const fullType = [type, ...typeArguments].join(' ').toLowerCase();
    if (!rawType) {
      if (row.cells.get('name') || row.cells.get(label!)) errors.push(issue(SURVEY, row.number, 'type', 'falta el tipo.'));
      continue;
    }
    if (repeat && !['end repeat', 'note'].includes(fullType) && !fullType.startsWith('begin')) {
      // A repeat's fields are the table's columns.
      const name = row.cells.get('name') ?? '';
      const key = toKey(name);
      if (!key) errors.push(issue(SURVEY, row.number, 'name', 'falta el nombre del campo.'));
      else repeat.question.definition.columns.push({ key, label: row.cells.get(label!) ?? name });
      repeat.fieldRows++;
      continue;
    }
    switch (/^(?:begin|end) (?:group|repeat)$/.test(fullType) ? fullType : type) {
      case 'begin group': {
        if (repeat) {
          errors.push(issue(SURVEY, row.number, 'type', 'un grupo dentro de una repetición no se admite.'));
          break;
        }
        const name = row.cells.get('name') ?? '';
        groups.push({ key: toKey(name) || `seccion_${sections.length + 1}`, title: row.cells.get(label!) ?? name, type: 'group', row: row.number });
        sectionChanged = true;
        break;
      }
      case 'begin repeat': {
        if (repeat) {
          errors.push(issue(SURVEY, row.number, 'type', 'una repetición dentro de otra no se admite.'));
          break;
        }
        const question = addQuestion(row, 'table', [], new Map());
        if (question) repeat = { question, fieldRows: 0 };
        groups.push({ key: toKey(row.cells.get('name') ?? ''), title: '', type: 'repeat', row: row.number });
        break;
      }
      case 'end group':
      case 'end repeat': {
        const kind = fullType === 'end group' ? 'group' : 'repeat';
        const open = groups.pop();
        if (!open || open.type !== kind) {
          errors.push(issue(SURVEY, row.number, 'type', `«${rawType}» sin su «begin ${kind}».`));
          if (open) groups.push(open);
          break;
        }
        if (kind === 'repeat') {
          if (repeat && repeat.fieldRows === 0) errors.push(issue(SURVEY, open.row, 'type', 'la repetición no tiene campos.'));
          repeat = null;
        } else {
          if (pendingNotes.length) warnings.push(issue(SURVEY, row.number, 'type', 'una nota al final del grupo no precede a ninguna pregunta; se omite.'));
          pendingNotes = [];
          sectionChanged = true;
        }
        break;
      }
      case 'note': {
        const text = row.cells.get(label!);
        if (repeat) warnings.push(issue(SURVEY, row.number, 'type', 'una nota dentro de una repetición se omite.'));
        else if (text && sectionChanged && groups.some((group) => group.type === 'group')) {
          // A note opening a group describes its section.
          const section = currentSection(row.number);
          section.description = [section.description, text].filter((part) => part).join('\n\n');
        } else if (text) pendingNotes.push(text);
        break;
      }
      case 'select_one':
      case 'select_multiple': {
        const [listName, orOther] = typeArguments;
        const list = listName ? choices.get(listName) : undefined;
        if (!list) {
          errors.push(issue(SURVEY, row.number, 'type', listName ? `la lista «${listName}» no está en la hoja choices.` : `falta el nombre de la lista de opciones («${type} lista»).`));
          break;
        }
        const { kind, options, optionKeys } = readOptions(type === 'select_one' ? 'single_choice' : 'multiple_choice', list, orOther?.toLowerCase() === 'or_other', errors);
        addQuestion(row, kind, options, optionKeys);
        break;
      }
      case 'calculate':
        warnings.push(issue(SURVEY, row.number, 'type', `el cálculo «${row.cells.get('name') ?? ''}» no es una pregunta; se omite.`));
        break;
      default: {
        if (METADATA_TYPES.has(type)) break;
        const kind = SIMPLE_KINDS[type];
        if (kind) addQuestion(row, kind, [], new Map());
        else errors.push(issue(SURVEY, row.number, 'type', `tipo «${rawType}» no admitido.`));
      }
    }
  }
  for (const open of groups) errors.push(issue(SURVEY, open.row, 'type', `falta el «end ${open.type}» de «${open.key}».`));
  if (pendingNotes.length) warnings.push(issue(SURVEY, null, null, 'las notas del final no preceden a ninguna pregunta; se omiten.'));
  if (errors.length) return { errors: sortIssues(errors) };

  const definition = { sections: sections.filter((section) => section.questions.length).map(({ row: _row, ...section }) => section) };
  if (!definition.sections.length) return { errors: [issue(SURVEY, null, null, 'el formulario no tiene ninguna pregunta.')] };
  const checked = TemplateDefinitionSchema.safeParse(definition);
  if (!checked.success) {
    return {
      errors: checked.error.issues.map((problem) => {
        const [, s, , q, field] = problem.path as [string, number, string, number | undefined, string | undefined];
        const question = q === undefined ? undefined : definition.sections[s]?.questions[q];
        const row = question ? (questions.get(question.key)?.row ?? null) : null;
        return issue(SURVEY, row, field ?? null, problem.message);
      }),
    };
  }
  return { value: checked.data, warnings: sortIssues(warnings) };
}

/** A list's options; yes/no lists become yes/no questions, an `other` choice (or `or_other`) asks for a text. */
function readOptions(kind: 'single_choice' | 'multiple_choice', list: ChoiceList, orOther: boolean, errors: XlsFormIssue[]) {
  const optionKeys = new Map<string, string>();
  const yesNo = list.choices.map((choice) => YES_NO_NAMES[toKey(choice.name)]);
  if (kind === 'single_choice' && yesNo.includes('yes') && yesNo.includes('no') && yesNo.every((key) => key !== undefined) && !orOther) {
    list.choices.forEach((choice, index) => optionKeys.set(choice.name, yesNo[index]!));
    const options = YES_NO_OPTIONS.filter((option) => yesNo.includes(option.key)).map((option) => ({ key: option.key, label: option.label }));
    return { kind: 'yes_no' as const, options, optionKeys };
  }
  const options: QuestionOption[] = [];
  for (const choice of list.choices) {
    const key = toKey(choice.name);
    if (!key || options.some((option) => option.key === key)) {
      errors.push(issue(CHOICES, choice.row, 'name', key ? `la opción «${choice.name}» se repite en la lista.` : `el nombre de la opción «${choice.name}» no sirve como clave.`));
      continue;
    }
    optionKeys.set(choice.name, key);
    options.push({ key, label: choice.label, ...(key === 'other' || key === 'otro' || key === 'otros' ? { other: true } : {}) });
  }
  if (orOther && !options.some((option) => option.other)) {
    options.push({ key: 'other', label: 'Otro', other: true });
    optionKeys.set('other', 'other');
  }
  return { kind, options, optionKeys };
}

/** The survey's issues first, each sheet's by row. */
const sortIssues = (issues: XlsFormIssue[]) => [...issues].sort((a, b) => Number(a.sheet !== SURVEY) - Number(b.sheet !== SURVEY) || (a.row ?? 0) - (b.row ?? 0));
