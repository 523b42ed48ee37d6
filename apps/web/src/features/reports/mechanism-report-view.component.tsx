import type { MechanismReport } from '@telar/domain';
import { formatDate, formatSessionLine } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { MECHANISM_BLOCK_FIELDS } from './mechanism-block.util';

/** The report laid out like the official document: a preamble, then one two-column table per block. */
export function MechanismReportView({ report }: { report: MechanismReport }) {
  return (
    <article className="report" aria-labelledby="informe-titulo">
      <h2 id="informe-titulo">{report.bodyName}</h2>
      {report.approvingAgreement && (
        <p>
          {t('reports.approvedBy', {
            code: report.approvingAgreement.code ?? report.approvingAgreement.text,
            session: formatSessionLine(report.approvingAgreement.session),
          })}
        </p>
      )}
      {report.period && <p>{t('reports.period', { period: `${formatDate(report.period.from)} – ${formatDate(report.period.to)}` })}</p>}
      {report.blocks.length === 0 && <p className="empty">{t('reports.empty')}</p>}
      {report.blocks.map((block, index) => (
        <table key={index} className="table report__block">
          <caption className="visually-hidden">{t('reports.block', { number: index + 1 })}</caption>
          <tbody>
            {MECHANISM_BLOCK_FIELDS.map((field) => (
              <tr key={field.label}>
                <th scope="row">{t(field.label)}</th>
                <td>{field.render(block)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {report.minutesUrl && (
        <p className="report__footnote">
          {t('reports.minutesAvailable')}{' '}
          <a href={report.minutesUrl} rel="noopener noreferrer" target="_blank">
            {report.minutesUrl}
          </a>
        </p>
      )}
    </article>
  );
}
