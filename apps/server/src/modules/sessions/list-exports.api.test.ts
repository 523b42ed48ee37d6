import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@telar/domain';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { readWorkbook } from '../../test/workbook.js';

let ctx: TestContext;
const ids: Record<string, string> = {};
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());

beforeAll(async () => {
  ctx = await createTestContext();
  const body = await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión para Poner Fin a la Violencia', acronym: 'COMPREVNNA', level: 'national' });
  const other = await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Secretarías Ejecutivas', acronym: 'COMSE', level: 'national' });
  const redim = await ctx.api('POST', '/organizations', { name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM', sector: 'civil_society', level: 'none' });
  const session = await ctx.api('POST', '/sessions', { bodyId: body.body.id, kind: 'ordinary', number: 24, date: '2020-02-10', modality: 'virtual' });
  const otherSession = await ctx.api('POST', '/sessions', { bodyId: other.body.id, kind: 'extraordinary', number: 2, date: '2021-05-03' });
  ids.body = body.body.id;
  const add = async (key: string, fields: object) => {
    const response = await ctx.api('POST', '/agreements', { sessionId: session.body.id, text: `Acuerdo ${key}`, ...fields });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    ids[key] = response.body.id;
  };
  await add('vencido en Jalisco', { dueDate: '2020-06-30', stateCodes: ['MX-JAL'], responsibleOrganizationIds: [redim.body.id] });
  await add('vencido en Oaxaca', { dueDate: '2020-07-30', stateCodes: ['MX-OAX'], status: 'in_progress' });
  await add('cumplido en Jalisco', { dueDate: '2020-06-30', stateCodes: ['MX-JAL'], status: 'fulfilled' });
  await add('archivado', { dueDate: '2020-06-30', stateCodes: ['MX-JAL'] });
  const archived = await ctx.api('POST', `/agreements/${ids.archivado}/archive`, { version: 1 });
  expect(archived.status).toBe(204);
  await ctx.api('POST', '/agreements', { sessionId: otherSession.body.id, text: 'Acuerdo de otra comisión' });
});
afterAll(() => ctx.close());

describe('agreements download', () => {
  it('holds exactly the rows of the filtered list, all of its pages, in Spanish, with real dates and state names', async () => {
    const list = await ctx.api('GET', '/agreements?isOverdue=true&stateCode=MX-JAL&pageSize=1');
    const response = await ctx.request('/api/agreements/export?format=xlsx&isOverdue=true&stateCode=MX-JAL');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const { sheet, rows } = await readWorkbook(Buffer.from(await response.arrayBuffer()));
    const [header, ...data] = rows;
    expect(data).toHaveLength(list.body.total);
    expect(header).toEqual([
      'Clave', 'Órgano', 'Sesión', 'Fecha de la sesión', 'Texto', 'Organizaciones responsables', 'Entidades federativas',
      'Claves de entidad (ISO 3166-2)', 'Fecha de cumplimiento', 'Estado', 'Publicado el',
    ]);
    const row = Object.fromEntries(header!.map((name, index) => [String(name), data[0]![index]]));
    expect(row).toMatchObject({
      'Órgano': 'Comisión para Poner Fin a la Violencia',
      'Sesión': 'Vigésima Cuarta Sesión Ordinaria',
      'Texto': 'Acuerdo vencido en Jalisco',
      'Organizaciones responsables': 'Red por los Derechos de la Infancia en México',
      'Entidades federativas': 'Jalisco',
      'Claves de entidad (ISO 3166-2)': 'MX-JAL',
      'Estado': 'Pendiente',
      'Fecha de cumplimiento': new Date(Date.UTC(2020, 5, 30)),
      'Fecha de la sesión': new Date(Date.UTC(2020, 1, 10)),
    });
    // The house style: named font, frozen header, landscape fitted to the width.
    expect(sheet.getCell('B2').font?.name).toBe('Calibri');
    expect(sheet.getCell('A1').font).toMatchObject({ name: 'Calibri', bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });

  it('leaves out what the list leaves out (archived, other filters) and keeps accents in the file name', async () => {
    const response = await ctx.request('/api/agreements/export?format=csv&isOverdue=true');
    expect(response.status).toBe(200);
    const [header, ...data] = parseCsv((await response.text()).replace(/^\uFEFF/, ''), ',');
    const text = header!.indexOf('Texto');
    expect(data.map((cells) => cells[text]).sort()).toEqual(['Acuerdo vencido en Jalisco', 'Acuerdo vencido en Oaxaca']);
    expect(data.map((cells) => cells[header!.indexOf('Estado')]).sort()).toEqual(['En proceso', 'Pendiente']);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Acuerdos ${today}.csv"; filename*=UTF-8''Acuerdos%20${today}.csv`,
    );
  });

  it('is given to a reader, as the list is, and refused to an anonymous caller before the filters are read', async () => {
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const asReader = await reader('GET', '/agreements/export?format=csv&status=fulfilled');
    expect(asReader.status).toBe(200);
    expect(asReader.body).toContain('Acuerdo cumplido en Jalisco');
    expect(asReader.body).not.toContain('Acuerdo vencido');
    const anonymous = await ctx.anonymous('GET', '/agreements/export?format=pdf&status=nada');
    expect(anonymous.status).toBe(401);
  });

  it('names a filter it cannot read', async () => {
    const { status, body } = await ctx.api('GET', '/agreements/export?format=xlsx&stateCode=Jalisco');
    expect(status).toBe(422);
    expect(body.error.issues[0].path).toBe('stateCode');
  });
});

describe('sessions download', () => {
  it('holds the sessions of the filter with their titles, kinds and modalities in Spanish', async () => {
    const response = await ctx.request(`/api/sessions/export?format=xlsx&bodyId=${ids.body}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''Sesiones%20${today}.xlsx`);
    const { rows } = await readWorkbook(Buffer.from(await response.arrayBuffer()));
    expect(rows[0]).toEqual(['Órgano', 'Siglas del órgano', 'Sesión', 'Tipo', 'Número', 'Fecha', 'Modalidad', 'Participaciones', 'Acuerdos', 'Publicada el']);
    // Not published: its last cell is empty.
    expect(rows.slice(1)).toEqual([
      ['Comisión para Poner Fin a la Violencia', 'COMPREVNNA', 'Vigésima Cuarta Sesión Ordinaria', 'Ordinaria', 24, new Date(Date.UTC(2020, 1, 10)), 'Virtual', 0, 3],
    ]);
  });

  it('is refused to an anonymous caller', async () => {
    expect((await ctx.anonymous('GET', '/sessions/export')).status).toBe(401);
  });
});
