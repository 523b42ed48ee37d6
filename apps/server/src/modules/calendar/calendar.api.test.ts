import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const ids: Record<string, string> = {};
/** Days from today (Mexico City), as yyyy-mm-dd: the feed holds six months back and eighteen ahead. */
const inDays = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  ctx = await createTestContext();
  const post = async (path: string, body: object) => {
    const response = await ctx.api('POST', path, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };
  ids.body = await post('/bodies', { kind: 'commission', name: 'Comisión de Primera Infancia', acronym: 'COPI', level: 'national' });
  ids.other = await post('/bodies', { kind: 'commission', name: 'Comisión Ajena', acronym: 'COAJ', level: 'national' });
  ids.redim = await post('/organizations', { name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM', sector: 'civil_society', level: 'none' });
  await post('/memberships', { bodyId: ids.body, organizationId: ids.redim, role: 'member' });
  ids.session = await post('/sessions', { bodyId: ids.body, kind: 'ordinary', number: 7, date: inDays(20) });
  ids.otherSession = await post('/sessions', { bodyId: ids.other, kind: 'extraordinary', number: 2, date: inDays(25) });
  ids.agreement = await post('/agreements', { sessionId: ids.session, code: 'COPI/SO07/01', text: 'Enviar el diagnóstico; con cifras, por estado', dueDate: inDays(40), responsibleOrganizationIds: [ids.redim] });
  await post('/agreements', { sessionId: ids.otherSession, text: 'Acuerdo de otra comisión', dueDate: inDays(45) });
});
afterAll(() => ctx.close());

const feedPath = (url: string) => new URL(url).pathname.replace(/^\/api/, '');

describe('a private calendar feed', () => {
  it("holds an enlace's bodies' sessions and their organisation's deadlines, and nothing of other bodies", async () => {
    const enlace = await ctx.signInAs([{ role: 'enlace', organizationId: ids.redim }]);
    expect((await enlace('GET', '/me/calendar')).body).toEqual({ isActive: false, createdAt: null });
    const created = await enlace('POST', '/me/calendar');
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^https?:\/\/[^/]+\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    expect((await enlace('GET', '/me/calendar')).body.isActive).toBe(true);

    const feed = await ctx.anonymous('GET', feedPath(created.body.url));
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = feed.body as string;
    expect(text).toContain(`UID:session-${ids.session}@telar`);
    expect(text).toContain('SUMMARY:Séptima Sesión Ordinaria · COPI');
    expect(text).toContain(`DTSTART;VALUE=DATE:${inDays(20).replaceAll('-', '')}`);
    expect(text).toContain('SUMMARY:Vence: Acuerdo COPI/SO07/01 · COPI');
    expect(text).toContain('DESCRIPTION:Enviar el diagnóstico\\; con cifras\\, por estado');
    expect(text).toContain(`/acuerdos/${ids.agreement}`);
    expect(text).not.toContain('COAJ');
    expect(text).not.toContain('Acuerdo de otra comisión');
  });

  it("holds a secretariat's own bodies, and the address changes and can be revoked", async () => {
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.other }]);
    const first = (await secretariat('POST', '/me/calendar')).body.url as string;
    const text = (await ctx.anonymous('GET', feedPath(first))).body as string;
    expect(text).toContain('SUMMARY:Segunda Sesión Extraordinaria · COAJ');
    expect(text).toContain('Acuerdo de otra comisión');
    expect(text).not.toContain('COPI');

    const second = (await secretariat('POST', '/me/calendar')).body.url as string;
    expect(second).not.toBe(first);
    expect((await ctx.anonymous('GET', feedPath(first))).status).toBe(404);
    expect((await ctx.anonymous('GET', feedPath(second))).status).toBe(200);
    expect((await secretariat('DELETE', '/me/calendar')).status).toBe(204);
    expect((await ctx.anonymous('GET', feedPath(second))).status).toBe(404);
    expect((await secretariat('DELETE', '/me/calendar')).status).toBe(404);
  });

  it('stops answering once the account is deactivated, and refuses a malformed address', async () => {
    const person = await ctx.signInAs([{ role: 'enlace', organizationId: ids.redim }]);
    const url = (await person('POST', '/me/calendar')).body.url as string;
    expect((await ctx.anonymous('GET', feedPath(url))).status).toBe(200);
    const { id } = (await person('GET', '/auth/me')).body;
    const { version } = (await ctx.api('GET', `/users/${id}`)).body;
    expect((await ctx.api('POST', `/users/${id}/deactivate`, { version })).status).toBe(204);
    expect((await ctx.anonymous('GET', feedPath(url))).status).toBe(404);
    const malformed = await ctx.anonymous('GET', '/calendar/corto');
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.issues[0].path).toBe('token');
  });
});

describe("a session's .ics", () => {
  it('downloads the session as an all-day event for a signed-in person, not for anonymous callers', async () => {
    const file = await ctx.api('GET', `/sessions/${ids.session}/ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('.ics');
    expect(file.body).toContain('BEGIN:VEVENT');
    expect(file.body).toContain('SUMMARY:Séptima Sesión Ordinaria · COPI');
    expect((await ctx.anonymous('GET', `/sessions/${ids.session}/ics`)).status).toBe(401);
    expect((await ctx.api('GET', '/sessions/00000000-0000-4000-8000-000000000000/ics')).status).toBe(404);
  });
});
