import {
  type ImportCounts,
  type MechanismBlock,
  type MechanismImportResult,
  type MechanismReport,
  parseMechanismReport,
  parseOrganizationName,
  type SessionRef,
} from '@telar/domain';
import { type Actor, describeActor } from '../../platform/auth/actor.js';
import { requireAdmin, requireBodyManager } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import { insertEvidence } from '../sessions/index.js';
import { findAgreementByIdentity, findFollowUpByIdentity, insertAgreement, insertFollowUp, replaceAgreementLinks } from '../sessions/index.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { findBodyByAcronym, findBodyByName, insertBody, setBodyMechanismAgreement } from '../bodies/index.js';
import { findOrganizationByIdentity, insertOrganization } from '../directory/index.js';
import { findParticipationByIdentity, findSessionByIdentity, insertParticipation, insertSession, requireFreeOrdinal, setSessionMinutes } from '../sessions/index.js';

const zeroCounts = (): ImportCounts => ({ sessions: 0, participations: 0, agreements: 0, followUps: 0, organizations: 0 });

/** Thrown to roll a dry run back after it has counted what it would create. */
class DryRunRollback extends Error {
  constructor(readonly created: ImportCounts) {
    super('dry run');
  }
}

/** What the document describes, counted as distinct records (a session or organisation named twice is one). */
function countDescribed(report: MechanismReport): ImportCounts {
  const sessionKeys = new Set(report.blocks.map((b) => sessionKey(b.session)));
  if (report.approvingAgreement) sessionKeys.add(sessionKey(report.approvingAgreement.session));
  const organizationKeys = new Set(report.blocks.flatMap((b) => b.participants.map((name) => parseOrganizationName(name).key)));
  return {
    sessions: sessionKeys.size,
    participations: report.blocks.length,
    agreements: report.blocks.reduce((n, b) => n + b.agreements.length, report.approvingAgreement ? 1 : 0),
    followUps: report.blocks.filter((b) => b.followUp).length,
    organizations: organizationKeys.size,
  };
}

const sessionKey = (s: SessionRef) => `${s.kind}/${s.number ?? 0}/${s.date}`;

/** The agreement code's first segment names the body that adopted it (COMSE/SO16/02/2021 → COMSE). */
const acronymFromCode = (code: string | null | undefined) => code?.split('/')[0] ?? null;

export function createMechanismImportService(db: Database, actor: Actor) {
  return {
    /**
     * Imports a participation-mechanism report. Everything is one transaction: a document with errors
     * writes nothing, a dry run is rolled back after counting, and records already present are reused
     * (matched by identity), so importing the same document twice creates nothing new.
     */
    async importText(text: string, options: { bodyAcronym?: string; dryRun: boolean }): Promise<MechanismImportResult> {
      const parsed = parseMechanismReport(text);
      const base = { warnings: parsed.warnings, diagnostics: parsed.diagnostics, report: parsed.report };
      if (!parsed.report || parsed.diagnostics.length) return { ...base, described: zeroCounts(), created: zeroCounts() };
      const report = parsed.report;
      let created: ImportCounts;
      try {
        created = await db.transaction(async (tx) => {
          const counts = await writeReport(tx, actor, report, options.bodyAcronym);
          if (options.dryRun) throw new DryRunRollback(counts);
          return counts;
        });
      } catch (error) {
        if (!(error instanceof DryRunRollback)) throw error;
        created = error.created;
      }
      return { ...base, described: countDescribed(report), created };
    },
  };
}

async function writeReport(db: Database, actor: Actor, report: MechanismReport, bodyAcronym?: string): Promise<ImportCounts> {
  const created = zeroCounts();
  const acronym = bodyAcronym || acronymFromCode(report.approvingAgreement?.code);
  let body = (acronym ? await findBodyByAcronym(db, acronym) : undefined) ?? (await findBodyByName(db, report.bodyName));
  // Importing into a body is its secretariat's business; creating a new body from the title is an administrator's.
  if (body) requireBodyManager(actor, await findBodyScope(db, body.id));
  else requireAdmin(actor);
  if (!body) {
    const row = await insertBody(db, { kind: 'commission', name: report.bodyName, acronym, level: 'national', stateCode: null });
    body = { ...row, kind: 'commission', level: 'national' };
  }
  const bodyId = body.id;

  const sessionIds = new Map<string, string>();
  async function upsertSession(ref: SessionRef, minutes?: { title: string; url: string | null }) {
    const key = sessionKey(ref);
    const known = sessionIds.get(key);
    if (known) return known;
    const existing = await findSessionByIdentity(db, bodyId, ref.kind, ref.number, ref.date);
    let id = existing?.id;
    if (!id) {
      // The same ordinal on another date is an inconsistency to resolve by hand, not a second session.
      await requireFreeOrdinal(db, { bodyId, kind: ref.kind, number: ref.number });
      id = (await insertSession(db, { bodyId, kind: ref.kind, number: ref.number, date: ref.date, modality: null })).id;
      created.sessions++;
    }
    if (minutes && !existing?.minutesEvidenceId) {
      const evidence = await insertEvidence(db, { kind: 'minutes', title: minutes.title, url: minutes.url });
      await setSessionMinutes(db, id, evidence.id);
    }
    sessionIds.set(key, id);
    return id;
  }

  const organizationIds = new Map<string, string>();
  async function upsertOrganization(rawName: string) {
    const { name, acronym: orgAcronym, key } = parseOrganizationName(rawName);
    const known = organizationIds.get(key);
    if (known) return known;
    let id = (await findOrganizationByIdentity(db, key, orgAcronym))?.id;
    if (!id) {
      id = (await insertOrganization(db, { name, acronym: orgAcronym, nameKey: key, sector: 'civil_society', level: 'none', stateCode: null, parentId: null })).id;
      created.organizations++;
    }
    organizationIds.set(key, id);
    return id;
  }

  async function upsertAgreement(sessionId: string, participationId: string | null, code: string | null, text: string, status: string, states: string[]) {
    const existing = await findAgreementByIdentity(db, sessionId, code, text);
    if (existing) return existing.id;
    const row = await insertAgreement(db, { sessionId, participationId, code, text, status, dueDate: null });
    await replaceAgreementLinks(db, row.id, [], states);
    created.agreements++;
    return row.id;
  }

  if (report.approvingAgreement) {
    const { session, code, text } = report.approvingAgreement;
    const agreementId = await upsertAgreement(await upsertSession(session), null, code, text, 'fulfilled', []);
    if (!body.mechanismAgreementId) await setBodyMechanismAgreement(db, bodyId, agreementId);
  }

  for (const block of report.blocks) {
    const sessionId = await upsertSession(block.session, minutesOf(block, report.minutesUrl));
    const participantIds: string[] = [];
    for (const name of block.participants) participantIds.push(await upsertOrganization(name));
    let participationId = (await findParticipationByIdentity(db, sessionId, block.description, participantIds[0]!))?.id;
    if (!participationId) {
      participationId = (await insertParticipation(db, sessionId, block.description, [...new Set(participantIds)])).id;
      created.participations++;
    }
    const followUpStates = block.followUp?.states ?? [];
    // A follow-up answers the block's agreement when there is one, otherwise the participation itself.
    let agreementId: string | null = null;
    for (const agreement of block.agreements) {
      const status = block.followUp ? 'in_progress' : 'pending';
      agreementId = await upsertAgreement(sessionId, participationId, agreement.code, agreement.text, status, followUpStates);
    }
    if (block.followUp) {
      const owner = { agreementId, participationId: agreementId ? null : participationId };
      if (!(await findFollowUpByIdentity(db, owner, block.followUp.text))) {
        await insertFollowUp(db, { ...owner, date: null, text: block.followUp.text }, followUpStates, []);
        created.followUps++;
      }
    }
  }
  await insertAuditEntry(db, { actor: describeActor(actor), action: 'import', entity: 'body', entityId: bodyId, changes: { created: [null, created] } });
  return created;
}

function minutesOf(block: MechanismBlock, minutesUrl: string | null) {
  const first = block.evidence[0];
  return first ? { title: first.title, url: first.url ?? minutesUrl } : undefined;
}
