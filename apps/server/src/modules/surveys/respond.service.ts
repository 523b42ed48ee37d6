import { checkSurveyAnswers, formatInstantMexicoCity, generaliseSegments, type SurveyInvitationView, type SurveyResponseInputSchema } from '@telar/domain';
import type { z } from 'zod';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField } from '../../platform/errors.js';
import { errorMessages } from '../../platform/messages.js';
import { hashInvitationToken, SURVEY_TOKEN_PATTERN } from './invitations.js';
import {
  addResponseCounts,
  findInvitationByTokenHash,
  findInvitedSegments,
  findMemberSegments,
  insertAnswers,
  insertResponse,
  type InvitationRow,
  lockInvitation,
  lockSurveyInvitations,
  markInvitationResponded,
  markInvitationRespondedAnonymously,
  unmarkInvitationResponded,
} from './surveys.repository.js';

const linkInvalid = () => new DomainError('survey_link_invalid');

const closedError = (closesAt: string | null) =>
  new DomainError(
    'survey_closed',
    undefined,
    closesAt && new Date(closesAt).getTime() <= Date.now()
      ? `La encuesta cerró el ${formatInstantMexicoCity(closesAt)} (hora de la Ciudad de México): ya no recibe respuestas.`
      : errorMessages.survey_closed,
  );

/** Refuses what a response cannot be written for: a survey not open, an invitation already answered. */
function requireAnswerable(invitation: { status: string; responded: boolean; closesAt: string | null }) {
  if (invitation.status !== 'open') throw invitation.status === 'closed' ? closedError(invitation.closesAt) : linkInvalid();
  if (invitation.responded) throw new DomainError('survey_already_answered');
}

/**
 * What a member does through their personal link (no account: the token in the address is the
 * credential, looked up by its SHA-256). See docs/ARCHITECTURE.md «Surveys» for what anonymity guarantees.
 */
export function createSurveyResponseService(db: Database, actor: Actor) {
  const findInvitation = async (token: string): Promise<InvitationRow> => {
    if (!SURVEY_TOKEN_PATTERN.test(token)) throw linkInvalid();
    const invitation = await findInvitationByTokenHash(db, hashInvitationToken(token));
    if (!invitation) throw linkInvalid();
    return invitation;
  };

  return {
    /** The survey as the member sees it; also once answered or closed, so the page can say so. */
    async view(token: string): Promise<SurveyInvitationView> {
      const invitation = await findInvitation(token);
      if (invitation.status === 'draft') throw linkInvalid();
      const { title, description, definition, anonymity, closesAt, status } = invitation;
      return { survey: { title, description, definition, anonymity, closesAt, status }, networkName: invitation.networkName, memberName: invitation.memberName, responded: invitation.responded };
    },

    /** The check the route runs before the request body is read: a known token, an open survey, no answer yet. */
    async requireAnswerableLink(token: string): Promise<void> {
      requireAnswerable(await findInvitation(token));
    },

    /**
     * Writes a response. Named: the invitation is marked and the response points to it, in one
     * transaction. Anonymous: the invitation is marked (and every answered invitation of the survey
     * rewritten, `markInvitationRespondedAnonymously`) in a first transaction; the response, its
     * answers and counts in a second one that knows nothing of the invitation. No audit entry, log line
     * or returned value names an anonymous response.
     */
    async respond(token: string, input: z.output<typeof SurveyResponseInputSchema>): Promise<{ anonymous: boolean }> {
      const invitation = await findInvitation(token);
      requireAnswerable(invitation);
      if (invitation.anonymity === 'named' && input.anonymous) throw invalidField('anonymous', 'Esta encuesta no admite respuestas anónimas.');
      const isAnonymous = invitation.anonymity === 'anonymous' || (invitation.anonymity === 'optional' && input.anonymous === true);
      const { rows, issues } = checkSurveyAnswers(invitation.definition, input.answers);
      if (issues.length) throw new DomainError('validation', issues.map((issue) => ({ path: ['answers', ...issue.path].join('.'), message: issue.message })));
      const segments = await findMemberSegments(db, invitation.memberId);
      const { surveyId } = invitation;

      const lockAnswerable = async (tx: Database) => {
        const locked = await lockInvitation(tx, invitation.invitationId);
        if (!locked) throw linkInvalid();
        requireAnswerable({ ...locked, closesAt: invitation.closesAt });
      };

      if (!isAnonymous) {
        await db.transaction(async (tx) => {
          await lockAnswerable(tx);
          await markInvitationResponded(tx, invitation.invitationId);
          const responseId = await insertResponse(tx, { surveyId, invitationId: invitation.invitationId, ...segments });
          await insertAnswers(tx, surveyId, responseId, rows);
          await addResponseCounts(tx, surveyId, responseId);
          await insertAuditEntry(tx, { actor: describeActor(actor), action: 'create', entity: 'survey_response', entityId: responseId, changes: { invitationId: [null, invitation.invitationId] } });
        });
        return { anonymous: false };
      }

      await db.transaction(async (tx) => {
        // One anonymous mark at a time per survey: each rewrites the same rows, in random orders.
        await lockSurveyInvitations(tx, surveyId);
        await lockAnswerable(tx);
        await markInvitationRespondedAnonymously(tx, surveyId, invitation.invitationId);
      });
      try {
        // k-anonymity: the copied (state, sector, commissions) are generalised until at least 5 invited members
        // share them — commissions dropped first, then the sector, then the state ('') — so that no join of the
        // tables on them names the member. The counts are written from the stored, generalised values.
        const stored = generaliseSegments(segments, await findInvitedSegments(db, surveyId));
        // From here on nothing refers to the invitation: this transaction only sees the survey and the segments.
        await db.transaction(async (tx) => {
          const responseId = await insertResponse(tx, { surveyId, invitationId: null, ...stored });
          await insertAnswers(tx, surveyId, responseId, rows);
          await addResponseCounts(tx, surveyId, responseId);
        });
      } catch (error) {
        // The answers were checked before the mark, so this is the database failing: let the member try again.
        await unmarkInvitationResponded(db, invitation.invitationId);
        throw error;
      }
      return { anonymous: true };
    },
  };
}
