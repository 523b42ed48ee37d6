import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_STATUSES, PLAN_TEMPLATE_HEADERS, parseCsv, parsePlanTable, planToTable, type ActivityView, type PlanDetailView } from '@telar/domain';
import {
  ACTIVITY_EXPORT_COLUMNS,
  readTableFile,
  toActivityExportRow,
  toActivityJson,
  writePlanDocument,
  writePlanWorkbook,
} from './plan-files.js';
import { writeTableCsv, writeTableWorkbook } from '../../platform/documents/table-file.js';
import { treeNode } from '@telar/domain/test-support';
import { cellBombWorkbook, deflatedEntry, SHEET_END, SHEET_START, workbookEntries, writeZip } from '../../platform/documents/zip.test-support.js';


function buildPlan(): PlanDetailView {
  return {
    id: 'plan-1',
    name: 'Hoja de ruta de la Alianza 8.7 en México',
    shortName: 'Alianza 8.7',
    body: { id: 'body-1', name: 'Comisión Intersecretarial para la Prevención y Erradicación del Trabajo Infantil', acronym: 'CITI' },
    periodFrom: '2021-01-01',
    periodTo: '2025-12-31',
    nodeCount: 5,
    publishedAt: null,
    version: 1,
    description: 'Compromisos de México como país pionero.',
    statuses: DEFAULT_PLAN_STATUSES,
    flags: [],
    progress: 41.7,
    lateCount: 1,
    nodes: [
      treeNode('P1', { kind: 'priority', title: 'Prevención & <protección>', rolledProgress: 41.7 }, [
        treeNode(
          '2.10',
          {
            kind: 'commitment',
            title: 'Fortalecer la inspección del trabajo',
            status: 'in_progress',
            progress: 33.3,
            rolledProgress: 33.3,
            weight: 2,
            startDate: '2022-03-01',
            dueDate: '2023-12-31',
            isLate: true,
            responsibleOrganizations: [{ id: 'o1', name: 'Secretaría del Trabajo y Previsión Social', acronym: 'STPS' }],
          },
          [treeNode('2.10.a', { kind: 'next_step', title: '=Suma de esfuerzos', status: 'completed', rolledProgress: 100 })],
        ),
        treeNode('3', { kind: 'deliverable', title: 'Protocolo', dueDate: '2024-02-29', responsibleOrganizations: [{ id: 'o2', name: 'UNICEF México', acronym: null }] }),
      ]),
      treeNode('P2', { kind: 'priority', title: 'Sin avance' }),
    ],
  };
}

const nodesOf = (rows: string[][]) => {
  const result = parsePlanTable(rows);
  expect(result.issues).toEqual([]);
  return result.plan?.nodes.map(({ line, ...node }) => node);
};

const encode = (text: string) => new TextEncoder().encode(text);

describe('readTableFile', () => {
  it('reads back the plan workbook into the same nodes', async () => {
    const plan = buildPlan();
    const workbook = await writePlanWorkbook(plan);
    const rows = await readTableFile('plan.xlsx', workbook);
    // Empty cells at the end of a row are not kept.
    const trimmed = planToTable(plan).map((cells) => cells.slice(0, cells.findLastIndex((c) => c !== '') + 1));
    expect(rows).toEqual(trimmed);
    expect(nodesOf(rows)).toEqual(nodesOf(planToTable(plan)));
  });

  it('reads back the plan written as CSV, formula-safe cells included', async () => {
    const plan = buildPlan();
    const [header = [], ...body] = planToTable(plan);
    const columns = header.map((h, i) => ({ key: String(i), header: h }));
    const csv = writeTableCsv(columns, body.map((cells) => Object.fromEntries(cells.map((c, i) => [String(i), c]))));
    expect(csv).toContain(`'=Suma de esfuerzos`);
    const rows = await readTableFile('plan.csv', encode(csv));
    expect(nodesOf(rows)).toEqual(nodesOf(planToTable(plan)));
  });

  it('refuses a sheet with too many rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    for (let r = 1; r <= 20_001; r++) sheet.getCell(r, 1).value = r;
    await expect(readTableFile('plan.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))).rejects.toThrow(
      'La hoja tiene más de 20,000 filas con datos; divida el archivo.',
    );
  });

  it('refuses a zip bomb having inflated no more than the limit, whatever sizes it declares', async () => {
    for (const bomb of [cellBombWorkbook(), cellBombWorkbook(1_000)]) {
      expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
      await expect(readTableFile('plan.xlsx', bomb)).rejects.toThrow('La parte «xl/worksheets/sheet1.xml» del archivo se descomprime a más de 32 MB; divida el archivo.');
    }
  });

  it('refuses a workbook of more parts than a workbook has, before inflating any', async () => {
    const sheet = deflatedEntry('xl/worksheets/sheet1.xml', `${SHEET_START}${SHEET_END}`);
    const images = Array.from({ length: 997 }, (_, i) => deflatedEntry(`xl/media/image${i}.png`, 'x'));
    await expect(readTableFile('plan.xlsx', writeZip([...workbookEntries(sheet), ...images]))).rejects.toThrow(
      'El archivo contiene 1,002 archivos comprimidos; se admiten hasta 1,000.',
    );
  });

  it('reads only the cells: merged ranges and validations over the whole sheet build nothing', async () => {
    const sheet =
      `${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>plan</t></is></c></row></sheetData>` +
      '<mergeCells count="1"><mergeCell ref="B2:XFD1048576"/></mergeCells>' +
      '<dataValidations count="1"><dataValidation type="list" sqref="A2:XFD1048576"><formula1>"Sí,No"</formula1></dataValidation></dataValidations></worksheet>';
    expect(await readTableFile('plan.xlsx', writeZip(workbookEntries(deflatedEntry('xl/worksheets/sheet1.xml', sheet))))).toEqual([['plan']]);
  });

  it('refuses a value past the last row or column it reads, before building the rows', async () => {
    const workbookWith = (cell: string) => writeZip(workbookEntries(deflatedEntry('xl/worksheets/sheet1.xml', `${SHEET_START}${cell}${SHEET_END}`)));
    await expect(readTableFile('plan.xlsx', workbookWith('<row r="1"><c r="XFD1"><v>1</v></c></row>'))).rejects.toThrow(
      'La hoja tiene datos en más de 100 columnas; quite las columnas que sobran.',
    );
    await expect(readTableFile('plan.xlsx', workbookWith('<row r="1048576"><c r="A1048576"><v>1</v></c></row>'))).rejects.toThrow(
      'La hoja tiene más de 20,000 filas con datos; divida el archivo.',
    );
    // Cells formatted but empty are not values.
    expect(await readTableFile('plan.xlsx', workbookWith('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row><row r="1048576" s="1"/>'))).toEqual([['1']]);
  });

  it('refuses a CSV of more rows than a sheet may have', async () => {
    await expect(readTableFile('plan.csv', encode('plan\n'.repeat(20_001)))).rejects.toThrow('La hoja tiene más de 20,000 filas con datos; divida el archivo.');
  });

  it('lays the plan workbook out for editing', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writePlanWorkbook(buildPlan())) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const [plan, statuses] = workbook.worksheets;
    expect(plan?.name).toBe('Plan');
    expect(plan?.getRow(1).font?.bold).toBe(true);
    expect(plan?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(plan?.getRow(1).values).toEqual([undefined, ...PLAN_TEMPLATE_HEADERS]);
    expect(plan?.getCell('K3').value).toEqual(new Date(Date.UTC(2022, 2, 1)));
    expect(plan?.getCell('H3').value).toBe(33.3);
    expect(plan?.getColumn(6).width).toBeGreaterThan(20);
    expect(statuses?.name).toBe('Estados');
    expect(statuses?.getRow(2).values).toEqual([undefined, 'No iniciado', 'not_started', 0, 'No']);
  });

  it('reads Excel dates, numbers, rich text, formulas and hyperlinks as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Primera');
    workbook.addWorksheet('Segunda').addRow(['no se lee']);
    sheet.addRow(['fecha', 'número', 'texto', 'fórmula', 'liga']);
    sheet.addRow([
      new Date(Date.UTC(2024, 1, 29)),
      0.1 + 0.2,
      { richText: [{ text: 'Línea ' }, { font: { bold: true }, text: 'de acción' }] },
      { formula: '40+10', result: 50 },
      { text: 'UNICEF', hyperlink: 'https://www.unicef.org/mexico' },
    ]);
    sheet.addRow([]);
    sheet.addRow(['', 7]);
    const rows = await readTableFile('Plantilla.XLSX', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([['fecha', 'número', 'texto', 'fórmula', 'liga'], ['2024-02-29', '0.3', 'Línea de acción', '50', 'UNICEF'], [], ['', '7']]);
  });

  it('reads semicolon CSV with a BOM as Excel in Spanish saves it', async () => {
    const csv = '\uFEFFplan;código;tipo;título\r\nPlan A;1;Objetivo;"Uno; dos, y ""tres"""\r\nPlan A;1.1;Eje;Sub\r\n';
    expect(await readTableFile('plan.csv', encode(csv))).toEqual([
      ['plan', 'código', 'tipo', 'título'],
      ['Plan A', '1', 'Objetivo', 'Uno; dos, y "tres"'],
      ['Plan A', '1.1', 'Eje', 'Sub'],
    ]);
  });

  it('reads comma CSV, the sep= hint and Windows-1252 text', async () => {
    expect(await readTableFile('a.csv', encode('plan,título\nA,"x; y"\n'))).toEqual([['plan', 'título'], ['A', 'x; y']]);
    expect(await readTableFile('a.csv', encode('sep=;\nplan;título\nA;b,c\n'))).toEqual([['plan', 'título'], ['A', 'b,c']]);
    const latin1 = Uint8Array.from([...'código;título\n1;Niñez'].map((c) => c.charCodeAt(0)));
    expect(await readTableFile('a.csv', latin1)).toEqual([['código', 'título'], ['1', 'Niñez']]);
  });

  it('refuses corrupt workbooks and other kinds of file in Spanish', async () => {
    await expect(readTableFile('plan.xlsx', encode('esto no es un libro de Excel'))).rejects.toThrow(
      'No se pudo leer el archivo de Excel; revise que sea un .xlsx válido (ábralo y guárdelo de nuevo).',
    );
    const truncated = (await writePlanWorkbook(buildPlan())).subarray(0, 400);
    await expect(readTableFile('plan.xlsx', truncated)).rejects.toThrow(/No se pudo leer el archivo de Excel/);
    await expect(readTableFile('plan.xls', encode('x'))).rejects.toThrow(/\.xls \(Excel 97-2003\) no se admiten/);
    await expect(readTableFile('plan.pdf', encode('x'))).rejects.toThrow('Formato de archivo no admitido: suba la plantilla como .xlsx (Excel) o .csv.');
  });
});

describe('writePlanDocument', () => {
  it('writes a Word document with the tree, its details and the late nodes', async () => {
    const zip = await JSZip.loadAsync(await writePlanDocument(buildPlan()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

    expect(text[0]).toBe('Hoja de ruta de la Alianza 8.7 en México (Alianza 8.7)');
    expect(text).toContain('Periodo: del 1 de enero de 2021 al 31 de diciembre de 2025');
    expect(text).toContain('Avance general: 41.7 %');
    expect(text).toContain('P1 Prevención &amp; &lt;protección&gt;');
    expect(text).toContain('2.10 Fortalecer la inspección del trabajo');
    expect(text).toContain(
      'Compromiso · Estado: En curso · Avance: 33.3 % · Responsables: Secretaría del Trabajo y Previsión Social (STPS) · Fecha límite: 31 de diciembre de 2023 · Atrasado',
    );
    expect(text).toContain('Prioridad · Estado: sin estado · Avance: sin dato');
    // Headings follow the depth: roots, their children, grandchildren.
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?P1 Prevención/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]*?2\.10 Fortalecer/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading4"\/>[\s\S]*?2\.10\.a =Suma/);

    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)];
    expect(tables).toHaveLength(1);
    expect(tables[0]?.[0]).toContain('Fortalecer la inspección del trabajo');
    expect(tables[0]?.[0]).not.toContain('Protocolo');
  });

  it('gives every header of the late-node table room for its longest word', async () => {
    const zip = await JSZip.loadAsync(await writePlanDocument(buildPlan()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const headerRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(table)![0];
    const headers = [...headerRow.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    expect(headers).toEqual(['Código', 'Título', 'Responsables', 'Fecha límite', 'Estado', 'Avance']);
    // Arial Bold advance widths (thousandths of an em, as Helvetica-Bold's metrics) of the letters these headers use.
    const glyph: Record<string, number> = { C: 722, R: 722, A: 722, E: 667, T: 611, F: 611, m: 889, t: 333, i: 278, í: 278, l: 278 };
    const wordTwips = (word: string) => ([...word].reduce((sum, ch) => sum + (glyph[ch] ?? (/[esacv]/.test(ch) ? 556 : 611)), 0) * 11 * 20) / 1000;
    headers.forEach((header, index) => {
      const longest = Math.max(...header.split(' ').map(wordTwips));
      // The cell's left and right margins (100 twips each) come out of its width.
      expect(widths[index]! - 200, header).toBeGreaterThanOrEqual(longest);
    });
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9404);
  });

  it('copes with a plan without nodes or period', async () => {
    const zip = await JSZip.loadAsync(await writePlanDocument({ ...buildPlan(), nodes: [], periodFrom: null, periodTo: null, progress: null, description: null }));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('sin definir');
    expect(xml).toContain('El plan todavía no tiene nodos.');
    expect(xml).toContain('Ningún nodo está atrasado.');
  });
});

const activity = (fields: Partial<ActivityView> = {}): ActivityView => ({
  id: 'a1',
  body: { id: 'b1', name: 'Comisión Intersecretarial para la Prevención y Erradicación del Trabajo Infantil', acronym: 'CITI' },
  kind: 'training',
  title: 'Taller sobre trabajo infantil',
  description: null,
  startDate: '2023-05-10',
  endDate: '2023-05-12',
  datePrecision: 'day',
  audience: null,
  events: 3,
  participants: 120,
  peopleReached: null,
  reachBreakdown: [],
  leadOrganizations: [{ id: 'o1', name: 'STPS', acronym: 'STPS' }],
  partnerOrganizations: [
    { id: 'o2', name: 'OIT', acronym: null },
    { id: 'o3', name: 'UNICEF', acronym: null },
  ],
  stateCodes: ['MX-JAL', 'MX-CMX'],
  municipalities: [],
  planNodes: [
    { id: 'n1', planId: 'p1', code: '2.6', title: 'x' },
    { id: 'n2', planId: 'p1', code: 'P3', title: 'y' },
  ],
  agreements: [],
  evidence: [],
  report: null,
  isValidated: true,
  source: null,
  flags: [],
  version: 1,
  ...fields,
});

describe('activity downloads', () => {
  it('flattens an activity for tables and keeps lists in JSON', () => {
    expect(toActivityExportRow(activity())).toEqual({
      kind: 'Capacitación',
      title: 'Taller sobre trabajo infantil',
      start: '2023-05-10',
      end: '2023-05-12',
      organizations: 'STPS; OIT; UNICEF',
      states: 'Jalisco; Ciudad de México',
      stateCodes: 'MX-JAL; MX-CMX',
      events: 3,
      participants: 120,
      peopleReached: null,
      planNodes: '2.6; P3',
    });
    expect(toActivityJson(activity())).toMatchObject({ kind: 'training', organizations: ['STPS', 'OIT', 'UNICEF'], states: ['MX-JAL', 'MX-CMX'], planNodes: ['2.6', 'P3'] });
  });

  it('writes the same rows as CSV and as a workbook', async () => {
    const rows = [toActivityExportRow(activity()), toActivityExportRow(activity({ title: '=HIPERVINCULO("x")', endDate: null, events: null }))];
    const columns = [...ACTIVITY_EXPORT_COLUMNS];

    const csv = writeTableCsv(columns, rows);
    expect(csv.startsWith('\uFEFFTipo,Título,Fecha de inicio')).toBe(true);
    const parsed = parseCsv(csv.slice(1));
    expect(parsed[1]).toEqual(['Capacitación', 'Taller sobre trabajo infantil', '2023-05-10', '2023-05-12', 'STPS; OIT; UNICEF', 'Jalisco; Ciudad de México', 'MX-JAL; MX-CMX', '3', '120', '', '2.6; P3']);
    expect(parsed[2]?.[1]).toBe(`'=HIPERVINCULO("x")`);

    const bytes = await writeTableWorkbook('Actividades: 2023/2024', columns, rows);
    const read = await readTableFile('actividades.xlsx', bytes);
    expect(read[0]).toEqual(columns.map((c) => c.header));
    expect(read[1]).toEqual(parsed[1]);
    expect(read[2]?.[1]).toBe('=HIPERVINCULO("x")');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    expect(workbook.worksheets[0]?.name).toBe('Actividades  2023 2024');
    expect(workbook.worksheets[0]?.getCell('C2').value).toEqual(new Date(Date.UTC(2023, 4, 10)));
  });

  it('writes a workbook ready to read and print: named fonts, frozen header, widths, landscape fit to width, real dates and numbers', async () => {
    const rows = [toActivityExportRow(activity({ title: 'Taller '.repeat(20).trim() }))];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTableWorkbook('Actividades', [...ACTIVITY_EXPORT_COLUMNS], rows)) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').font).toMatchObject({ name: 'Calibri', bold: true });
    expect(sheet.getCell('B2').font).toMatchObject({ name: 'Calibri', size: 11 });
    expect(sheet.getCell('B2').font.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    // Each column as wide as its content (the long title capped and wrapped), none left at the default.
    const widths = sheet.columns.map((column) => column.width);
    expect(widths, JSON.stringify(widths)).toHaveLength(ACTIVITY_EXPORT_COLUMNS.length);
    expect(widths.every((width) => width !== undefined && width >= 10 && width <= 60), JSON.stringify(widths)).toBe(true);
    expect(sheet.getColumn(2).width).toBe(60);
    expect(sheet.getCell('B2').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getColumn(1).width).toBe('Capacitación'.length + 2);
    // Dates are dates, counts are numbers, states are named with their codes beside them.
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2023, 4, 12)));
    expect(sheet.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('H2').value).toBe(3);
    expect(sheet.getCell('F2').value).toBe('Jalisco; Ciudad de México');
    expect(sheet.getCell('G2').value).toBe('MX-JAL; MX-CMX');
  });
});
