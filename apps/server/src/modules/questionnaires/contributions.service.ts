import {
  type Answer,
  answerPlainText,
  type ContributionReviewSchema,
  type ContributionStatus,
  type ContributionUpdateSchema,
  type ContributionView,
  isAnswerEmpty,
} from '@telar/domain';
import type { z } from 'zod';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { canManageBody, canManageBodyOrEnlace, isAdmin, requireBodyManager, requireBodyManagerOrEnlace, requireSignedIn } from '../../platform/auth/policy.js';
import { findBodyScope, type RecordScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import type { PageRequest } from '../../platform/db/query.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import { writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import {
  type ContributionFacts,
  type ContributionRow,
  findContribution,
  findContributionFacts,
  findContributionView,
  findLinkLabels,
  findPreviousAnswer,
  listExerciseQuestions,
  listMyContributions,
  updateContribution,
} from './questionnaires.repository.js';
import { toQuestionView } from './exercises.service.js';

/** Statuses in which the contribution is with its organisation, to write. */
const WITH_ORGANIZATION: readonly ContributionStatus[] = ['pending', 'draft', 'sent_back'];

/** The exercise's body (and those above it) and the contributing organisation. */
const contributionScope = async (db: Database, facts: ContributionFacts): Promise<RecordScope> => ({
  ...(await findBodyScope(db, facts.bodyId)),
  organizationIds: [facts.organizationId],
});

/** What the audit keeps of a contribution: the answer as one line of text, so the history reads as words. */
const auditedValues = (row: Partial<ContributionRow>) => ({
  ...row,
  ...(row.answer ? { answer: answerPlainText(row.answer) } : {}),
});

/**
 * Contributions: an organisation's answer to a question assigned to it. Its enlaces (or the
 * exercise's secretariat on its behalf) draft and submit it; the secretariat accepts it, which
 * locks it, or sends it back with a comment. The reviewer never rewrites the text through review.
 */
export function createContributionService(db: Database, actor: Actor) {
  const roles = actor.kind === 'user' ? actor.roles : [];

  /**
   * Changes the contribution in one transaction holding its row: `check` decides from its facts
   * whether the change may happen; the write is versioned and audited.
   */
  const change = async (
    id: string,
    version: number,
    action: 'update' | 'submit' | 'accept' | 'send_back',
    check: (tx: Database, facts: ContributionFacts) => Promise<Partial<ContributionRow>>,
  ) => {
    await db.transaction(async (tx) => {
      const facts = await findContributionFacts(tx, id, true);
      if (!facts || facts.isArchived) throw notFound();
      const values = await check(tx, facts);
      await writeVersionedUpdate(tx, actor, {
        entity: 'questionnaire_contribution',
        id,
        version,
        action,
        values: auditedValues(values),
        find: async (t, rowId) => {
          const row = await findContribution(t, rowId);
          return row && auditedValues(row);
        },
        write: (t, rowId, v) => updateContribution(t, rowId, v, values),
      });
    });
    return readContribution(id);
  };

  /** The organisation (its enlace) or the exercise's secretariat writes, while the exercise is open and the contribution with the organisation. */
  const requireWritable = async (tx: Database, facts: ContributionFacts) => {
    requireBodyManagerOrEnlace(actor, await contributionScope(tx, facts));
    if (!WITH_ORGANIZATION.includes(facts.status)) throw new DomainError('contribution_locked');
    if (facts.exerciseStatus !== 'open') throw new DomainError('exercise_not_open');
  };

  const requireReviewable = async (tx: Database, facts: ContributionFacts) => {
    requireBodyManager(actor, await contributionScope(tx, facts));
    if (facts.status === 'accepted') throw new DomainError('contribution_locked');
    if (facts.status !== 'submitted') throw new DomainError('contribution_not_submitted');
  };

  async function readContribution(id: string): Promise<ContributionView> {
    const [contribution, facts] = await Promise.all([findContributionView(db, id), findContributionFacts(db, id)]);
    if (!contribution || !facts) throw notFound();
    const [[question], labels, previousAnswer, scope] = await Promise.all([
      listExerciseQuestions(db, facts.exerciseId, [facts.questionId]),
      findLinkLabels(db, contribution.links),
      facts.previousExerciseId ? findPreviousAnswer(db, facts.previousExerciseId, facts.questionKey, facts.planNodeId, facts.organizationId) : null,
      contributionScope(db, facts),
    ]);
    const links = contribution.links.map((link) => ({ ...link, kind: link.kind as ContributionView['links'][number]['kind'], label: labels.get(`${link.kind}:${link.id}`) ?? '' }));
    const abilities = {
      edit: canManageBodyOrEnlace(actor, scope) && WITH_ORGANIZATION.includes(facts.status) && facts.exerciseStatus === 'open',
      review: canManageBody(actor, scope) && facts.status === 'submitted',
    };
    return { ...contribution, question: toQuestionView(question!), links, previousAnswer, abilities };
  }

  return {
    async get(id: string) {
      requireSignedIn(actor);
      return readContribution(id);
    },

    /** Saves a draft: the answer and the Telar records it cites, which must exist. */
    async update(id: string, { answer, links, version }: z.output<typeof ContributionUpdateSchema>) {
      return change(id, version, 'update', async (tx, facts) => {
        await requireWritable(tx, facts);
        const labels = await findLinkLabels(tx, links);
        const unknown = links.findIndex((link) => !labels.has(`${link.kind}:${link.id}`));
        if (unknown >= 0) throw invalidField(`links.${unknown}.id`, 'El registro vinculado no existe.');
        return { answer: answer as Answer, links, status: 'draft' };
      });
    },

    async submit(id: string, version: number) {
      return change(id, version, 'submit', async (tx, facts) => {
        await requireWritable(tx, facts);
        const row = (await findContribution(tx, id))!;
        if (facts.status === 'pending' || (facts.isRequired && isAnswerEmpty(row.answer)))
          throw invalidField('answer', facts.isRequired ? 'La pregunta es obligatoria: escriba la respuesta antes de enviarla.' : 'Guarde la respuesta antes de enviarla.');
        return { status: 'submitted', submittedAt: new Date().toISOString(), reviewComment: null };
      });
    },

    async accept(id: string, { comment, version }: z.output<typeof ContributionReviewSchema>) {
      return change(id, version, 'accept', async (tx, facts) => {
        await requireReviewable(tx, facts);
        return { status: 'accepted', reviewComment: comment ?? null, reviewedAt: new Date().toISOString(), reviewedBy: describeActor(actor) };
      });
    },

    /** Back to the organisation with what to change; it drafts again from its own text. */
    async sendBack(id: string, { comment, version }: z.output<typeof ContributionReviewSchema>) {
      return change(id, version, 'send_back', async (tx, facts) => {
        await requireReviewable(tx, facts);
        if (!comment) throw invalidField('comment', 'Diga qué debe cambiar la organización.');
        // Sent back to an organisation that can no longer write would only ask for the impossible.
        if (facts.exerciseStatus !== 'open') throw new DomainError('exercise_not_open');
        return { status: 'sent_back', reviewComment: comment, reviewedAt: new Date().toISOString(), reviewedBy: describeActor(actor) };
      });
    },

    /** What the person has to write (as enlace) or to review (as secretariat, in the exercises of the bodies they manage). */
    async listMine(page: PageRequest) {
      requireSignedIn(actor);
      const organizationIds = roles.flatMap((r) => (r.role === 'enlace' && r.organizationId ? [r.organizationId] : []));
      const bodyIds = roles.flatMap((r) => (r.role === 'secretariat' && r.bodyId ? [r.bodyId] : []));
      return { ...(await listMyContributions(db, { organizationIds, bodyIds: isAdmin(actor) ? 'all' : bodyIds }, page)), ...page };
    },
  };
}
