import { describe, expect, it } from 'vitest';
import { readFirstSheet, readSheets } from './xlsx-reader.js';
import { deflatedEntry, SHEET_END, SHEET_START, workbookEntries, writeZip } from './zip.test-support.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A workbook whose first sheet is `sheetData`, with the other parts given by name. */
function workbook(sheetData: string, parts: Record<string, string> = {}) {
  const entries = workbookEntries(deflatedEntry('xl/worksheets/sheet1.xml', `${SHEET_START}${sheetData}${SHEET_END}`));
  const named = new Map(entries.map((entry) => [entry.name, entry]));
  for (const [name, content] of Object.entries(parts)) named.set(name, deflatedEntry(name, content));
  return writeZip([...named.values()]);
}

const styles = (numFmts: string, cellFormats: number[]) =>
  `<styleSheet xmlns="${MAIN}"><numFmts>${numFmts}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
  `<cellXfs>${cellFormats.map((id) => `<xf numFmtId="${id}" xfId="0"><alignment wrapText="1"/></xf>`).join('')}</cellXfs></styleSheet>`;

describe('readFirstSheet', () => {
  it('reads every kind of cell as the person sees it', async () => {
    const sharedStrings =
      `<sst xmlns="${MAIN}"><si><t>Niñas &amp; niños</t></si>` +
      '<si><r><rPr><b/></rPr><t xml:space="preserve">Línea </t></r><r><t>de acción</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>' +
      '<si><t>uno_x000D_\ndos</t></si><si/></sst>';
    const rows = await readFirstSheet(
      workbook(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>en &lt;línea&gt; &#233;&#x301;</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c>' +
          '<c r="D2" t="str"><f>A2&amp;"x"</f><v>calculado</v></c><c r="E2"><f>40+10</f><v>50</v></c><c r="F2" t="d"><v>2024-02-29T00:00:00Z</v></c></row>' +
          '<row r="4"><c r="B4" s="1"><v>45351</v></c><c r="C4" s="2"><v>45351.75</v></c><c r="D4" s="3"><v>0.30000000000000004</v></c><c r="E4" s="4"><v>12</v></c></row>' +
          // No r attributes: the row after the last, the cell after the last.
          '<row><c><v>7</v></c><c t="b"><v>0</v></c></row>',
        {
          'xl/sharedStrings.xml': sharedStrings,
          'xl/styles.xml': styles('<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;días&quot;"/>', [0, 164, 14, 2, 165]),
        },
      ),
    );
    expect(rows).toEqual([
      ['Niñas & niños', 'Línea de acción', 'uno\r\ndos'],
      ['en <línea> é\u0301', 'VERDADERO', '', 'calculado', '50', '2024-02-29'],
      [],
      ['', '2024-02-29', '2024-02-29', '0.3', '12'],
      ['7', 'FALSO'],
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const book = workbook('<row r="1"><c r="A1" s="1"><v>0</v></c></row>', {
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"></workbookPr><sheets><sheet name="P" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/styles.xml': styles('', [0, 14]),
    });
    expect(await readFirstSheet(book)).toEqual([['1904-01-01']]);
  });

  it('reads the worksheet the workbook lists first (not a chart sheet), through its relationships, with prefixed element names', async () => {
    const type = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const book = workbook('<row r="1"><c r="A1" t="inlineStr"><is><t>segunda</t></is></c></row>', {
      'xl/workbook.xml': `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${type}"><x:sheets><x:sheet name="Gráfica" sheetId="3" rel:id="rId2"/><x:sheet name="Plan" sheetId="2" rel:id="rId7"/><x:sheet name="Hoja1" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels':
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${type}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${type}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId7" Type="${type}/worksheet" Target="/xl/worksheets/plan.xml"/></Relationships>`,
      'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${MAIN}"/>`,
      'xl/worksheets/plan.xml': `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>primera</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    });
    expect(await readFirstSheet(book)).toEqual([[], ['', 'primera']]);
  });

  it('shows a merged range\'s value in each of its cells, within the table limits', async () => {
    const cells = '<row r="1"><c r="A1" t="inlineStr"><is><t>Plan A</t></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>';
    const merged = (ranges: string[]) =>
      readFirstSheet(workbook('', { 'xl/worksheets/sheet1.xml': `${SHEET_START}${cells}</sheetData><mergeCells>${ranges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells></worksheet>` }));
    expect(await merged(['A1:A3', 'C1:C2'])).toEqual([['Plan A', '1'], ['Plan A', '2'], ['Plan A']]);
    await expect(merged(['A1:A1048576'])).rejects.toThrow('La hoja tiene más de 20,000 filas con datos; divida el archivo.');
    await expect(merged(['A1:XFD1'])).rejects.toThrow('La hoja tiene datos en más de 100 columnas; quite las columnas que sobran.');
    // Valid ranges never overlap: a thousand times the whole table is refused before it is filled.
    await expect(merged(Array<string>(1_000).fill('A1:CV20000'))).rejects.toThrow(/No se pudo leer el archivo de Excel/);
  });

  it('refuses a file that is not a workbook, or has no sheet, in Spanish', async () => {
    await expect(readFirstSheet(Buffer.from('hola'))).rejects.toThrow('No se pudo leer el archivo de Excel; revise que sea un .xlsx válido (ábralo y guárdelo de nuevo).');
    await expect(readFirstSheet(writeZip([deflatedEntry('word/document.xml', '<w:document/>')]))).rejects.toThrow(/No se pudo leer el archivo de Excel/);
    await expect(readFirstSheet(workbook('', { 'xl/workbook.xml': `<workbook xmlns="${MAIN}"><sheets/></workbook>` }))).rejects.toThrow('El archivo de Excel no tiene ninguna hoja.');
    await expect(readFirstSheet(workbook('<row r="0"><c r="A0"><v>1</v></c></row>'))).rejects.toThrow(/No se pudo leer el archivo de Excel/);
  });

  it('takes time in proportion to what it reads, whatever the XML holds', async () => {
    // Whole sheet parts, none with a '>' after the trap: a pattern that backtracked would scan to the end from every '<'.
    const hostile = [
      '<c'.repeat(2_000_000),
      '<c '.repeat(1_000_000),
      `<row r="1"><c r="A1" ${'a'.repeat(4_000_000)}`,
      `<row ${'a'.repeat(4_000_000)}>`,
      `<row ${'x="1" '.repeat(500_000)}>`,
      '<t>'.repeat(1_000_000),
    ];
    const started = performance.now();
    for (const sheet of hostile) expect(await readFirstSheet(workbook('', { 'xl/worksheets/sheet1.xml': sheet }))).toEqual([]);
    // Backtracking across tags would take hours here; linear reading takes well under a second.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('readSheets', () => {
  it('reads the sheets asked for by name, whatever their case, sharing strings and styles; a missing one is absent', async () => {
    const type = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const book = workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${type}"><sheets><sheet name=" Survey " sheetId="1" r:id="rId1"/><sheet name="choices" sheetId="2" r:id="rId2"/><sheet name="settings" sheetId="3" r:id="rId3"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${type}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${type}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${type}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet2.xml': `${SHEET_START}<row r="2"><c r="B2" t="s"><v>1</v></c><c r="C2" s="1"><v>45351</v></c></row>${SHEET_END}`,
      'xl/sharedStrings.xml': `<sst xmlns="${MAIN}"><si><t>type</t></si><si><t>list_name</t></si></sst>`,
      'xl/styles.xml': styles('', [0, 14]),
    });
    const sheets = await readSheets(book, ['survey', 'CHOICES', 'settings', 'external_choices']);
    expect([...sheets]).toEqual([
      ['survey', [['type']]],
      ['CHOICES', [[], ['', 'list_name', '2024-02-29']]],
    ]);
    await expect(readSheets(Buffer.from('hola'), ['survey'])).rejects.toThrow(/No se pudo leer el archivo de Excel/);
  });
});
