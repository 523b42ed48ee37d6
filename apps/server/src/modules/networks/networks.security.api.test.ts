import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const ids = { network: '', member: '', other: '' };
const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date()).slice(0, 4));

beforeAll(async () => {
  ctx = await createTestContext();
  const created = await ctx.api('POST', '/networks', { name: 'Red de cuotas', acronym: 'RDC', level: 'national' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ids.network = created.body.id;
  ids.other = (await ctx.api('POST', '/bodies', { kind: 'system', name: 'Sistema ajeno', acronym: 'AJENO', level: 'national' })).body.id;
  const member = await ctx.api('POST', `/networks/${ids.network}/members`, { organization: { name: 'Fundación Cuotas, A.C.' }, sector: 'civil_society', stateCode: 'MX-JAL', joinedOn: '2020-01-01' });
  expect(member.status, JSON.stringify(member.body)).toBe(201);
  ids.member = member.body.id;
  const paid = await ctx.api('PUT', `/networks/${ids.network}/members/${ids.member}/contributions/${year}`, { amount: 12345, status: 'paid', paidOn: `${year}-01-15`, note: 'Transferencia, folio 998877' });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
});
afterAll(() => ctx?.close());

describe('what only the coordination reads (security review)', () => {
  it("refuses a member's contributions (amounts, notes) to a reader and to another body's secretariat", async () => {
    const path = `/networks/${ids.network}/members/${ids.member}/contributions`;
    expect((await ctx.api('GET', path)).body).toEqual([expect.objectContaining({ amount: 12345 })]);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const outsider = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.other }]);
    for (const client of [reader, outsider]) {
      const read = await client('GET', path);
      expect(read.status).toBe(403);
      expect(JSON.stringify(read.body)).not.toContain('12345');
    }
  });

  it('keeps an unpublished ranking internal: a reader does not read the points table', async () => {
    const network = await ctx.api('GET', `/networks/${ids.network}`);
    expect(network.body.rankingPublic).toBe(false);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('GET', `/networks/${ids.network}/points?year=${year}`)).status).toBe(403);
  });

  it("keeps a contribution's history (amounts, notes) from a reader", async () => {
    const [contribution] = (await ctx.api('GET', `/networks/${ids.network}/members/${ids.member}/contributions`)).body;
    const path = `/history/network_contribution/${contribution.id}`;
    expect(JSON.stringify((await ctx.api('GET', path)).body)).toContain('998877');
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const read = await reader('GET', path);
    expect(read.status).toBe(403);
    expect(JSON.stringify(read.body)).not.toContain('998877');
  });

  it('shows a published ranking to a reader with place and points only, no per-source counts', async () => {
    const network = (await ctx.api('GET', `/networks/${ids.network}`)).body;
    expect((await ctx.api('PATCH', `/networks/${ids.network}`, { version: network.version, rankingPublic: true })).status).toBe(200);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const read = await reader('GET', `/networks/${ids.network}/points?year=${year}`);
    expect(read.status).toBe(200);
    expect(read.body.rows[0]).toMatchObject({ name: 'Fundación Cuotas, A.C.', assemblies: null, surveys: null, activities: null, commissions: null });
    expect((await ctx.api('GET', `/networks/${ids.network}/points?year=${year}`)).body.rows[0].surveys).toBe(0);
  });
});
