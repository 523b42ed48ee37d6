import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { AGREEMENT_STATUSES } from '@telar/domain';
import type { ReactElement } from 'react';
import { agreementsApi } from '../../api/resources';
import { AgreementsTable } from '../../components/agreements-table.component';
import { ListDownloads } from '../../components/list-downloads.component';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { SearchBox } from '../../components/search-box.component';
import { t } from '../../i18n/translate';
import { readChoice } from '../../routes/search-params';

const routeApi = getRouteApi('/_internal/acuerdos');
const PAGE_SIZE = 25;
const STATUS_FILTERS = [undefined, ...AGREEMENT_STATUSES] as const;

export function AgreementsListPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const status = readChoice(search.status, AGREEMENT_STATUSES);
  const page = search.page ?? 1;
  const isOverdue = search.overdue === true;
  const filters = { q: search.q, status, isOverdue: isOverdue || undefined };
  const query = useQuery(agreementsApi.list({ ...filters, page, pageSize: PAGE_SIZE }));

  return (
    <>
      <PageHeader
        title={t('agreements.title')}
        actions={<ListDownloads exportUrl={(format) => agreementsApi.exportUrl(format, filters)} total={query.data?.total} />}
      />
      {/* Status filters are links, so each view has its own address and works without script state. */}
      <nav aria-label={t('agreements.statusFilter')}>
        <ul className="status-tabs">
          {STATUS_FILTERS.map((value) => (
            <li key={value ?? 'all'}>
              <Link
                to="/acuerdos"
                search={(previous) => ({ ...previous, status: value, overdue: undefined, page: undefined })}
                className="status-tabs__link"
                // Active (aria-current="page") only when the whole search matches this tab's.
                activeOptions={{ exact: true, includeSearch: true }}
              >
                {value ? t(`agreementStatus.${value}`) : t('agreements.all')}
              </Link>
            </li>
          ))}
          <li>
            <Link
              to="/acuerdos"
              search={(previous) => ({ ...previous, status: undefined, overdue: true, page: undefined })}
              className="status-tabs__link"
              activeOptions={{ exact: true, includeSearch: true }}
            >
              {t('agreements.overdueFilter')}
            </Link>
          </li>
        </ul>
      </nav>
      <div className="filters" role="search" aria-label={t('sessions.filters')}>
        <SearchBox
          label={t('agreements.searchLabel')}
          value={search.q ?? ''}
          onSearch={(q) => void navigate({ search: (previous) => ({ ...previous, q: q || undefined, page: undefined }), replace: true })}
        />
      </div>
      <QueryContent query={query}>
        {(result) => (
          <AgreementsTable
            caption={isOverdue ? t('agreements.overdueFilter') : status ? t(`agreementStatus.${status}`) : t('agreements.title')}
            isCaptionHidden
            agreements={result.items}
            pagination={{ ...result, onPageChange: (next) => void navigate({ search: (previous) => ({ ...previous, page: next }) }) }}
          />
        )}
      </QueryContent>
    </>
  );
}
