import { addDays, formatSpanishDate } from '@telar/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context.js';
import { runNotifications } from '../modules/notifications/index.js';
import { loadDemoData } from './demo-data.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await loadDemoData(ctx.handle.db);
}, 120_000);
afterAll(() => ctx.close());

describe('notifications on the demo', () => {
  it('a run a week before the example agreement is due queues one Spanish digest per concerned person, and a second run nothing', async () => {
    const [example] = (await ctx.api('GET', '/agreements?q=DEMO-AVISOS-1')).body.items;
    const weekBefore = addDays(example.dueDate, -7);
    const first = await runNotifications(ctx.handle.db, { date: weekBefore, isDaily: true });
    expect(first).toEqual({ date: weekBefore, messages: 3, recipients: 3, skipped: 0 });

    const outbox = (await ctx.api('GET', '/outbox')).body.items;
    expect(outbox.map((m: { toAddress: string }) => m.toAddress).sort()).toEqual(['enlace.sep@demo.telar.mx', 'enlace.sndif@demo.telar.mx', 'secretaria.comse@demo.telar.mx']);
    for (const mail of outbox) {
      expect(mail.subject).toBe(`Telar: resumen del ${formatSpanishDate(weekBefore)} (1 aviso)`);
      const { text } = (await ctx.api('GET', `/outbox/${mail.id}`)).body;
      expect(text).toContain('Acuerdo DEMO-AVISOS-1 de COMSE: fecha de cumplimiento próxima');
      expect(text).toContain(`el ${formatSpanishDate(example.dueDate)}.`);
      expect(text).toContain(`/acuerdos/${example.id}`);
    }

    const second = await runNotifications(ctx.handle.db, { date: weekBefore, isDaily: true });
    expect(second).toMatchObject({ messages: 0, recipients: 0 });
    expect((await ctx.api('GET', '/outbox')).body.total).toBe(3);
  });
});
