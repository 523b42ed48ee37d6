import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import {
  ACCOUNT_LINK_HOURS,
  type AccountLinkPurpose,
  type AccountLinkView,
  containsEmailName,
  PASSWORD_WITH_EMAIL_MESSAGE,
  type PasswordFromLinkSchema,
} from '@telar/domain';
import type { z } from 'zod';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { requireAdmin } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import { queueMail, renderMailLayout } from '../notifications/index.js';
import { findAccountForLink, findLiveAccountLink, hasRecentAccountLink, insertAccountLink, setPasswordFromLink, useAccountLink } from './account-link.repository.js';
import { hashSessionToken } from './auth.service.js';
import { findUserById } from './user.repository.js';

/** A second reset mail to the same person within this many seconds is not sent (the first is still on its way). */
const RESET_RESEND_SECONDS = 60;
/** The page of the web app that opens a link sent by e-mail. */
export const ACCOUNT_LINK_PATH = '/contrasena/nueva';

const hoursText = (hours: number) => (hours === 1 ? 'una hora' : `${hours} horas`);

/** The mail that carries a link: who it is for, what it does, how long it lasts. */
function composeLinkMail(purpose: AccountLinkPurpose, person: { name: string }, token: string) {
  const hours = ACCOUNT_LINK_HOURS[purpose];
  const url = `${ACCOUNT_LINK_PATH}?token=${token}`;
  if (purpose === 'invitation') {
    return {
      subject: 'Invitación a Telar: elija su contraseña',
      ...renderMailLayout({
        greeting: `Hola, ${person.name}:`,
        paragraphs: [
          'Se abrió para usted una cuenta en Telar, el sistema de seguimiento del Sistema de Protección Integral de Niñas, Niños y Adolescentes.',
          `Para entrar, elija su contraseña con el botón de abajo. El enlace sirve una sola vez y vence en ${hoursText(hours)}; si vence, pida a la administración que le envíe otra invitación.`,
        ],
        action: { label: 'Elegir mi contraseña', url },
      }),
    };
  }
  return {
    subject: 'Telar: restablecer su contraseña',
    ...renderMailLayout({
      greeting: `Hola, ${person.name}:`,
      paragraphs: [
        'Alguien pidió restablecer la contraseña de su cuenta de Telar. Si fue usted, elija una nueva con el botón de abajo; al hacerlo se cerrarán todas sus sesiones abiertas.',
        `El enlace sirve una sola vez y vence en ${hoursText(hours)}. Si no lo pidió, ignore este correo: su contraseña no cambia.`,
      ],
      action: { label: 'Elegir una nueva contraseña', url },
    }),
  };
}

/**
 * Issues a one-time link for the person and queues the mail that carries it, in the caller's
 * transaction: the mail goes out only if the account it is about was committed.
 */
export async function sendAccountLink(tx: Database, purpose: AccountLinkPurpose, person: { id: string; email: string; name: string }) {
  const token = randomBytes(32).toString('base64url');
  const link = await insertAccountLink(tx, { userId: person.id, purpose, tokenHash: hashSessionToken(token), hours: ACCOUNT_LINK_HOURS[purpose] });
  const mail = composeLinkMail(purpose, person, token);
  await queueMail(tx, { kind: `account_${purpose}`, toAddress: person.email, toUserId: person.id, dedupeKey: `account_link:${link.id}`, ...mail });
}

/** Invitations and password resets by e-mail: the person chooses their own password through a one-time link. */
export function createAccountLinkService(db: Database, actor: Actor) {
  return {
    /**
     * «¿Olvidó su contraseña?». Answers nothing either way, so the form tells no one which addresses
     * have accounts; an active account gets a link valid for one hour (one mail a minute at most).
     */
    async requestPasswordReset(email: string) {
      await db.transaction(async (tx) => {
        const account = await findAccountForLink(tx, email);
        if (!account) return;
        const purpose = account.hasPassword ? 'password_reset' : 'invitation';
        if (await hasRecentAccountLink(tx, account.id, purpose, RESET_RESEND_SECONDS)) return;
        await sendAccountLink(tx, purpose, account);
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'password_reset_requested', entity: 'user', entityId: account.id, changes: {} });
      });
    },

    /** What a link is for and for whom, while it can be used; otherwise 410. */
    async describeLink(token: string): Promise<AccountLinkView> {
      const link = await findLiveAccountLink(db, hashSessionToken(token));
      if (!link) throw new DomainError('link_invalid');
      return { purpose: link.purpose, email: link.email, name: link.name, expiresAt: link.expiresAt };
    },

    /** Sets the password a link allows, once: the link is spent, the account unlocked and all its sessions end. */
    async setPasswordWithLink({ token, password }: z.output<typeof PasswordFromLinkSchema>) {
      const tokenHash = hashSessionToken(token);
      const pending = await findLiveAccountLink(db, tokenHash);
      if (!pending) throw new DomainError('link_invalid');
      if (containsEmailName(password, pending.email)) throw invalidField('password', PASSWORD_WITH_EMAIL_MESSAGE);
      const passwordHash = await hash(password);
      await db.transaction(async (tx) => {
        const link = await useAccountLink(tx, tokenHash);
        if (!link) throw new DomainError('link_invalid');
        await setPasswordFromLink(tx, link.userId, passwordHash);
        const action = link.purpose === 'invitation' ? 'invitation_accepted' : 'password_reset_by_link';
        await insertAuditEntry(tx, { actor: link.email, action, entity: 'user', entityId: link.userId, changes: {} });
      });
    },

    /** An administrator sends the invitation again (the earlier link stops working) to someone who has not yet chosen a password. */
    async resendInvitation(userId: string) {
      requireAdmin(actor);
      await db.transaction(async (tx) => {
        const user = await findUserById(tx, userId);
        if (!user) throw notFound();
        if (user.passwordHash || !user.isActive) throw new DomainError('invitation_not_pending');
        await sendAccountLink(tx, 'invitation', user);
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'invitation_sent', entity: 'user', entityId: userId, changes: {} });
      });
    },
  };
}
