import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { SESSION_KINDS } from '@telar/domain';
import type { ReactElement } from 'react';
import { sessionsApi } from '../../api/resources';
import { useMeAbilities } from '../../auth/me.hook';
import { ChoiceOptions, SelectOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { ListDownloads } from '../../components/list-downloads.component';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { SearchBox } from '../../components/search-box.component';
import { SessionsTable } from '../../components/sessions-table.component';
import { t } from '../../i18n/translate';
import { readChoice } from '../../routes/search-params';
import { useBodyOptions } from '../bodies/body-options.hook';

const routeApi = getRouteApi('/_internal/sesiones');
const PAGE_SIZE = 25;

type SessionFilters = { q?: string; bodyId?: string; kind?: string; from?: string; to?: string };

export function SessionsListPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const bodyOptions = useBodyOptions();
  const abilities = useMeAbilities();
  const kind = readChoice(search.kind, SESSION_KINDS);
  const page = search.page ?? 1;
  const filters = { q: search.q, bodyId: search.bodyId, kind, from: search.from, to: search.to };
  const query = useQuery(sessionsApi.list({ ...filters, page, pageSize: PAGE_SIZE }));
  const updateFilters = (patch: SessionFilters) => void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: true });

  return (
    <>
      <PageHeader
        title={t('sessions.title')}
        actions={
          <>
            <ListDownloads exportUrl={(format) => sessionsApi.exportUrl(format, filters)} total={query.data?.total} />
            {abilities?.manageAnyBody && (
              <Link to="/sesiones/nueva" className="button button--primary">
                {t('sessions.new')}
              </Link>
            )}
          </>
        }
      />
      <div className="filters" role="search" aria-label={t('sessions.filters')}>
        <SearchBox label={t('sessions.searchLabel')} value={search.q ?? ''} onSearch={(q) => updateFilters({ q: q || undefined })} />
        <FormField label={t('sessions.body')}>
          {(control) => (
            <select {...control} value={search.bodyId ?? ''} onChange={(event) => updateFilters({ bodyId: event.target.value || undefined })}>
              <option value="">{t('form.allOption')}</option>
              <SelectOptions options={bodyOptions} />
            </select>
          )}
        </FormField>
        <FormField label={t('sessionKind.label')}>
          {(control) => (
            <select {...control} value={kind ?? ''} onChange={(event) => updateFilters({ kind: event.target.value || undefined })}>
              <option value="">{t('form.allOption')}</option>
              <ChoiceOptions values={SESSION_KINDS} getLabel={(value) => t(`sessionKind.${value}`)} />
            </select>
          )}
        </FormField>
        <FormField label={t('sessions.from')}>
          {(control) => <input {...control} type="date" value={search.from ?? ''} onChange={(event) => updateFilters({ from: event.target.value || undefined })} />}
        </FormField>
        <FormField label={t('sessions.to')}>
          {(control) => <input {...control} type="date" value={search.to ?? ''} onChange={(event) => updateFilters({ to: event.target.value || undefined })} />}
        </FormField>
      </div>
      <QueryContent query={query}>
        {(result) => (
          <SessionsTable
            caption={t('sessions.title')}
            isCaptionHidden
            sessions={result.items}
            pagination={{ ...result, onPageChange: (next) => void navigate({ search: (previous) => ({ ...previous, page: next }) }) }}
          />
        )}
      </QueryContent>
    </>
  );
}
