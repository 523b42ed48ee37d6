import {
  isKindWanted,
  NOTIFICATION_KIND_KEYS,
  NOTIFICATION_KINDS,
  type NotificationPreferencesInput,
  type NotificationPreferencesView,
  type OutboxMailDetailView,
} from '@telar/domain';
import type { Actor } from '../../platform/auth/actor.js';
import { requireAdmin, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { notFound, staleVersion } from '../../platform/errors.js';
import { countUnread, findPreferences, listNotices, markNoticesRead, savePreferences } from './notice.repository.js';
import { findMail, listMail } from './outbox.repository.js';

type Paging = { page: number; pageSize: number };

/** One-time secrets (an invitation's or a reset's `token=`) are hidden: whoever reads the outbox could use them. */
const hideSecrets = (text: string) => text.replace(/([?&]token=)[\w-]+/g, '$1[oculto]');

/** A person's own notices and choices, and the outbox for administrators. */
export function createNotificationService(db: Database, actor: Actor) {
  /** Notices belong to a signed-in person; the system has none. */
  const ownId = () => {
    requireSignedIn(actor);
    if (actor.kind !== 'user') throw notFound();
    return actor.id;
  };

  const preferencesView = async (userId: string): Promise<NotificationPreferencesView> => {
    const preferences = (await findPreferences(db, [userId])).get(userId)!;
    return {
      delivery: preferences.delivery,
      kinds: NOTIFICATION_KIND_KEYS.map((kind) => ({ kind, isOn: isKindWanted(kind, preferences.kindChoices), isMandatory: NOTIFICATION_KINDS[kind].isMandatory })),
      version: preferences.version,
    };
  };

  return {
    async list({ page, pageSize }: Paging, isUnreadOnly: boolean) {
      const result = await listNotices(db, ownId(), { limit: pageSize, offset: (page - 1) * pageSize, isUnreadOnly });
      return { ...result, page, pageSize };
    },

    unreadCount: async () => ({ unread: await countUnread(db, ownId()) }),

    markRead: (ids?: string[]) => markNoticesRead(db, ownId(), ids),

    preferences: () => preferencesView(ownId()),

    async savePreferences(input: NotificationPreferencesInput) {
      const userId = ownId();
      const kindChoices = Object.fromEntries(Object.entries(input.kinds).filter(([kind]) => !NOTIFICATION_KINDS[kind as keyof typeof NOTIFICATION_KINDS].isMandatory));
      if (!(await savePreferences(db, userId, { delivery: input.delivery, kindChoices }, input.version))) throw staleVersion();
      return preferencesView(userId);
    },

    async outbox({ page, pageSize }: Paging) {
      requireAdmin(actor);
      const result = await listMail(db, { limit: pageSize, offset: (page - 1) * pageSize });
      return { ...result, page, pageSize };
    },

    async outboxMail(id: string): Promise<OutboxMailDetailView> {
      requireAdmin(actor);
      const mail = await findMail(db, id);
      if (!mail) throw notFound();
      const { id: mailId, kind, toAddress, subject, status, attempts, lastError, createdAt, sentAt, textBody } = mail;
      return { id: mailId, kind, toAddress, subject, status: status as OutboxMailDetailView['status'], attempts, lastError, createdAt, sentAt, text: hideSecrets(textBody) };
    },
  };
}
