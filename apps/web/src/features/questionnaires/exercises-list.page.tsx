import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ExerciseView } from '@telar/domain';
import type { ReactElement } from 'react';
import { questionnaireExercisesApi } from '../../api/questionnaire-resources';
import { useMeAbilities } from '../../auth/me.hook';
import { Disclosure } from '../../components/disclosure.component';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { SearchBox } from '../../components/search-box.component';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { ExerciseStatusBadge } from './exercise-status.component';
import { ReplyImportForm } from './questionnaire-uploads.component';
import '../../styles/questionnaires.css';

const routeApi = getRouteApi('/_internal/cuestionarios');
const PAGE_SIZE = 25;

const columns: TableColumn<ExerciseView>[] = [
  {
    header: t('questionnaires.exercise.title'),
    isRowHeader: true,
    render: (exercise) => (
      <Link to="/cuestionarios/$exerciseId" params={{ exerciseId: exercise.id }}>
        {exercise.title}
      </Link>
    ),
  },
  { header: t('questionnaires.exercise.recipient'), render: (exercise) => exercise.recipient ?? t('app.none') },
  { header: t('questionnaires.exercise.reference'), render: (exercise) => exercise.reference ?? t('app.none') },
  { header: t('questionnaires.exercise.internalDueOn'), render: (exercise) => formatDate(exercise.internalDueOn) },
  { header: t('questionnaires.exercise.externalDueOn'), render: (exercise) => formatDate(exercise.externalDueOn) },
  { header: t('questionnaires.statusLabel'), render: (exercise) => <ExerciseStatusBadge exercise={exercise} /> },
  {
    header: t('questionnaires.exercise.answered'),
    className: 'numeric',
    render: (exercise) => t('questionnaires.exercise.answeredOf', { answered: exercise.answeredCount, total: exercise.questionCount }),
  },
];

export function ExercisesListPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const abilities = useMeAbilities();
  const page = search.page ?? 1;
  const query = useQuery(questionnaireExercisesApi.list({ q: search.q, page, pageSize: PAGE_SIZE }));
  return (
    <>
      <PageHeader
        title={t('questionnaires.title')}
        actions={
          <>
            <Link to="/cuestionarios/plantillas" className="button">
              {t('questionnaires.templates.title')}
            </Link>
            {abilities?.manageAnyBody && (
              <Link to="/cuestionarios/nuevo" className="button button--primary">
                {t('questionnaires.exercise.new')}
              </Link>
            )}
          </>
        }
      />
      <p>{t('questionnaires.intro')}</p>
      {abilities?.manageAnyBody && (
        <Disclosure summary={t('questionnaires.replyImport.title')}>
          <ReplyImportForm />
        </Disclosure>
      )}
      <div className="filters" role="search" aria-label={t('questionnaires.filters')}>
        <SearchBox label={t('questionnaires.searchLabel')} value={search.q ?? ''} onSearch={(q) => void navigate({ search: (previous) => ({ ...previous, q: q || undefined, page: undefined }), replace: true })} />
      </div>
      <QueryContent query={query}>
        {(result) => (
          <PaginatedTable
            caption={t('questionnaires.title')}
            isCaptionHidden
            columns={columns}
            rows={result.items}
            getRowKey={(exercise) => exercise.id}
            emptyText={search.q ? t('questionnaires.emptySearch') : t('questionnaires.empty')}
            pagination={{ ...result, onPageChange: (next) => void navigate({ search: (previous) => ({ ...previous, page: next }) }) }}
          />
        )}
      </QueryContent>
    </>
  );
}
