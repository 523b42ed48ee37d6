import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { emptyAnswer, type ConsolidatedReply } from '@telar/domain';
import { renderReplyDocx } from './reply.docx.js';

const SNDIF = '11111111-1111-4111-8111-111111111111';
const SSPC = '22222222-2222-4222-8222-222222222222';

const REPLY: ConsolidatedReply = {
  title: 'Informe a la comunicación conjunta JAL MEX 4/2021',
  recipient: 'Oficina de la Alta Comisionada de las Naciones Unidas para los Derechos Humanos,\nGinebra.',
  reference: 'JAL MEX 4/2021',
  date: '2021-06-02',
  place: 'Ginebra',
  coverNote: {
    blocks: [{ type: 'paragraph', content: [{ text: 'La Misión Permanente de México saluda muy atentamente a la Oficina.' }] }],
    footnotes: [],
  },
  organisations: [
    { id: SNDIF, name: 'Sistema Nacional para el Desarrollo Integral de la Familia', acronym: 'SNDIF' },
    { id: SSPC, name: 'Secretaría de Seguridad y Protección Ciudadana', acronym: 'SSPC' },
  ],
  bodyName: 'Sistema Nacional de Protección Integral',
  questions: [
    {
      number: '1',
      text: 'Por favor, proporcione cualquier información adicional.',
      kind: 'open',
      section: null,
      options: [],
      columns: [],
      contributors: ['Sistema Nacional para el Desarrollo Integral de la Familia'],
      answer: {
        ...emptyAnswer(),
        text: {
          blocks: [
            {
              type: 'paragraph',
              content: [
                { text: 'Se informó a la ' },
                { text: 'Guardia Nacional', bold: true },
                { text: ' sobre el sitio', italic: true },
                { text: '', footnote: '1' },
                { text: ' ' },
                { text: 'OMEGLE', href: 'https://www.omegle.com/' },
              ],
              sources: [SNDIF],
            },
            { type: 'list', ordered: true, items: [[{ text: 'Primera medida' }], [{ text: 'Segunda medida' }]], sources: [SSPC] },
            { type: 'table', header: ['Año', 'Denuncias'], rows: [['2020', ''], ['2021', '17']], sources: [SNDIF, SSPC] },
          ],
          footnotes: [{ id: '1', content: [{ text: 'Artículo 36 del Reglamento de la Ley de la Guardia Nacional.' }] }],
        },
      },
    },
    {
      number: '2',
      text: '¿Existe un protocolo de actuación?',
      kind: 'yes_no',
      section: null,
      options: [
        { label: 'Sí', marked: true },
        { label: 'No', marked: false },
      ],
      columns: [],
      contributors: [],
      answer: {
        ...emptyAnswer(),
        selected: ['yes'],
        // Its footnote has id "1" too: in the document it is the second.
        text: { blocks: [{ type: 'paragraph', content: [{ text: 'Publicado en 2019.' }, { text: '', footnote: '1' }] }], footnotes: [{ id: '1', content: [{ text: 'Diario Oficial de la Federación.' }] }] },
      },
    },
  ],
};

/** The text of a part, runs joined, one line per paragraph. */
const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''));

describe('renderReplyDocx', () => {
  it('writes the cover note, the questions with real footnotes, lists, tables and marks, and the annex', async () => {
    const zip = await JSZip.loadAsync(await renderReplyDocx(REPLY));
    const document = await zip.file('word/document.xml')!.async('string');
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    const footer = (await Promise.all(zip.file(/word\/footer\d*\.xml/).map((file) => file.async('string')))).join('');
    const header = (await Promise.all(zip.file(/word\/header\d*\.xml/).map((file) => file.async('string')))).join('');
    const paragraphs = paragraphsOf(document);

    // Cover note: its paragraph, place and date at the right, the recipient in bold; then the title.
    expect(paragraphs.slice(0, 5)).toEqual([
      'La Misión Permanente de México saluda muy atentamente a la Oficina.',
      'Ginebra, 2 de junio de 2021.',
      'Oficina de la Alta Comisionada de las Naciones Unidas para los Derechos Humanos,',
      'Ginebra.',
      '',
    ]);
    expect(document).toMatch(/<w:jc w:val="right"\/>[\s\S]*?Ginebra, 2 de junio de 2021/);
    expect(document).toMatch(/<w:b\/>[^]*?<w:t[^>]*>Oficina de la Alta Comisionada/);
    expect(paragraphs).toContain(REPLY.title);

    // The question in bold, its number first.
    expect(document).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">1\. Por favor, proporcione/);
    expect(paragraphs).toContain('Se informó a la Guardia Nacional sobre el sitio OMEGLE');
    expect(document).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>[\s\S]*?OMEGLE/);
    expect(await zip.file('word/_rels/document.xml.rels')!.async('string')).toContain('Target="https://www.omegle.com/"');

    // Footnotes: two answers' "1" become 1 and 2, each referenced in the body, its text in footnotes.xml.
    expect([...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((match) => match[1])).toEqual(['1', '2']);
    expect(footnotes).toMatch(/<w:footnote w:id="1">[\s\S]*Artículo 36 del Reglamento de la Ley de la Guardia Nacional\.[\s\S]*<\/w:footnote>/);
    expect(footnotes).toMatch(/<w:footnote w:id="2">[\s\S]*Diario Oficial de la Federación\./);

    // A numbered list, a table with a header row and a blank cell left blank, the closed question's marks.
    expect(paragraphs).toEqual(expect.arrayContaining(['Primera medida', 'Segunda medida', '☒ Sí', '☐ No']));
    expect(document).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>[\s\S]*?Primera medida/);
    expect(document).toMatch(/<w:tblHeader\/>[\s\S]*?Año[\s\S]*?Denuncias/);
    const tableRows = [...document.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map(([row]) => paragraphsOf(row));
    expect(tableRows).toContainEqual(['2020', '']);

    // The annex: after a page break, one row per block naming who wrote it.
    const annex = document.slice(document.lastIndexOf('<w:br w:type="page"/>'));
    expect(paragraphsOf(annex)).toEqual(expect.arrayContaining(['Aportaciones', 'Pregunta', 'Párrafo', 'Aportó']));
    const annexRows = [...annex.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => paragraphsOf(row));
    expect(annexRows).toEqual([
      ['Pregunta', 'Párrafo', 'Aportó'],
      ['1.', 'Se informó a la Guardia Nacional sobre el sitio OMEGLE', 'Sistema Nacional para el Desarrollo Integral de la Familia'],
      ['1.', '1. Primera medida 2. Segunda medida', 'Secretaría de Seguridad y Protección Ciudadana'],
      ['1.', 'Año Denuncias 2020 2021 17', 'Sistema Nacional para el Desarrollo Integral de la Familia, Secretaría de Seguridad y Protección Ciudadana'],
      ['2.', 'Publicado en 2019.', 'Coordinación'],
    ]);

    expect(header).toContain('Telar · Sistema Nacional de Protección Integral');
    expect(footer).toContain('Página ');
  });

  it('puts the reference and date under the title when there is no cover note', async () => {
    const zip = await JSZip.loadAsync(await renderReplyDocx({ ...REPLY, coverNote: null, questions: [] }));
    const paragraphs = paragraphsOf(await zip.file('word/document.xml')!.async('string'));
    expect(paragraphs.slice(0, 2)).toEqual([REPLY.title, 'Referencia: JAL MEX 4/2021 · Ginebra, 2 de junio de 2021']);
  });
});
