import { type MechanismReport, renderMechanismReportMarkdown, toFileStem } from '@telar/domain';
import type { Actor } from '../../platform/auth/actor.js';
import { requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import type { Database } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import { findBody, findBodyByAcronym, findBodyHeaderLogo } from '../bodies/index.js';
import { findMechanismAgreement, findMechanismWording, listMechanismBlocks } from './mechanism-report.repository.js';
import {
  findLivePublishedReport,
  findLivePublishedReportById,
  insertPublishedReport,
  replacePublishedReport,
  withdrawPublishedReport,
} from './published-report.repository.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import { renderMechanismReportDocx } from './mechanism-report.docx.js';
import { auditCreate } from '../../platform/records/versioned-write.js';
import { insertAuditEntry } from '../../platform/audit/audit.repository.js';
import { describeActor } from '../../platform/auth/actor.js';

type AuditChanges = Record<string, [before: unknown, after: unknown]>;

export type MechanismReportFormat = 'json' | 'md' | 'docx';

/** The report as a downloadable file in the requested format; the Word one carries the body's logo, if it has one. */
export async function renderMechanismReportFile(db: Database, report: MechanismReport, body: { id: string; acronym: string | null }, format: MechanismReportFormat) {
  const period = report.period ? `-${report.period.from}-${report.period.to}` : '';
  const fileStem = `informe-mecanismo-${toFileStem(body.acronym ?? 'órgano')}${period}`;
  if (format === 'json') return { body: JSON.stringify(report, null, 2), contentType: 'application/json', fileName: `${fileStem}.json` };
  if (format === 'md') return { body: renderMechanismReportMarkdown(report), contentType: 'text/markdown; charset=utf-8', fileName: `${fileStem}.md` };
  return {
    body: await renderMechanismReportDocx(report, await findBodyHeaderLogo(db, body.id)),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: `${fileStem}.docx`,
  };
}

export function createMechanismReportService(db: Database, actor: Actor) {
  async function findTargetBody(selector: { id?: string; acronym?: string }) {
    const body = selector.id ? await findBody(db, selector.id) : await findBodyByAcronym(db, selector.acronym ?? '');
    if (!body) throw notFound();
    return body;
  }

  async function build(body: { id: string; name: string }, from: string, to: string): Promise<MechanismReport> {
    const [blocks, approvingAgreement, wording] = await Promise.all([
      listMechanismBlocks(db, body.id, from, to),
      findMechanismAgreement(db, body.id),
      findMechanismWording(db, body.id, from, to),
    ]);
    const minutesUrl = blocks.flatMap((b) => b.evidence).find((e) => e.url)?.url ?? null;
    return {
      bodyName: body.name,
      approvingAgreement: approvingAgreement ?? null,
      period: { from, to },
      preamble: wording?.preamble ?? [],
      minutesUrl,
      minutesNote: wording?.minutesNote ?? null,
      blocks,
    };
  }

  return {
    /** The report of a body (by id or acronym) for a period, in the requested format. */
    async generate(bodySelector: { id?: string; acronym?: string }, from: string, to: string, format: MechanismReportFormat) {
      requireSignedIn(actor);
      const body = await findTargetBody(bodySelector);
      const report = await build(body, from, to);
      return { report, ...(await renderMechanismReportFile(db, report, body, format)) };
    },

    /**
     * Freezes the report as it is now and puts it on the public portal. Publishing a period again
     * replaces that period's public report (same entry, new snapshot) instead of adding a second one.
     */
    async publish(bodyId: string, from: string, to: string) {
      requireBodyManager(actor, await findBodyScope(db, bodyId));
      const body = await findTargetBody({ id: bodyId });
      const report = await build(body, from, to);
      const title = `Informe del Mecanismo de participación — ${body.acronym ?? body.name} (${from} a ${to})`;
      return db.transaction(async (tx) => {
        const earlier = await findLivePublishedReport(tx, 'mechanism', bodyId, from, to);
        if (earlier) {
          await replacePublishedReport(tx, earlier.id, { title, content: report });
          const changes: AuditChanges = { title: [earlier.title, title], blocks: [earlier.blocks, report.blocks.length] };
          await insertAuditEntry(tx, { actor: describeActor(actor), action: 'publish', entity: 'published_report', entityId: earlier.id, changes });
          return { id: earlier.id, title };
        }
        const { id } = await insertPublishedReport(tx, { kind: 'mechanism', bodyId, periodFrom: from, periodTo: to, title, content: report });
        await auditCreate(tx, actor, 'published_report', id, { bodyId, from, to, blocks: report.blocks.length });
        return { id, title };
      });
    },

    /** Takes a published report off the portal, for a reason kept in its history. */
    async withdraw(id: string, reason: string) {
      await db.transaction(async (tx) => {
        const report = await findLivePublishedReportById(tx, id);
        if (!report) throw notFound();
        requireBodyManager(actor, await findBodyScope(tx, report.bodyId));
        const { archivedAt } = await withdrawPublishedReport(tx, id);
        const changes: AuditChanges = { archivedAt: [null, archivedAt], reason: [null, reason] };
        await insertAuditEntry(tx, { actor: describeActor(actor), action: 'unpublish', entity: 'published_report', entityId: id, changes });
      });
    },
  };
}
