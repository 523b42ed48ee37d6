import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

const seedText = readFileSync(new URL('../../../../../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url), 'utf8');
const period = 'from=2022-11-01&to=2023-10-31';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const importSeed = (dryRun: boolean, text = seedText) => ctx.api('POST', '/imports/mechanism-report', { text, dryRun });
const counts = async () => (await ctx.api('GET', '/dashboard')).body.counts;

describe('importing the participation-mechanism report (seed 000)', () => {
  it('previews without writing anything', async () => {
    const preview = await importSeed(true);
    expect(preview.status).toBe(200);
    expect(preview.body.described).toEqual({ sessions: 9, participations: 13, agreements: 2, followUps: 11, organizations: 13 });
    expect(preview.body.created).toEqual(preview.body.described);
    // The preview says which body would receive the records: here a new one, from the title.
    expect(preview.body.body).toEqual({
      id: null,
      name: 'Comisión de Secretarías Ejecutivas de Protección Integral de los Sistemas Nacional y de las Entidades Federativas',
      acronym: 'COMSE',
      isNew: true,
    });
    expect(await counts()).toMatchObject({ sessions: 0, participations: 0, agreements: 0, followUps: 0, organizations: 0, bodies: 0 });
  });

  it('refuses a body acronym that names no body (nor the document\'s), writing nothing', async () => {
    const response = await ctx.api('POST', '/imports/mechanism-report', { text: seedText, dryRun: false, bodyAcronym: 'COMSEX' });
    expect(response.status).toBe(422);
    expect(response.body.error.issues).toEqual([{ path: 'bodyAcronym', message: expect.stringContaining('No hay un órgano con las siglas «COMSEX»') }]);
    expect(await counts()).toMatchObject({ sessions: 0, organizations: 0, bodies: 0 });
  });

  it('imports every record, and a second import creates nothing new', async () => {
    const first = await importSeed(false);
    expect(first.body.created).toEqual({ sessions: 9, participations: 13, agreements: 2, followUps: 11, organizations: 13 });
    expect(first.body.body).toMatchObject({ acronym: 'COMSE', isNew: true, id: expect.any(String) });
    const second = await importSeed(false);
    expect(second.body.created).toEqual({ sessions: 0, participations: 0, agreements: 0, followUps: 0, organizations: 0 });
    expect(second.body.body).toEqual({ ...first.body.body, isNew: false });
    expect(await counts()).toEqual({ organizations: 13, bodies: 1, sessions: 9, participations: 13, agreements: 2, followUps: 11 });
  });

  it('creates the body from the title, with the acronym of the approving agreement', async () => {
    const { body } = await ctx.api('GET', '/bodies?q=COMSE');
    expect(body.items).toHaveLength(1);
    expect(body.items[0].name).toBe('Comisión de Secretarías Ejecutivas de Protección Integral de los Sistemas Nacional y de las Entidades Federativas');
  });

  it('keeps REDIM as one organisation with both participations', async () => {
    const { body } = await ctx.api('GET', '/organizations?q=REDIM');
    expect(body.total).toBe(1);
    const detail = await ctx.api('GET', `/organizations/${body.items[0].id}`);
    expect(detail.body.participations.map((p: { session: { date: string } }) => p.session.date).sort()).toEqual(['2023-05-24', '2023-09-05']);
  });

  it('records the states of the follow-ups and the approving agreement', async () => {
    const agreements = (await ctx.api('GET', '/agreements?pageSize=10')).body.items;
    const approving = agreements.find((a: { code: string | null }) => a.code === 'COMSE/SO16/02/2021');
    expect(approving.session).toMatchObject({ kind: 'ordinary', number: 16, date: '2021-06-09' });
    const atlas = agreements.find((a: { code: string | null }) => a.code === null);
    expect(atlas.text).toContain('(CITI), a fin de contribuir');
    expect(atlas.stateCodes).toHaveLength(8);
    const detail = await ctx.api('GET', `/agreements/${atlas.id}`);
    expect(detail.body.followUps[0].stateCodes).toEqual(['MX-SIN', 'MX-CMX', 'MX-QUE', 'MX-JAL', 'MX-CAM', 'MX-PUE', 'MX-GUA', 'MX-DUR']);
    const byState = await ctx.api('GET', '/agreements?stateCode=MX-DUR');
    expect(byState.body.total).toBe(1);
  });

  it('refuses a malformed document with line-numbered diagnostics and writes nothing', async () => {
    const before = await counts();
    const broken = seedText.replace('Vigésima Segunda Sesión Ordinaria, 11 de abril de 2023', 'Vigésima Segunda Sesión Ordinaria, 31 de abril de 2023');
    const response = await importSeed(false, broken);
    expect(response.status).toBe(422);
    expect(response.body.diagnostics[0].line).toBe(seedText.split('\n').findIndex((l) => l.includes('11 de abril de 2023')) + 1);
    expect(response.body.diagnostics[0].message).toMatch(/31 de abril de 2023/);
    expect(await counts()).toEqual(before);
  });
});

describe('generating the report from the data', () => {
  const comseId = async () => (await ctx.api('GET', '/bodies?q=COMSE')).body.items[0].id as string;

  it('gives the blocks of the period in the seed structure as JSON', async () => {
    const { status, body } = await ctx.api('GET', `/reports/mechanism?bodyId=${await comseId()}&${period}&format=json`);
    expect(status).toBe(200);
    expect(body.blocks).toHaveLength(13);
    expect(body.approvingAgreement.code).toBe('COMSE/SO16/02/2021');
    expect(body.blocks[0].participants).toHaveLength(4);
    expect(body.blocks[1].followUp.states).toHaveLength(14);
    expect(body.blocks[11].followUp.states).toEqual(['MX-DUR', 'MX-TAM', 'MX-NAY', 'MX-CAM', 'MX-TLA']);
    expect(body.blocks[0].evidence[0].url).toMatch(/^https:\/\/www\.gob\.mx\/sipinna/);
    const narrower = await ctx.api('GET', `/reports/mechanism?bodyId=${await comseId()}&from=2023-10-01&to=2023-10-31&format=json`);
    expect(narrower.body.blocks).toHaveLength(4);
  });

  it('keeps each participant\'s name as written while the organisation is one', async () => {
    const { body } = await ctx.api('GET', `/reports/mechanism?bodyId=${await comseId()}&${period}&format=json`);
    const participants = body.blocks.flatMap((block: { participants: string[] }) => block.participants);
    expect(participants).toContain('Red por los Derechos de la Infancia en México, A.C. (REDIM)');
    expect(participants).toContain('Red por los Derechos de la Infancia en México (REDIM)');
    expect(participants).toContain('Mexicanos Primero, A.C.');
    expect((await ctx.api('GET', '/organizations?q=REDIM')).body.total).toBe(1);
  });

  it('keeps a name as written when the participation\'s organisations are edited', async () => {
    const redim = (await ctx.api('GET', '/organizations?q=REDIM')).body.items[0];
    const participation = (await ctx.api('GET', `/organizations/${redim.id}`)).body.participations.find((p: { session: { date: string } }) => p.session.date === '2023-09-05');
    const current = (await ctx.api('GET', `/sessions/${participation.session.id}`)).body.participations.find((p: { id: string }) => p.id === participation.id);
    const other = (await ctx.api('GET', '/organizations?q=ChildFund')).body.items[0];
    const edited = await ctx.api('PATCH', `/participations/${participation.id}`, { version: current.version, organizationIds: [redim.id, other.id] });
    expect(edited.status).toBe(200);
    const { body } = await ctx.api('GET', `/reports/mechanism?bodyId=${await comseId()}&from=2023-09-01&to=2023-09-30&format=json`);
    expect(body.blocks[0].participants).toEqual(['Red por los Derechos de la Infancia en México, A.C. (REDIM)', 'ChildFund México']);
  });

  it('writes the seed\'s Word report with its own preamble and footnote, word for word, and page numbers', async () => {
    const response = await ctx.api('GET', `/reports/mechanism?bodyId=${await comseId()}&${period}&format=docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/\.docx"; filename\*=UTF-8''[^;]+\.docx$/);
    const zip = await JSZip.loadAsync(response.body);
    const textOf = async (pattern: RegExp) => {
      const names = Object.keys(zip.files).filter((name) => pattern.test(name));
      const xml = (await Promise.all(names.map((name) => zip.file(name)!.async('string')))).join('');
      return { xml, text: decodeXml(xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')) };
    };
    const document = await textOf(/^word\/document\.xml$/);
    const seedLines = seedText.split('\n');
    for (const start of ['De conformidad con el Artículo Trigésimo Cuarto', 'A partir de esa fecha']) {
      const paragraph = seedLines.find((line) => line.startsWith(start))!;
      expect(document.text.split('\n')).toContain(paragraph);
    }
    expect(document.text).toContain('(Comisión de Secretarías Ejecutivas) aprobó mediante el acuerdo COMSE/SO16/02/2021');
    expect(document.text).toContain('Red por los Derechos de la Infancia en México, A.C. (REDIM)');
    expect(document.text.match(/Acuerdo adoptado/g)).toHaveLength(13);
    const footnote = seedLines.find((line) => line.startsWith('¹ Actas'))!.slice(2).replace(/<(https:[^>]+)>$/, '$1');
    expect((await textOf(/^word\/footnotes\.xml$/)).text).toContain(footnote);
    expect(footnote).toContain('Disponibles en la página web del SIPINNA en Gob. Mx: https://www.gob.mx/sipinna/');
    expect((await textOf(/^word\/header\d*\.xml$/)).text).toContain('Telar · Comisión de Secretarías Ejecutivas');
    const footer = await textOf(/^word\/footer\d*\.xml$/);
    expect(footer.xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer.xml).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer.text).toMatch(/^Página .* de /);
  });

  it('writes the data\'s own sentences for a period no document was imported for', async () => {
    const { body } = await ctx.api('GET', `/reports/mechanism?bodyId=${await comseId()}&from=2023-10-01&to=2023-10-31&format=json`);
    expect(body.preamble).toEqual([]);
    expect(body.minutesNote).toBeNull();
    const markdown = (await ctx.api('GET', `/reports/mechanism?bodyId=${await comseId()}&from=2023-10-01&to=2023-10-31&format=md`)).body as string;
    expect(markdown).toContain('durante el periodo del 1 de octubre de 2023 al 31 de octubre de 2023:');
    expect(markdown).not.toContain('De conformidad con');
  });

  it('round-trips through Markdown into an empty database', async () => {
    const markdown = await ctx.api('GET', `/reports/mechanism?bodyId=${await comseId()}&${period}&format=md`);
    const original = await ctx.api('GET', `/reports/mechanism?bodyId=${await comseId()}&${period}&format=json`);
    const other = await createTestContext();
    try {
      const imported = await other.api('POST', '/imports/mechanism-report', { text: markdown.body, dryRun: false });
      expect(imported.status).toBe(200);
      expect(imported.body.created).toEqual({ sessions: 9, participations: 13, agreements: 2, followUps: 11, organizations: 13 });
      const otherBody = (await other.api('GET', '/bodies?q=COMSE')).body.items[0].id;
      const regenerated = await other.api('GET', `/reports/mechanism?bodyId=${otherBody}&${period}&format=json`);
      expect(regenerated.body).toEqual(original.body);
    } finally {
      await other.close();
    }
  });
});

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

describe('markup and script links in an imported document', () => {
  it('stay text: no HTML nor link in the Markdown export, which still imports back to the same records', async () => {
    const hostileText = seedText
      .replace('Presentación del Atlas de Riesgo de Trabajo Infantil', 'Presentación del Atlas <img src=x onerror=alert(1)> [ver](javascript:alert(2))')
      .replace('Medios de verificación:\tActa de la Sesión Permanente\n', 'Medios de verificación:\tActa de la Sesión Permanente; Informe <javascript:alert(1)>; Nota <data:text/html,hola>\n');
    const first = await createTestContext();
    const second = await createTestContext();
    try {
      const imported = await first.api('POST', '/imports/mechanism-report', { text: hostileText, dryRun: false });
      expect(imported.status).toBe(200);
      const addresses = imported.body.report.blocks.flatMap((b: { evidence: { url: string | null }[] }) => b.evidence.map((e) => e.url));
      expect(addresses.filter((url: string | null) => url !== null && !url.startsWith('https://'))).toEqual([]);
      expect(JSON.stringify(imported.body.report)).toContain('Informe <javascript:alert(1)>');

      const bodyId = (await first.api('GET', '/bodies?q=COMSE')).body.items[0].id;
      const markdown = (await first.api('GET', `/reports/mechanism?bodyId=${bodyId}&${period}&format=md`)).body as string;
      expect(markdown).not.toMatch(/(?<!\\)<img/);
      expect(markdown).not.toContain('](javascript:');
      expect(markdown).toContain('Presentación del Atlas \\<img src=x onerror=alert(1)\\>');

      expect((await second.api('POST', '/imports/mechanism-report', { text: markdown, dryRun: false })).status).toBe(200);
      const secondBodyId = (await second.api('GET', '/bodies?q=COMSE')).body.items[0].id;
      const json = async (c: TestContext, id: string) => (await c.api('GET', `/reports/mechanism?bodyId=${id}&${period}&format=json`)).body;
      expect(await json(second, secondBodyId)).toEqual(await json(first, bodyId));
    } finally {
      await first.close();
      await second.close();
    }
    // Two fresh databases, each importing the whole report.
  }, 120_000);
});
