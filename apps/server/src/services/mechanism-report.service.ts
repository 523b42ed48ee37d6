import type { MechanismReport } from '@telar/domain';
import { renderMechanismReportMarkdown } from '@telar/domain';
import type { Database } from '../db/client.js';
import { notFound } from '../http/errors.js';
import { findBody, findBodyByAcronym } from '../repositories/body.repository.js';
import { findMechanismAgreement, listMechanismBlocks } from '../repositories/mechanism-report.repository.js';
import { renderMechanismReportDocx } from '../reports/mechanism-report.docx.js';

export type MechanismReportFormat = 'json' | 'md' | 'docx';

export function createMechanismReportService(db: Database) {
  async function build(body: { id: string; name: string }, from: string, to: string): Promise<MechanismReport> {
    const [blocks, approvingAgreement] = await Promise.all([listMechanismBlocks(db, body.id, from, to), findMechanismAgreement(db, body.id)]);
    const minutesUrl = blocks.flatMap((b) => b.evidence).find((e) => e.url)?.url ?? null;
    return { bodyName: body.name, approvingAgreement: approvingAgreement ?? null, period: { from, to }, minutesUrl, blocks };
  }

  return {
    /** The report of a body (by id or acronym) for a period, in the requested format. */
    async generate(bodySelector: { id?: string; acronym?: string }, from: string, to: string, format: MechanismReportFormat) {
      const body = bodySelector.id ? await findBody(db, bodySelector.id) : await findBodyByAcronym(db, bodySelector.acronym ?? '');
      if (!body) throw notFound();
      const report = await build(body, from, to);
      const fileStem = `informe-mecanismo-${(body.acronym ?? 'organo').toLowerCase()}-${from}-${to}`;
      if (format === 'json') return { report, body: JSON.stringify(report, null, 2), contentType: 'application/json', fileName: `${fileStem}.json` };
      if (format === 'md') return { report, body: renderMechanismReportMarkdown(report), contentType: 'text/markdown; charset=utf-8', fileName: `${fileStem}.md` };
      return {
        report,
        body: await renderMechanismReportDocx(report),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName: `${fileStem}.docx`,
      };
    },
  };
}
