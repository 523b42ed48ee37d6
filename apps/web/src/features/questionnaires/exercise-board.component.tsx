import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { CONTRIBUTION_STATUSES, type ExerciseBoardView } from '@telar/domain';
import type { ReactElement } from 'react';
import { questionnaireExercisesApi } from '../../api/questionnaire-resources';
import { QueryContent } from '../../components/query-content.component';
import { formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { ContributionStatusBadge } from './contribution-status.component';
import { TableScroll } from '../../components/table-scroll.component';

function BoardTable({ board }: { board: ExerciseBoardView }): ReactElement {
  const cellAt = new Map(board.cells.map((cell) => [`${cell.questionId}|${cell.organizationId}`, cell]));
  return (
    <TableScroll label={t('questionnaires.board.caption')}>
      <table className="table table--compact board">
        <caption>{t('questionnaires.board.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('questionnaires.question')}</th>
            {board.organizations.map((organization) => (
              <th key={organization.id} scope="col" title={organization.name}>
                {organization.acronym ?? organization.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.questions.map((question) => (
            <tr key={question.id}>
              <th scope="row" className="board__question">
                {question.number}. {question.text}
              </th>
              {board.organizations.map((organization) => {
                const cell = cellAt.get(`${question.id}|${organization.id}`);
                return (
                  <td key={organization.id} className={cell?.isOverdue ? 'board__cell board__cell--overdue' : 'board__cell'}>
                    {cell ? (
                      <Link to="/aportaciones/$contributionId" params={{ contributionId: cell.contributionId }}>
                        <span className="visually-hidden">{t('questionnaires.board.cellLabel', { number: question.number, organization: organization.acronym ?? organization.name })}: </span>
                        <ContributionStatusBadge status={cell.status} isOverdue={cell.isOverdue} />
                      </Link>
                    ) : (
                      <span className="board__none">
                        <span aria-hidden="true">·</span>
                        <span className="visually-hidden">{t('questionnaires.board.notAssigned')}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The board: each question against each organisation, the status of its contribution, and the totals. */
export function ExerciseBoard({ exerciseId }: { exerciseId: string }): ReactElement {
  const query = useQuery(questionnaireExercisesApi.board(exerciseId));
  return (
    <section aria-labelledby="tablero">
      <h2 id="tablero">{t('questionnaires.tab.board')}</h2>
      <QueryContent query={query}>
        {(board) => (
          <>
            <dl className="count-cards board__totals">
              {CONTRIBUTION_STATUSES.map((status) => (
                <div key={status} className="count-card">
                  <dt>{t(`questionnaires.contributionStatus.${status}`)}</dt>
                  <dd>{formatNumber(board.totals[status] ?? 0)}</dd>
                </div>
              ))}
              <div className="count-card count-card--overdue">
                <dt>{t('questionnaires.overdue')}</dt>
                <dd>{formatNumber(board.overdue)}</dd>
              </div>
            </dl>
            {board.cells.length === 0 ? <p className="empty">{t('questionnaires.board.empty')}</p> : <BoardTable board={board} />}
          </>
        )}
      </QueryContent>
    </section>
  );
}
