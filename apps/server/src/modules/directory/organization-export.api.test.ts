import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { readWorkbook } from '../../test/workbook.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  for (const organization of [
    { name: 'Sistema DIF Nuevo León', acronym: 'DIF NL', sector: 'government', level: 'state', stateCode: 'MX-NLE' },
    { name: 'Secretaría de Educación de Nuevo León', sector: 'government', level: 'state', stateCode: 'MX-NLE' },
    { name: 'Sistema DIF Oaxaca', sector: 'government', level: 'state', stateCode: 'MX-OAX' },
    { name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM', sector: 'civil_society', level: 'none' },
  ]) {
    const response = await ctx.api('POST', '/organizations', organization);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
});
afterAll(() => ctx.close());

describe('organisations download', () => {
  it('holds the organisations of the filter, with Spanish sector and level, the state by name and its codes apart', async () => {
    const response = await ctx.request('/api/organizations/export?format=xlsx&sector=government&stateCode=MX-NLE');
    expect(response.status).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''Organizaciones%20${today}.xlsx`);
    const { rows } = await readWorkbook(Buffer.from(await response.arrayBuffer()));
    expect(rows).toEqual([
      ['Nombre', 'Siglas', 'Sector', 'Ámbito u orden de gobierno', 'Entidad federativa', 'Clave de entidad (ISO 3166-2)', 'Clave de entidad (INEGI)'],
      ['Secretaría de Educación de Nuevo León', undefined, 'Gobierno', 'Estatal', 'Nuevo León', 'MX-NLE', '19'],
      ['Sistema DIF Nuevo León', 'DIF NL', 'Gobierno', 'Estatal', 'Nuevo León', 'MX-NLE', '19'],
    ]);
  });

  it('follows the list search in CSV, and is refused to an anonymous caller', async () => {
    const { status, body } = await ctx.api('GET', `/organizations/export?format=csv&q=${encodeURIComponent('infancia')}`);
    expect(status).toBe(200);
    expect(body).toContain('Red por los Derechos de la Infancia en México,REDIM,Organización de la sociedad civil,No aplica');
    expect(body).not.toContain('DIF');
    expect((await ctx.anonymous('GET', '/organizations/export?format=csv')).status).toBe(401);
  });
});
