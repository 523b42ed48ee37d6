import ExcelJS from 'exceljs';

/** The first sheet of a downloaded workbook, read back with exceljs: the sheet and its rows of cell values (row 1 first). */
export async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const sheet = workbook.worksheets[0]!;
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    rows[rowNumber - 1] = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  return { sheet, rows: Array.from(rows, (cells) => cells ?? []) };
}
