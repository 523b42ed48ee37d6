import { parseQuestionnaire, summarizeImport } from '@telar/domain';
import { AlignmentType, Document, FootnoteReferenceRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxToText } from './docx-text.js';

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });

async function buildReply(): Promise<Uint8Array> {
  const question = (text: string) => new Paragraph({ numbering: { reference: 'preguntas', level: 0 }, children: [new TextRun({ text, bold: true })] });
  const document = new Document({
    numbering: { config: [{ reference: 'preguntas', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    footnotes: { 1: { children: [new Paragraph('Acta de la Primera Sesión Ordinaria de 2024.')] } },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Respuesta al cuestionario de la Alianza 8.7', bold: true })] }),
          question('¿Cuántas sesiones celebró la Comisión?'),
          new Paragraph({ children: [new TextRun('La Comisión celebró dos sesiones'), new FootnoteReferenceRun(1), new TextRun(' en 2024.')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell('Sesión'), cell('Fecha'), cell('Acuerdos')] }),
              new TableRow({ children: [cell('Primera'), cell('12 de marzo'), cell('3')] }),
              new TableRow({ children: [cell('Segunda'), cell('3 de octubre'), cell('')] }),
            ],
          }),
          question('¿Se aprobó el protocolo?'),
          new Paragraph('☒ sí ☐ no'),
          new Paragraph({ children: [new TextRun('Se aprobó el '), new TextRun({ text: 'Protocolo Nacional', bold: true }), new TextRun('.')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('docxToText', () => {
  it('writes numbered questions, bold runs, tables, footnotes and check boxes as the importer reads them', async () => {
    const text = await docxToText(await buildReply());
    expect(text).toContain('1. **¿Cuántas sesiones celebró la Comisión?**');
    expect(text).toContain('La Comisión celebró dos sesiones¹ en 2024.\n\n¹ Acta de la Primera Sesión Ordinaria de 2024.');
    expect(text).toContain('Sesión\tFecha\tAcuerdos\nPrimera\t12 de marzo\t3\nSegunda\t3 de octubre\t\n');
    expect(text).toContain('2. **¿Se aprobó el protocolo?**');

    const result = parseQuestionnaire(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const summary = summarizeImport(result.value);
    expect(summary).toMatchObject({ title: 'Respuesta al cuestionario de la Alianza 8.7', questions: 2, answers: 2, tables: 1, footnotes: 1, warnings: [] });
    expect(summary.closed).toEqual([{ number: '2', kind: 'yes_no', options: ['sí', 'no'], marked: ['sí'] }]);
    const [first] = result.value.questions;
    expect(first!.answer.blocks[1]).toEqual({
      type: 'table',
      header: ['Sesión', 'Fecha', 'Acuerdos'],
      rows: [
        ['Primera', '12 de marzo', '3'],
        ['Segunda', '3 de octubre', ''],
      ],
    });
    expect(first!.answer.footnotes).toEqual([{ id: '1', content: [{ text: 'Acta de la Primera Sesión Ordinaria de 2024.' }] }]);
  });

  it('refuses a file that is not a .docx with a Spanish message', async () => {
    await expect(docxToText(new TextEncoder().encode('no es un zip'))).rejects.toThrow('No se pudo leer el archivo de Word');
  });
});
