import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { queueMail } from './index.js';
import { listMail } from './outbox.repository.js';

describe('the outbox', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('queues a mail inside the caller’s transaction, once per dedupe key, and drops it when the transaction rolls back', async () => {
    const mail = { kind: 'test', toAddress: 'ana@prueba.mx', subject: 'Asunto', text: 'Texto', html: '<p>Texto</p>', dedupeKey: 'test:1' };
    await ctx.handle.db.transaction(async (tx) => {
      expect(await queueMail(tx, mail)).toBe(true);
      expect(await queueMail(tx, { ...mail, subject: 'Otro' })).toBe(false);
    });
    await ctx.handle.db
      .transaction(async (tx) => {
        await queueMail(tx, { ...mail, dedupeKey: 'test:2' });
        throw new Error('rollback');
      })
      .catch(() => {});
    const { items, total } = await listMail(ctx.handle.db, { limit: 10, offset: 0 });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ subject: 'Asunto', status: 'queued', attempts: 0, toAddress: 'ana@prueba.mx' });
  });
});
