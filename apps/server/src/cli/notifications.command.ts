import { parseArgs } from 'node:util';
import { formatInstantMexicoCity, IsoDateSchema, mexicoCityDay } from '@telar/domain';
import type { DatabaseHandle } from '../platform/db/client.js';
import { systemActor } from '../platform/auth/actor.js';
import { createNotificationService, deliverQueuedMail, runNotifications, transportFromUrl } from '../modules/notifications/index.js';

const USAGE = 'Uso: telar notifications run [--date AAAA-MM-DD] [--json] | telar notifications outbox [--json]';
const OUTBOX_LIMIT = 200;
const STATUS_LABELS: Record<string, string> = { queued: 'en cola', sent: 'enviado', failed: 'fallido' };
const pluralRules = new Intl.PluralRules('es-MX');
/** "1 correo", "3 correos". */
const count = (n: number, one: string, other: string) => `${n.toLocaleString('es-MX')} ${pluralRules.select(n) === 'one' ? one : other}`;

/**
 * `telar notifications run`: the daily run as of a Mexico City day (today by default); with TELAR_SMTP_URL the
 * queued mail is delivered too. `telar notifications outbox`: what is queued or sent, newest first.
 */
export async function notificationsCommand([what, ...args]: string[], handle: DatabaseHandle): Promise<number> {
  if (what === 'run') {
    const { values } = parseArgs({ args, options: { date: { type: 'string' }, json: { type: 'boolean' } } });
    const date = values.date ?? mexicoCityDay(new Date().toISOString());
    const checked = IsoDateSchema.safeParse(date);
    if (!checked.success) {
      console.error(`Error: --date «${date}»: ${checked.error.issues[0]!.message} Use AAAA-MM-DD.`);
      return 2;
    }
    const summary = await runNotifications(handle.db, { date, isDaily: true });
    const transport = transportFromUrl(process.env.TELAR_SMTP_URL);
    const delivered = transport ? await deliverQueuedMail(handle.db, transport) : null;
    if (values.json) console.log(JSON.stringify(summary));
    else {
      console.log(
        `Avisos del ${date}: ${count(summary.messages, 'correo', 'correos')} en cola para ${count(summary.recipients, 'persona', 'personas')}; ` +
          `${count(summary.skipped, 'aviso omitido', 'avisos omitidos')} (ya enviados o desactivados).`,
      );
      if (delivered) console.log(`Enviados por SMTP: ${delivered.sent.toLocaleString('es-MX')}; fallidos: ${delivered.failed.toLocaleString('es-MX')}.`);
      else console.log('Sin TELAR_SMTP_URL: los correos quedan en la bandeja de salida («Correos enviados»).');
    }
    return 0;
  }
  if (what === 'outbox') {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
    const { items, total } = await createNotificationService(handle.db, systemActor('cli')).outbox({ page: 1, pageSize: OUTBOX_LIMIT });
    if (values.json) console.log(JSON.stringify(items, null, 2));
    else {
      for (const mail of items) console.log(`${formatInstantMexicoCity(mail.createdAt)}\t${STATUS_LABELS[mail.status]}\t${mail.toAddress}\t${mail.subject}`);
      console.log(total > items.length ? `Se muestran ${items.length} de ${total.toLocaleString('es-MX')} correos.` : `${count(total, 'correo', 'correos')}.`);
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}
