import { checkSurveyAnswers, type SurveyAnswerInput } from '@telar/domain';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import { findSurveyRow, insertAnswers, rebuildCounts, updateSurvey } from './surveys.repository.js';
import { insertImportedResponse } from './imported-responses.repository.js';

export interface ImportedResponses {
  /** The version of the draft the import was prepared from. */
  version: number;
  /** The day the source says the answers were given (the responses keep a day, never a time). */
  submittedOn: string;
  responses: SurveyAnswerInput[];
  /** What the source leaves unclear, added to the survey's flags. */
  flags: string[];
}

/**
 * Responses a network gathered outside Telar — answers shown on an assembly's slides, forms on paper —
 * recorded as the results of a survey that never sent personal links. A narrow entry with no route: today
 * only the demo uses it (seed 003's perception survey, demo-networks.ts). The survey must be an anonymous
 * draft: the responses are tied to no invitation and no member (anonymous, no segments), the counts are
 * rebuilt, and the survey is closed in the same transaction, so none of the invitation rules (links,
 * reminders, rates) ever applies to it. Each response is checked like one sent by a member; an error names it.
 */
export function createImportedResponseService(db: Database, actor: Actor) {
  return {
    async importResponses(surveyId: string, input: ImportedResponses): Promise<{ imported: number }> {
      requireSignedIn(actor);
      const survey = await findSurveyRow(db, surveyId);
      if (!survey || survey.archivedAt) throw notFound();
      requireBodyManager(actor, await findBodyScope(db, survey.networkId));
      if (survey.effectiveStatus !== 'draft') throw new DomainError('survey_not_draft');
      if (survey.anonymity !== 'anonymous') throw invalidField('anonymity', 'Solo se importan respuestas a una encuesta anónima: no se sabe quién las dio.');
      const checked = input.responses.map((answers) => checkSurveyAnswers(survey.definition, answers));
      const issues = checked.flatMap(({ issues: found }, index) => found.map((issue) => ({ path: ['responses', index, ...issue.path].join('.'), message: `Respuesta ${index + 1}: ${issue.message}` })));
      if (issues.length) throw new DomainError('validation', issues);
      await db.transaction(async (tx) => {
        for (const { rows } of checked) await insertAnswers(tx, surveyId, await insertImportedResponse(tx, surveyId, input.submittedOn), rows);
        await rebuildCounts(tx, surveyId);
        const flags = [...survey.flags, ...input.flags];
        const closed = await updateSurvey(tx, surveyId, input.version, { status: 'closed', closedAt: new Date().toISOString(), flags });
        if (!closed) throw new DomainError('conflict');
        await insertAuditEntry(tx, {
          actor: describeActor(actor),
          action: 'import',
          entity: 'survey',
          entityId: surveyId,
          changes: { status: ['draft', 'closed'], importedResponses: [0, input.responses.length], flags: [survey.flags, flags] },
        });
      });
      return { imported: input.responses.length };
    },
  };
}
