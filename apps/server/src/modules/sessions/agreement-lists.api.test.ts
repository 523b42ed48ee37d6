import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_CAP } from '@telar/domain';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  const body = await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Seguimiento', acronym: 'COSE', level: 'national' });
  const session = await ctx.api('POST', '/sessions', { bodyId: body.body.id, kind: 'ordinary', number: 3, date: '2020-02-10' });
  const add = async (key: string, fields: object) => {
    const response = await ctx.api('POST', '/agreements', { sessionId: session.body.id, text: `Acuerdo ${key}`, ...fields });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    ids[key] = response.body.id;
  };
  await add('vencido', { dueDate: '2020-06-30' });
  await add('vencido en proceso', { dueDate: '2021-01-15', status: 'in_progress' });
  await add('cumplido a tiempo', { dueDate: '2020-06-30', status: 'fulfilled' });
  await add('por vencer', { dueDate: '2099-12-31' });
  const inThirtyDays = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date(Date.now() + 30 * 86_400_000));
  await add('próximo', { dueDate: inThirtyDays });
  await add('sin fecha', {});
});
afterAll(() => ctx.close());

describe('overdue agreements («Vencidos»)', () => {
  it('lists only open agreements past their due date, the oldest first', async () => {
    const { status, body } = await ctx.api('GET', '/agreements?isOverdue=true');
    expect(status).toBe(200);
    expect(body.items.map((a: { id: string }) => a.id)).toEqual([ids.vencido, ids['vencido en proceso']]);
    expect(body.total).toBe(2);
  });

  it('shows them on the home page with their count', async () => {
    const { body } = await ctx.api('GET', '/dashboard');
    expect(body.overdue.map((a: { id: string }) => a.id)).toEqual([ids.vencido, ids['vencido en proceso']]);
    expect(body.overdueCount).toBe(2);
  });

  it('keeps them out of «próximos a vencer», which looks 60 days ahead from today', async () => {
    const { body } = await ctx.api('GET', '/dashboard');
    expect(body.dueSoon.map((a: { id: string }) => a.id)).toEqual([ids['próximo']]);
  });

  it('refuses a value that is not true or false, naming the field', async () => {
    const { status, body } = await ctx.api('GET', '/agreements?isOverdue=si');
    expect(status).toBe(422);
    expect(body.error.issues[0].path).toBe('isOverdue');
  });
});

describe('list totals of text searches', () => {
  it('count up to the cap and say there are more, while other filters count exactly', async () => {
    await ctx.handle.db.execute(sql`insert into organizations (name, name_key, sector, level)
      select 'Colectivo por la niñez ' || n, 'colectivo por la ninez ' || n, 'civil_society', 'none' from generate_series(1, ${COUNT_CAP + 5}) as n`);
    const searched = await ctx.api('GET', `/organizations?q=${encodeURIComponent('niñez')}&pageSize=10`);
    expect(searched.body).toMatchObject({ total: COUNT_CAP, isTotalCapped: true });
    expect(searched.body.items).toHaveLength(10);
    const all = await ctx.api('GET', '/organizations?sector=civil_society&pageSize=10');
    expect(all.body.total).toBe(COUNT_CAP + 5);
    expect(all.body.isTotalCapped).toBeUndefined();
    const few = await ctx.api('GET', `/organizations?q=${encodeURIComponent('niñez 1000')}`);
    expect(few.body).toMatchObject({ total: 1 });
    expect(few.body.isTotalCapped).toBeUndefined();
  });
});
