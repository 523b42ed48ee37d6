import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@telar/domain';
import { createTestContext, type TestContext } from '../../test/test-context.js';

const seedText = readFileSync(new URL('../../../../../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url), 'utf8');

let ctx: TestContext;
let comseId: string;
let sessions: { id: string; date: string; version: number }[];
let atlas: { id: string; version: number };
const contact = { email: 'enlace.privado@example.org', phone: '5512345678' };

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.api('POST', '/imports/mechanism-report', { text: seedText, dryRun: false });
  comseId = (await ctx.api('GET', '/bodies?q=COMSE')).body.items[0].id;
  sessions = (await ctx.api('GET', '/sessions?pageSize=50')).body.items;
  atlas = (await ctx.api('GET', '/agreements')).body.items.find((a: { code: string | null }) => a.code === null);
  // A focal point with contacts: personal data that must never reach the public.
  const org = (await ctx.api('GET', '/organizations?q=REDIM')).body.items[0];
  const membership = await ctx.api('POST', '/memberships', { bodyId: comseId, organizationId: org.id, role: 'permanent_guest' });
  await ctx.api('POST', '/focal-points', { membershipId: membership.body.id, kind: 'titular', person: { name: 'Persona Enlace', ...contact }, startDate: '2023-01-01' });
});
afterAll(() => ctx.close());

describe('publication', () => {
  it('shows the public nothing until the secretariat publishes', async () => {
    expect((await ctx.anonymous('GET', '/public/sessions')).body.total).toBe(0);
    expect((await ctx.anonymous('GET', '/public/agreements')).body.total).toBe(0);
    expect((await ctx.anonymous('GET', `/public/agreements/${atlas.id}`)).status).toBe(404);
  });

  it('publishes a session and an agreement with its follow-up, and audits it', async () => {
    const session = sessions.find((s) => s.date === '2023-06-13')!;
    expect((await ctx.api('POST', `/sessions/${session.id}/publish`, { version: session.version })).status).toBe(204);
    expect((await ctx.api('POST', `/agreements/${atlas.id}/publish`, { version: atlas.version })).status).toBe(204);
    expect((await ctx.api('POST', `/agreements/${atlas.id}/publish`, { version: atlas.version })).status).toBe(409);

    const publicSessions = await ctx.anonymous('GET', '/public/sessions');
    expect(publicSessions.body.items.map((s: { id: string }) => s.id)).toEqual([session.id]);
    const publicAgreement = await ctx.anonymous('GET', `/public/agreements/${atlas.id}`);
    expect(publicAgreement.body.followUps[0].stateCodes).toHaveLength(8);
    const history = await ctx.api('GET', `/history/agreement/${atlas.id}`);
    expect(history.body.map((e: { action: string }) => e.action)).toContain('publish');
  });

  it('offers the published lists as open data in CSV and JSON', async () => {
    const csv = await ctx.anonymous('GET', '/public/open-data/agreements?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parseCsv((csv.body as string).replace(/^\uFEFF/, '').trimEnd());
    expect(rows[0]).toContain('entidades_iso_3166_2');
    expect(rows).toHaveLength(2);
    const value = (row: string[], header: string) => row[rows[0]!.indexOf(header)];
    expect(value(rows[1]!, 'entidades_iso_3166_2')).toBe('MX-CAM;MX-CMX;MX-DUR;MX-GUA;MX-JAL;MX-PUE;MX-QUE;MX-SIN');
    expect(value(rows[1]!, 'entidades')).toBe('Campeche;Ciudad de México;Durango;Guanajuato;Jalisco;Puebla;Querétaro;Sinaloa');
    // Values in Spanish, codes in their own column.
    expect([value(rows[1]!, 'estado'), value(rows[1]!, 'clave_estado')]).toEqual(['En proceso', 'in_progress']);
    const sessionRows = parseCsv(((await ctx.anonymous('GET', '/public/open-data/sessions?format=csv')).body as string).replace(/^\uFEFF/, '').trimEnd());
    expect([sessionRows[1]![sessionRows[0]!.indexOf('tipo')], sessionRows[1]![sessionRows[0]!.indexOf('clave_tipo')]]).toEqual(['Permanente', 'permanent']);
    const json = await ctx.anonymous('GET', '/public/open-data/sessions?format=json');
    expect(json.headers.get('content-disposition')).toMatch(/telar-sessions\.json/);
    expect(json.body).toHaveLength(1);
  });

  it('publishes a frozen report the public can download', async () => {
    const published = await ctx.api('POST', '/reports/mechanism/publish', { bodyId: comseId, from: '2022-11-01', to: '2023-10-31' });
    expect(published.status).toBe(201);
    const reports = await ctx.anonymous('GET', '/public/reports');
    expect(reports.body).toHaveLength(1);
    const file = await ctx.anonymous('GET', `/public/reports/${reports.body[0].id}/file?format=json`);
    expect(file.body.blocks).toHaveLength(13);
  });

  it('takes a record off the portal when it is unpublished or archived', async () => {
    const current = (await ctx.api('GET', `/agreements/${atlas.id}`)).body;
    await ctx.api('POST', `/agreements/${atlas.id}/unpublish`, { version: current.version });
    expect((await ctx.anonymous('GET', `/public/agreements/${atlas.id}`)).status).toBe(404);
    const session = (await ctx.api('GET', '/sessions?pageSize=50')).body.items.find((s: { publishedAt: string | null }) => s.publishedAt);
    await ctx.api('POST', `/sessions/${session.id}/archive`, { version: session.version });
    expect((await ctx.api('GET', '/sessions?pageSize=50')).body.total).toBe(8);
    expect((await ctx.anonymous('GET', '/public/sessions')).body.total).toBe(0);
    const archived = (await ctx.api('GET', `/sessions/${session.id}`)).body;
    await ctx.api('POST', `/sessions/${session.id}/restore`, { version: archived.version });
    expect((await ctx.api('GET', '/sessions?pageSize=50')).body.total).toBe(9);
  });

  it('never lets contacts out: not in public answers, open data, nor internal views', async () => {
    const paths = ['/public/bodies', '/public/sessions', '/public/agreements', '/public/reports', '/public/open-data/agreements?format=csv', '/public/open-data/sessions?format=json'];
    for (const path of paths) {
      const text = JSON.stringify((await ctx.anonymous('GET', path)).body);
      expect(text, path).not.toContain(contact.email);
      expect(text, path).not.toContain(contact.phone);
    }
    const internal = JSON.stringify((await ctx.api('GET', `/bodies/${comseId}`)).body);
    expect(internal).toContain('Persona Enlace');
    expect(internal).not.toContain(contact.email);
  });

  it('refuses oversized requests without reading them whole', async () => {
    const huge = await ctx.api('POST', '/organizations', { name: 'x'.repeat(6 * 1024 * 1024), sector: 'other', level: 'none' });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('Lo enviado es demasiado grande (más de 5 MB): acorte el texto o elija un archivo más pequeño.');
  });

  it('sends a strict content security policy and no stack traces', async () => {
    const response = await ctx.request('/api/public/bodies');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const broken = await ctx.api('GET', '/sessions?from=2023-02-31');
    expect(broken.status).toBe(422);
    expect(JSON.stringify(broken.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('a record is public only while its parents are', () => {
  const act = async (path: string, action: string) => {
    const { version } = (await ctx.api('GET', path)).body;
    return ctx.api('POST', `${path}/${action}`, { version });
  };
  const atlasSession = () => sessions.find((s) => s.date === '2023-06-13')!;
  const publicSession = async (id: string) => (await ctx.anonymous('GET', '/public/sessions')).body.items.find((s: { id: string }) => s.id === id);

  beforeAll(async () => {
    const session = (await ctx.api('GET', `/sessions/${atlasSession().id}`)).body;
    if (!session.publishedAt) await act(`/sessions/${session.id}`, 'publish');
    if (!(await ctx.api('GET', `/agreements/${atlas.id}`)).body.publishedAt) await act(`/agreements/${atlas.id}`, 'publish');
  });

  it('refuses to publish an agreement of an unpublished session, naming the session', async () => {
    const approving = (await ctx.api('GET', '/agreements?pageSize=50')).body.items.find((a: { code: string | null }) => a.code === 'COMSE/SO16/02/2021');
    const response = await act(`/agreements/${approving.id}`, 'publish');
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('parent_not_published');
    expect(response.body.error.message).toMatch(/sesión/);
    expect((await ctx.api('GET', `/agreements/${approving.id}`)).body.publishedAt).toBeNull();
  });

  it('counts only the published agreements of a public session', async () => {
    const draft = await ctx.api('POST', '/agreements', { sessionId: atlasSession().id, text: 'Acuerdo aún en revisión.' });
    expect(draft.status).toBe(201);
    expect((await ctx.api('GET', `/sessions/${atlasSession().id}`)).body.agreementCount).toBe(2);
    expect((await publicSession(atlasSession().id)).agreementCount).toBe(1);
    expect((await ctx.anonymous('GET', `/public/sessions/${atlasSession().id}`)).body.agreementCount).toBe(1);
    const openData = (await ctx.anonymous('GET', '/public/open-data/sessions?format=json')).body;
    expect(openData.find((s: { id: string }) => s.id === atlasSession().id).agreementCount).toBe(1);
  });

  it('takes an agreement off the portal when its session is unpublished', async () => {
    expect((await ctx.anonymous('GET', `/public/agreements/${atlas.id}`)).status).toBe(200);
    await act(`/sessions/${atlasSession().id}`, 'unpublish');
    expect((await ctx.anonymous('GET', `/public/agreements/${atlas.id}`)).status).toBe(404);
    expect((await ctx.anonymous('GET', '/public/agreements')).body.total).toBe(0);
    expect((await ctx.anonymous('GET', '/public/open-data/agreements?format=json')).body).toEqual([]);
    await act(`/sessions/${atlasSession().id}`, 'publish');
    expect((await ctx.anonymous('GET', `/public/agreements/${atlas.id}`)).status).toBe(200);
  });

  it('does not serve an archived session or its agreements, even by id', async () => {
    await act(`/sessions/${atlasSession().id}`, 'archive');
    expect((await ctx.anonymous('GET', `/public/sessions/${atlasSession().id}`)).status).toBe(404);
    expect((await ctx.anonymous('GET', `/public/agreements/${atlas.id}`)).status).toBe(404);
    expect((await ctx.anonymous('GET', '/public/agreements')).body.total).toBe(0);
    await act(`/sessions/${atlasSession().id}`, 'restore');
  });
});
