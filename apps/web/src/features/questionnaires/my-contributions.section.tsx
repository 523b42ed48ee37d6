import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { myContributionsQuery } from '../../api/questionnaire-resources';
import { QueryContent } from '../../components/query-content.component';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { ContributionStatusBadge } from './contribution-status.component';

/** «Mis aportaciones» on the home page: the questions the person's organisation has to answer or review. */
export function MyContributionsSection(): ReactElement | null {
  const query = useQuery(myContributionsQuery);
  // Most people answer no questionnaire: the section shows only when there is something in it.
  if (query.data && query.data.total === 0) return null;
  return (
    <section aria-labelledby="mis-aportaciones" className="my-tasks">
      <h2 id="mis-aportaciones">{t('questionnaires.mine.title')}</h2>
      <QueryContent query={query}>
        {({ items, total }) => (
          <>
            <ul className="task-list">
              {items.map((contribution) => (
                <li key={contribution.id} className="task-list__item">
                  <Link to="/aportaciones/$contributionId" params={{ contributionId: contribution.id }}>
                    {t('questionnaires.mine.item', { number: contribution.questionNumber, text: contribution.questionText })}
                  </Link>
                  <span className="task-list__detail">
                    {contribution.exercise.title} · {contribution.organization.acronym ?? contribution.organization.name}
                  </span>
                  <span className="task-list__detail">
                    <ContributionStatusBadge status={contribution.status} isOverdue={contribution.isOverdue} />
                    {contribution.dueOn && ` ${t('questionnaires.dueOnDate', { date: formatDate(contribution.dueOn) })}`}
                  </span>
                </li>
              ))}
            </ul>
            {total > items.length && <p className="task-list__more">{t('questionnaires.mine.more', { shown: items.length, total })}</p>}
          </>
        )}
      </QueryContent>
    </section>
  );
}
