import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
const ids = { system: '', other: '', commission: '', group: '' };

beforeAll(async () => {
  ctx = await createTestContext();
  const post = async (body: object) => (await ctx.api('POST', '/bodies', { level: 'national', ...body })).body.id as string;
  ids.system = await post({ kind: 'system', name: 'Sistema Nacional', acronym: 'SN' });
  ids.other = await post({ kind: 'system', name: 'Otro sistema', acronym: 'OS' });
  ids.commission = await post({ kind: 'commission', name: 'Comisión', acronym: 'COM', parentId: ids.system });
  ids.group = await post({ kind: 'working_group', name: 'Grupo de trabajo', acronym: 'GT', parentId: ids.commission });
});
afterAll(() => ctx.close());

const current = async (id: string) => (await ctx.api('GET', `/bodies/${id}`)).body as { parentId: string | null; version: number };
const move = async (client: TestContext['api'], id: string, parentId: string | null) => client('PATCH', `/bodies/${id}`, { parentId, version: (await current(id)).version });

describe('moving a body', () => {
  it('keeps a body where it is when its own secretariat tries to detach it or take it elsewhere', async () => {
    const ownSecretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.commission }]);
    const detached = await move(ownSecretariat, ids.commission, null);
    expect(detached.status).toBe(403);
    expect(detached.body.error.issues[0].path).toBe('parentId');
    // Also secretariat of another system: still not its place to take the commission from the national one.
    const twoHats = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.commission }, { role: 'secretariat', bodyId: ids.other }]);
    const taken = await move(twoHats, ids.commission, ids.other);
    expect(taken.status).toBe(403);
    expect(taken.body.error.issues[0].path).toBe('parentId');
    expect((await current(ids.commission)).parentId).toBe(ids.system);
  });

  it('lets the secretariat above move a body within its reach, but not out of it', async () => {
    const above = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.system }]);
    const detached = await move(above, ids.commission, null);
    expect(detached.status).toBe(403);
    expect(detached.body.error.issues[0].path).toBe('parentId');
    const elsewhere = await move(above, ids.group, ids.other);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.issues[0].path).toBe('parentId');
    expect((await current(ids.group)).parentId).toBe(ids.commission);

    const within = await move(above, ids.group, ids.system);
    expect(within.status, JSON.stringify(within.body)).toBe(200);
    expect(within.body.parentId).toBe(ids.system);
    const back = await move(above, ids.group, ids.commission);
    expect(back.status).toBe(200);
  });

  it('lets a secretariat edit its body when the parent stays the same', async () => {
    const ownSecretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.commission }]);
    const edited = await ownSecretariat('PATCH', `/bodies/${ids.commission}`, { name: 'Comisión renombrada', parentId: ids.system, version: (await current(ids.commission)).version });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Comisión renombrada', parentId: ids.system });
  });

  it('lets an administrator detach a body', async () => {
    const detached = await move(ctx.api, ids.group, null);
    expect(detached.status).toBe(200);
    expect(detached.body.parentId).toBeNull();
  });
});
