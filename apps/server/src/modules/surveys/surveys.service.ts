import { randomBytes, randomUUID } from 'node:crypto';
import {
  formatInstantMexicoCity,
  memberStatus,
  SECTOR_LABELS,
  type SurveyAudience,
  type SurveyCreateSchema,
  type SurveyRatesView,
  type SurveyUpdateSchema,
  type SurveyView,
  type SurveyAnonymity,
} from '@telar/domain';
import type { z } from 'zod';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { canManageBody, requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { isCurrentStatus, todayInMexico } from '../networks/index.js';
import { queueMails, renderMailLayout, type OutgoingMail } from '../notifications/index.js';
import {
  findMembershipRules,
  findNetwork,
  findSurveyRow,
  findSurveyView,
  findUnknownAudienceReferences,
  insertInvitations,
  insertSurvey,
  listPendingInvitations,
  listSurveys,
  resolveAudience,
  rotateInvitationTokens,
  surveyRates,
  updateSurvey,
  type SurveyRow,
} from './surveys.repository.js';
import { hashInvitationToken, SURVEY_LINK_PATH } from './invitations.js';

const rateOf = (responded: number, invited: number) => (invited ? Math.round((responded / invited) * 10_000) / 10_000 : 0);

const ANONYMITY_SENTENCES: Record<SurveyAnonymity, string> = {
  named: 'Sus respuestas quedan registradas a nombre de su organización.',
  anonymous: 'La encuesta es anónima: sus respuestas no quedan ligadas a su organización.',
  optional: 'Al responder puede elegir que sus respuestas sean anónimas.',
};

/** The personal-link mail of an invitation or a reminder, in Spanish, with the closing moment in Mexico City. */
export function composeSurveyMail(
  survey: { title: string; anonymity: string; closesAt: string | null },
  networkName: string,
  organizationName: string,
  token: string,
  reminder: number,
): Pick<OutgoingMail, 'subject' | 'text' | 'html'> {
  const closing = survey.closesAt
    ? `Puede responder hasta el ${formatInstantMexicoCity(survey.closesAt)} (hora de la Ciudad de México).`
    : 'Puede responder mientras la encuesta esté abierta.';
  const subject = reminder ? `Recordatorio: encuesta «${survey.title}» (${networkName})` : `Encuesta «${survey.title}» (${networkName})`;
  return {
    subject,
    ...renderMailLayout({
      greeting: `Hola, ${organizationName}:`,
      paragraphs: [
        reminder
          ? `Aún no recibimos la respuesta de su organización a la encuesta «${survey.title}» de ${networkName}.`
          : `${networkName} invita a su organización a responder la encuesta «${survey.title}».`,
        closing,
        ANONYMITY_SENTENCES[survey.anonymity as SurveyAnonymity],
        reminder
          ? 'Este enlace es personal y reemplaza al de correos anteriores, que ya no sirve: no lo comparta fuera de su organización.'
          : 'El enlace es personal: no lo comparta fuera de su organización. Sirve para una sola respuesta.',
      ],
      action: { label: 'Responder la encuesta', url: `${SURVEY_LINK_PATH}${token}` },
    }),
  };
}

/** A new link: 32 random bytes; only its SHA-256 is stored. */
const newToken = () => randomBytes(32).toString('base64url');

/** Mail goes out in batches of this many rows per statement (a few MB of bodies each). */
const MAIL_BATCH = 1_000;

async function queueInBatches(db: Database, mails: OutgoingMail[]): Promise<void> {
  for (let start = 0; start < mails.length; start += MAIL_BATCH) await queueMails(db, mails.slice(start, start + MAIL_BATCH));
}

/** A network's surveys, run by its coordination: drafts, the audience invited with personal links, reminders, closing, rates. */
export function createSurveyService(db: Database, actor: Actor) {
  const networkScope = (networkId: string) => findBodyScope(db, networkId);

  const requireNetworkManager = async (networkId: string) => {
    requireSignedIn(actor);
    const network = await findNetwork(db, networkId);
    if (!network) throw notFound();
    requireBodyManager(actor, await networkScope(networkId));
    return network;
  };

  /** The survey and its network, for its coordination only. */
  const requireSurveyManager = async (surveyId: string) => {
    requireSignedIn(actor);
    const survey = await findSurveyRow(db, surveyId);
    if (!survey || survey.archivedAt) throw notFound();
    requireBodyManager(actor, await networkScope(survey.networkId));
    return survey;
  };

  const checkAudience = async (networkId: string, audience: SurveyAudience) => {
    const unknown = await findUnknownAudienceReferences(db, networkId, audience);
    if (!unknown.length) return;
    const field = audience.kind === 'commission' ? 'commissionIds' : 'memberIds';
    const ids = audience.kind === 'commission' ? audience.commissionIds : audience.kind === 'list' ? audience.memberIds : [];
    throw new DomainError(
      'validation',
      unknown.map((id) => ({
        path: `audience.${field}.${ids.indexOf(id)}`,
        message: audience.kind === 'commission' ? 'No es una comisión de esta red.' : 'No es integrante de esta red.',
      })),
    );
  };

  const checkClosesAt = (closesAt: string | null | undefined) => {
    if (closesAt && new Date(closesAt).getTime() <= Date.now()) throw invalidField('closesAt', 'La fecha de cierre debe ser posterior a este momento.');
  };

  const viewOf = async (surveyId: string): Promise<SurveyView> => {
    const row = await findSurveyView(db, surveyId);
    if (!row) throw notFound();
    const canManage = canManageBody(actor, await networkScope(row.networkId));
    const { invited, responses, withoutEmail, ...survey } = row;
    return { ...survey, counts: { invited, responses, responseRate: rateOf(responses, invited), withoutEmail }, abilities: { canManage } };
  };

  return {
    async list(networkId: string) {
      requireSignedIn(actor);
      if (!(await findNetwork(db, networkId))) throw notFound();
      const rows = await listSurveys(db, networkId);
      return rows.map((row) => ({ ...row, responseRate: rateOf(row.responses, row.invited) }));
    },

    async get(surveyId: string): Promise<SurveyView> {
      requireSignedIn(actor);
      return viewOf(surveyId);
    },

    async create(networkId: string, input: z.output<typeof SurveyCreateSchema>): Promise<SurveyView> {
      await requireNetworkManager(networkId);
      await checkAudience(networkId, input.audience);
      checkClosesAt(input.closesAt);
      const id = await db.transaction(async (tx) => {
        const surveyId = await insertSurvey(tx, { networkId, ...input });
        await auditCreate(tx, actor, 'survey', surveyId, { networkId, title: input.title, anonymity: input.anonymity, audience: input.audience, closesAt: input.closesAt });
        return surveyId;
      });
      return viewOf(id);
    },

    async update(surveyId: string, input: z.output<typeof SurveyUpdateSchema>): Promise<SurveyView> {
      const survey = await requireSurveyManager(surveyId);
      const { version, ...values } = input;
      const draftOnly = (['definition', 'audience', 'anonymity'] as const).filter((field) => values[field] !== undefined);
      if (survey.effectiveStatus !== 'draft' && draftOnly.length)
        throw new DomainError('survey_not_draft', draftOnly.map((field) => ({ path: field, message: 'Solo se cambia mientras la encuesta es un borrador.' })));
      if (survey.effectiveStatus === 'closed') throw new DomainError('survey_closed');
      if (values.audience) await checkAudience(survey.networkId, values.audience);
      checkClosesAt(values.closesAt);
      const changed = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<SurveyRow>;
      await db.transaction((tx) =>
        writeVersionedUpdate(tx, actor, { entity: 'survey', id: surveyId, version, values: changed, find: findSurveyRow, write: updateSurvey }),
      );
      return viewOf(surveyId);
    },

    /**
     * Opens a draft: the audience resolved to today's members, one invitation per member with a random
     * token (only its hash kept), and a mail with the personal link to each member with an e-mail — all
     * in one transaction of a few statements however many members (batched inserts, no per-row trips).
     */
    async open(surveyId: string, version: number) {
      const { effectiveStatus, audience } = await requireSurveyManager(surveyId);
      if (effectiveStatus !== 'draft') throw new DomainError('survey_not_draft');
      const survey = (await findSurveyView(db, surveyId))!;
      checkClosesAt(survey.closesAt);
      const network = { name: survey.networkName };
      return db.transaction(async (tx) => {
        const opened = await updateSurvey(tx, surveyId, version, { status: 'open', openedAt: new Date().toISOString() });
        if (!opened) throw new DomainError('conflict');
        // Today's members as the network counts them (new, active or in grace): not withdrawn, not yet joined, not lapsed.
        const rules = await findMembershipRules(tx, survey.networkId);
        const today = todayInMexico();
        const members = (await resolveAudience(tx, survey.networkId, audience)).filter((member) => isCurrentStatus(memberStatus(member, member.dues, rules, today)));
        if (!members.length) throw new DomainError('survey_audience_empty');
        const invitations = members.map((member) => ({ ...member, id: randomUUID(), token: newToken() }));
        await insertInvitations(tx, surveyId, invitations.map((i) => ({ id: i.id, memberId: i.memberId, tokenHash: hashInvitationToken(i.token) })));
        const mails = invitations.flatMap((invitation) =>
          invitation.email
            ? [{ kind: 'survey_invitation', toAddress: invitation.email, dedupeKey: `survey_invitation:${invitation.id}`, ...composeSurveyMail(survey, network.name, invitation.organizationName, invitation.token, 0) }]
            : [],
        );
        await queueInBatches(tx, mails);
        const result = { invited: invitations.length, mailed: mails.length, withoutEmail: invitations.length - mails.length };
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'update', entity: 'survey', entityId: surveyId, changes: { status: ['draft', 'open'], invited: [0, result.invited] } });
        return result;
      });
    },

    /** Mails a new personal link to each member who has not answered (the old link stops working), and counts the reminder. */
    async remind(surveyId: string) {
      const { effectiveStatus } = await requireSurveyManager(surveyId);
      if (effectiveStatus !== 'open') throw new DomainError(effectiveStatus === 'draft' ? 'survey_not_open' : 'survey_closed');
      const survey = (await findSurveyView(db, surveyId))!;
      const network = { name: survey.networkName };
      return db.transaction(async (tx) => {
        const pending = await listPendingInvitations(tx, surveyId);
        const mailed = pending.filter((invitation) => invitation.email).map((invitation) => ({ ...invitation, token: newToken() }));
        const rotated = await rotateInvitationTokens(tx, mailed.map((i) => ({ id: i.id, tokenHash: hashInvitationToken(i.token) })));
        const reminders = new Map(rotated.map((row) => [row.id, row.reminders]));
        const mails = mailed.flatMap((invitation) => {
          const reminder = reminders.get(invitation.id);
          return reminder === undefined
            ? []
            : [{ kind: 'survey_reminder', toAddress: invitation.email!, dedupeKey: `survey_reminder:${invitation.id}:${reminder}`, ...composeSurveyMail(survey, network.name, invitation.organizationName, invitation.token, reminder) }];
        });
        await queueInBatches(tx, mails);
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'update', entity: 'survey', entityId: surveyId, changes: { reminded: [null, mails.length] } });
        return { reminded: mails.length, withoutEmail: pending.length - mailed.length };
      });
    },

    async close(surveyId: string, version: number): Promise<SurveyView> {
      const survey = await requireSurveyManager(surveyId);
      if (survey.status === 'closed') throw new DomainError('survey_closed');
      if (survey.status === 'draft') throw new DomainError('survey_not_open');
      await db.transaction((tx) =>
        writeVersionedUpdate(tx, actor, {
          entity: 'survey',
          id: surveyId,
          version,
          action: 'close',
          values: { status: 'closed', closedAt: new Date().toISOString() } as Partial<SurveyRow>,
          find: findSurveyRow,
          write: updateSurvey,
        }),
      );
      return viewOf(surveyId);
    },

    /** Response rates of the organisations invited, overall and by state, sector and commission: the coordination's. */
    async rates(surveyId: string): Promise<SurveyRatesView> {
      await requireSurveyManager(surveyId);
      const rows = await surveyRates(db, surveyId);
      const segment = (kind: string) =>
        rows
          .filter((row) => row.kind === kind)
          .map((row) => ({ segment: row.segment, label: row.segment === '' && kind === 'state' ? 'Nacional (sin estado)' : row.label, invited: row.invited, responded: row.responded, rate: rateOf(row.responded, row.invited) }));
      const overall = rows.find((row) => row.kind === 'all');
      return {
        overall: { invited: overall?.invited ?? 0, responded: overall?.responded ?? 0, rate: rateOf(overall?.responded ?? 0, overall?.invited ?? 0) },
        byState: segment('state'),
        bySector: segment('sector').map((row) => ({ ...row, label: SECTOR_LABELS[row.segment as keyof typeof SECTOR_LABELS] ?? row.label })),
        byCommission: segment('commission'),
      };
    },
  };
}
