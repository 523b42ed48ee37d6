import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { publicApi } from '../../api/public-resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { SessionsTable } from '../../components/sessions-table.component';
import { t } from '../../i18n/translate';

const routeApi = getRouteApi('/publico/sesiones');
const PAGE_SIZE = 25;

/** Published sessions, newest first. */
export function PublicSessionsPage(): ReactElement {
  const { page = 1 } = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const query = useQuery(publicApi.sessions({ page, pageSize: PAGE_SIZE }));
  return (
    <>
      <PageHeader title={t('public.sessions.title')} eyebrow={t('public.name')} />
      <QueryContent query={query}>
        {(result) => (
          <SessionsTable
            caption={t('public.sessions.title')}
            isCaptionHidden
            isPublic
            sessions={result.items}
            emptyText={t('public.sessions.empty')}
            pagination={{ ...result, onPageChange: (next) => void navigate({ search: { page: next } }) }}
          />
        )}
      </QueryContent>
    </>
  );
}
