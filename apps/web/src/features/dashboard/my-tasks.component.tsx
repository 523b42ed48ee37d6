import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { AgreementView, MyTasksView, ReportView } from '@telar/domain';
import type { ReactElement, ReactNode } from 'react';
import { myTasksQuery } from '../../api/resources';
import { QueryContent } from '../../components/query-content.component';
import { formatAgreementName, formatDate, formatDateTime, formatSessionLine, getTodayIso } from '../../i18n/format';
import { t } from '../../i18n/translate';

type GroupKey = keyof MyTasksView;
const GROUPS: readonly GroupKey[] = ['reportsSentBack', 'reportsDue', 'agreementsOwed', 'reportsToReview'];

/** «Lo que me toca»: what the signed-in person owes, what was sent back and what awaits their review, each a link to its record. */
export function MyTasks(): ReactElement {
  const query = useQuery(myTasksQuery);
  return (
    <section aria-labelledby="lo-que-me-toca" className="my-tasks">
      <h2 id="lo-que-me-toca">{t('myTasks.title')}</h2>
      <QueryContent query={query}>
        {(tasks) => {
          const groups = GROUPS.filter((key) => tasks[key].total > 0);
          if (groups.length === 0) return <p>{t('myTasks.empty')}</p>;
          return groups.map((key) => (
            <TaskGroup key={key} id={`tareas-${key}`} title={t(`myTasks.${key}`, { count: tasks[key].total })} shown={tasks[key].items.length} total={tasks[key].total}>
              {key === 'agreementsOwed'
                ? tasks.agreementsOwed.items.map((agreement) => <AgreementTask key={agreement.id} agreement={agreement} />)
                : tasks[key].items.map((report) => <ReportTask key={report.id} report={report} group={key} />)}
            </TaskGroup>
          ));
        }}
      </QueryContent>
    </section>
  );
}

function TaskGroup({ id, title, shown, total, children }: { id: string; title: string; shown: number; total: number; children: ReactNode }) {
  return (
    <div className="my-tasks__group">
      <h3 id={id}>{title}</h3>
      <ul className="task-list" aria-labelledby={id}>
        {children}
      </ul>
      {total > shown && <p className="task-list__more">{t('myTasks.more', { shown, total })}</p>}
    </div>
  );
}

function ReportTask({ report, group }: { report: ReportView; group: Exclude<GroupKey, 'agreementsOwed'> }) {
  return (
    <li className="task-list__item">
      <Link to="/reportes/$reportId" params={{ reportId: report.id }}>
        {t('reporting.reportTitle', { organization: report.organization.acronym ?? report.organization.name, period: report.reportingPeriod.title })}
      </Link>
      <span className="task-list__detail">{report.plan.name}</span>
      <Due date={report.reportingPeriod.dueDate} isOverdue={report.isOverdue} />
      {group === 'reportsSentBack' && report.reviewComment && <span className="task-list__detail">{t('myTasks.sentBackComment', { comment: report.reviewComment })}</span>}
      {group === 'reportsToReview' && report.submittedAt && <span className="task-list__detail">{t('reporting.sentOn', { date: formatDateTime(report.submittedAt) })}</span>}
    </li>
  );
}

function AgreementTask({ agreement }: { agreement: AgreementView }) {
  return (
    <li className="task-list__item">
      <Link to="/acuerdos/$agreementId" params={{ agreementId: agreement.id }}>
        {formatAgreementName(agreement)}
      </Link>
      <span className="task-list__detail">
        {agreement.session.body.acronym ?? agreement.session.body.name} · {formatSessionLine(agreement.session)}
      </span>
      {agreement.dueDate ? <Due date={agreement.dueDate} isOverdue={agreement.dueDate < getTodayIso()} /> : <span className="task-list__detail">{t('myTasks.noDueDate')}</span>}
    </li>
  );
}

/** The deadline, a day in Mexico City, and whether it has passed. */
function Due({ date, isOverdue }: { date: string; isOverdue: boolean }) {
  return (
    <span className="task-list__detail">
      {t('reporting.dueOn', { date: formatDate(date) })}
      {isOverdue && <span className="badge badge--overdue">{t('myTasks.overdue')}</span>}
    </span>
  );
}
