import {
  type ImportCounts,
  type ImportTargetBody,
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
import { invalidField } from '../../platform/errors.js';
import { saveMechanismWording } from './mechanism-report.repository.js';
import { findOrganizationByIdentity, insertOrganization } from '../directory/index.js';
import { findParticipationByIdentity, findSessionByIdentity, insertParticipation, insertSession, requireFreeOrdinal, setSessionMinutes } from '../sessions/index.js';

const zeroCounts = (): ImportCounts => ({ sessions: 0, participations: 0, agreements: 0, followUps: 0, organizations: 0 });

interface WriteOutcome {
  created: ImportCounts;
  body: ImportTargetBody;
}

/** Thrown to roll a dry run back after it has counted what it would create. */
class DryRunRollback extends Error {
  constructor(readonly outcome: WriteOutcome) {
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
      if (!parsed.report || parsed.diagnostics.length) return { ...base, described: zeroCounts(), created: zeroCounts(), body: null };
      const report = parsed.report;
      let outcome: WriteOutcome;
      try {
        outcome = await db.transaction(async (tx) => {
          const written = await writeReport(tx, actor, report, options.bodyAcronym);
          if (options.dryRun) throw new DryRunRollback(written);
          return written;
        });
      } catch (error) {
        if (!(error instanceof DryRunRollback)) throw error;
        outcome = error.outcome;
      }
      // A preview rolls back the body it would create: it has no id to give.
      const body = options.dryRun && outcome.body.isNew ? { ...outcome.body, id: null } : outcome.body;
      return { ...base, described: countDescribed(report), created: outcome.created, body };
    },
  };
}

/**
 * The body that receives the records: the one with the given acronym, else the one the document
 * names (by the acronym of its approving agreement, then by its title). An acronym that names no body
 * is refused unless it is the document's own, with which the body is then created from the title.
 */
async function findTargetBody(db: Database, report: MechanismReport, bodyAcronym: string | undefined) {
  const documentAcronym = acronymFromCode(report.approvingAgreement?.code);
  if (bodyAcronym) {
    const named = await findBodyByAcronym(db, bodyAcronym);
    if (named) return { body: named, acronym: named.acronym };
    if (bodyAcronym.toUpperCase() !== documentAcronym?.toUpperCase()) {
      throw invalidField('bodyAcronym', `No hay un órgano con las siglas «${bodyAcronym}»; revise las siglas o deje el campo vacío para usar el órgano del documento.`);
    }
  }
  const body = (documentAcronym ? await findBodyByAcronym(db, documentAcronym) : undefined) ?? (await findBodyByName(db, report.bodyName));
  return { body, acronym: documentAcronym };
}

async function writeReport(db: Database, actor: Actor, report: MechanismReport, bodyAcronym?: string): Promise<WriteOutcome> {
  const created = zeroCounts();
  const target = await findTargetBody(db, report, bodyAcronym);
  const acronym = target.acronym;
  let body = target.body;
  const isNew = !body;
  // Importing into a body is its secretariat's business; creating a new body from the title is an administrator's.
  if (body) requireBodyManager(actor, await findBodyScope(db, body.id));
  else requireAdmin(actor);
  if (!body) {
    const row = await insertBody(db, { kind: 'commission', name: report.bodyName, acronym, level: 'national', stateCode: null });
    body = { ...row, kind: 'commission', level: 'national' };
  }
  const bodyId = body.id;
  if (report.period) await saveMechanismWording(db, bodyId, report.period, { preamble: report.preamble, minutesNote: report.minutesNote });

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
    // Each organisation once, with the name the document gave it first.
    const participants = new Map<string, string>();
    for (const name of block.participants) {
      const id = await upsertOrganization(name);
      if (!participants.has(id)) participants.set(id, name);
    }
    const participantIds = [...participants.keys()];
    let participationId = (await findParticipationByIdentity(db, sessionId, block.description, participantIds[0]!))?.id;
    if (!participationId) {
      participationId = (await insertParticipation(db, sessionId, block.description, participantIds, [...participants.values()])).id;
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
  return { created, body: { id: bodyId, name: body.name, acronym: body.acronym, isNew } };
}

function minutesOf(block: MechanismBlock, minutesUrl: string | null) {
  const first = block.evidence[0];
  return first ? { title: first.title, url: first.url ?? minutesUrl } : undefined;
}
