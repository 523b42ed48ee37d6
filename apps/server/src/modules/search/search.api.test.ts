import { SearchResultViewSchema, type SearchItemView, type SearchResultView } from '@telar/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../demo/demo-data.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
let comseId: string;
let sessionId: string;

const search = async (query: string, as = ctx.api): Promise<SearchResultView> => {
  const response = await as('GET', `/search?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return SearchResultViewSchema.parse(response.body);
};
const ofType = (result: SearchResultView, type: SearchItemView['type']) => result.items.filter((item) => item.type === type);
const facet = (result: SearchResultView, type: SearchItemView['type']) => result.facets.find((f) => f.type === type)!;

beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoData(ctx.handle.db);
  comseId = (await ctx.api('GET', '/bodies?q=COMSE')).body.items.find((b: { acronym: string }) => b.acronym === 'COMSE').id;
  const session = await ctx.api('POST', '/sessions', { bodyId: comseId, kind: 'ordinary', number: 24, date: '2024-05-20' });
  expect(session.status, JSON.stringify(session.body)).toBe(201);
  sessionId = session.body.id;
}, 120_000);
afterAll(() => ctx.close());

describe('GET /api/search', () => {
  it('finds REDIM by its acronym, first', async () => {
    const result = await search('q=REDIM');
    expect(result.items[0]).toMatchObject({ type: 'organization', title: 'Red por los Derechos de la Infancia en México (REDIM)' });
    expect(result.items[0]!.url).toBe(`/organizaciones/${result.items[0]!.id}`);
    // The follow-ups that name REDIM are found too, with the words around it.
    expect(ofType(result, 'follow_up').some((item) => item.snippet?.includes('REDIM'))).toBe(true);
  });

  it('finds a session by its ordinal in words or in digits', async () => {
    for (const q of ['Vigésima Cuarta', 'vigesima cuarta sesion ordinaria', '24', 'Vigésima Cuarta COMSE']) {
      const sessions = ofType(await search(`q=${encodeURIComponent(q)}&type=session`), 'session');
      expect(sessions.map((s) => s.id), q).toEqual([sessionId]);
      expect(sessions[0]).toMatchObject({ title: 'Vigésima Cuarta Sesión Ordinaria de COMSE, 20 de mayo de 2024', url: `/sesiones/${sessionId}` });
    }
    // The seed's sessions, by the ordinal the report writes.
    const seed = ofType(await search(`q=${encodeURIComponent('Vigésima Primera Sesión')}`), 'session');
    expect(seed.map((s) => s.title)).toEqual(['Vigésima Primera Sesión Ordinaria de COMSE, 12 de diciembre de 2022']);
    // Another body's name rules the session out.
    expect(ofType(await search(`q=${encodeURIComponent('Vigésima Cuarta CITI')}`), 'session')).toEqual([]);
  });

  it('finds an activity by a word of its title, with accents and word endings ignored', async () => {
    for (const q of ['OMEGLE', 'omegle guardia', 'Remision', 'remisiones']) {
      const activities = ofType(await search(`q=${encodeURIComponent(q)}&type=activity`), 'activity');
      expect(activities.map((a) => a.title), q).toContain('Remisión a la Guardia Nacional de la comunicación JAL MEX 4/2021 (sitio web OMEGLE) para su investigación');
    }
  });

  it('counts every type and filters by one', async () => {
    const all = await search('q=ninas');
    expect(all.facets.map((f) => f.type)).toEqual(['organization', 'body', 'session', 'agreement', 'follow_up', 'plan', 'plan_node', 'activity', 'report']);
    expect(facet(all, 'plan_node').count).toBeGreaterThan(0);
    expect(facet(all, 'activity').count).toBeGreaterThan(0);
    const nodes = await search('q=ninas&type=plan_node&limit=50');
    expect(nodes.items.length).toBe(Math.min(50, facet(all, 'plan_node').count));
    expect(nodes.items.every((item) => item.type === 'plan_node' && /^\/planes\/[^/]+\/nodos\//.test(item.url))).toBe(true);
    // The facets do not depend on the filter.
    expect(nodes.facets).toEqual(all.facets);
  });

  it('finds plans and reports by what names them', async () => {
    const plans = ofType(await search(`q=${encodeURIComponent('Pacto Primera Infancia')}&type=plan`), 'plan');
    expect(plans.map((p) => p.title)).toEqual(['Pacto por la Primera Infancia: compromisos']);
    const redim = (await search('q=REDIM')).items[0]!;
    const period = await ctx.api('POST', '/reporting-periods', {
      planId: plans[0]!.id,
      title: 'Primer semestre 2025',
      periodFrom: '2025-01-01',
      periodTo: '2025-06-30',
      dueDate: '2025-07-31',
      organizationIds: [redim.id],
    });
    expect(period.status, JSON.stringify(period.body)).toBe(201);
    const [report] = period.body.reports;
    for (const q of ['REDIM semestre', 'primer semestre pacto']) {
      expect(ofType(await search(`q=${encodeURIComponent(q)}`), 'report'), q).toEqual([
        { type: 'report', id: report.id, title: 'Reporte de REDIM: Primer semestre 2025', url: `/reportes/${report.id}`, snippet: 'Pacto por la Primera Infancia' },
      ]);
    }
  });

  it('leaves archived records out', async () => {
    const { body: session } = await ctx.api('GET', `/sessions/${sessionId}`);
    expect((await ctx.api('POST', `/sessions/${sessionId}/archive`, { version: session.version })).status).toBe(204);
    expect(ofType(await search('q=24&type=session'), 'session')).toEqual([]);
    const { body: archived } = await ctx.api('GET', `/sessions/${sessionId}`);
    expect((await ctx.api('POST', `/sessions/${sessionId}/restore`, { version: archived.version })).status).toBe(204);
  });

  it('is internal: anonymous callers get 401, every signed-in role reads', async () => {
    expect((await ctx.anonymous('GET', '/search?q=REDIM')).status).toBe(401);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await search('q=REDIM', reader)).items[0]!.type).toBe('organization');
  });

  it('refuses an empty search or an unknown type with 422 naming the field', async () => {
    for (const [query, field] of [
      ['q=', 'q'],
      ['q=%20%2A%20', 'q'],
      ['q=REDIM&type=person', 'type'],
    ] as const) {
      const response = await ctx.api('GET', `/search?${query}`);
      expect(response.status, query).toBe(422);
      expect(response.body.error.issues[0].path).toBe(field);
    }
  });
});
