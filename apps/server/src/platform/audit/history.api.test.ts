import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

interface Shown {
  at: string;
  who: string;
  action: string;
  fields: { field: string; label: string; before: string; after: string }[];
}

describe('a history people read', () => {
  it('shows an edited agreement in Spanish: field labels, Mexican dates, names instead of ids, states by name', async () => {
    const body = await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Secretarías Ejecutivas', acronym: 'COMSE', level: 'national' });
    const redim = await ctx.api('POST', '/organizations', { name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM', sector: 'civil_society', level: 'none' });
    const session = await ctx.api('POST', '/sessions', { bodyId: body.body.id, kind: 'ordinary', number: 21, date: '2022-12-12' });
    const agreement = await ctx.api('POST', '/agreements', {
      sessionId: session.body.id,
      text: 'Impulsar espacios libres de explotación en destinos turísticos.',
      dueDate: '2023-01-31',
    });
    expect(agreement.status).toBe(201);
    const edited = await ctx.api('PATCH', `/agreements/${agreement.body.id}`, {
      version: agreement.body.version,
      dueDate: '2023-06-30',
      status: 'in_progress',
      responsibleOrganizationIds: [redim.body.id],
      stateCodes: ['MX-JAL'],
    });
    expect(edited.status).toBe(200);

    const history = await ctx.api('GET', `/history/agreement/${agreement.body.id}`);
    expect(history.status).toBe(200);
    const [update, create] = history.body as [{ action: string; shown: Shown }, { action: string; shown: Shown }];
    expect(update.shown.action).toBe('Modificación');
    expect(update.shown.who).toContain('admin@prueba.telar.mx');
    const byField = Object.fromEntries(update.shown.fields.map((f) => [f.field, f]));
    expect(byField.dueDate).toEqual({ field: 'dueDate', label: 'Fecha de cumplimiento', before: '31 de enero de 2023', after: '30 de junio de 2023' });
    expect(byField.status).toMatchObject({ label: 'Estado', before: 'Pendiente', after: 'En proceso' });
    expect(byField.responsibleOrganizationIds).toMatchObject({ label: 'Organizaciones responsables', before: '—', after: 'Red por los Derechos de la Infancia en México (REDIM)' });
    expect(byField.stateCodes).toMatchObject({ label: 'Entidades federativas', after: 'Jalisco' });
    expect(JSON.stringify(update.shown)).not.toContain(redim.body.id);

    const sessionField = create.shown.fields.find((f) => f.field === 'sessionId');
    expect(sessionField?.after).toBe('Vigésima Primera Sesión Ordinaria (COMSE), 12 de diciembre de 2022');

    const download = await ctx.request(`/api/history/agreement/${agreement.body.id}/csv`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    const csv = await download.text();
    expect(csv).toContain('Fecha y hora (Ciudad de México),Quién,Acción,Campo,Antes,Después');
    expect(csv).toContain(`${update.shown.at},${update.shown.who},Modificación,Fecha de cumplimiento,31 de enero de 2023,30 de junio de 2023`);
    expect(csv).toContain('Red por los Derechos de la Infancia en México (REDIM)');
    expect(csv).not.toContain(redim.body.id);
  });
});
