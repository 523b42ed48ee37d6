import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { SECTORS, type OrganizationView } from '@telar/domain';
import type { ReactElement } from 'react';
import { organizationsApi } from '../../api/resources';
import { useMeAbilities } from '../../auth/me.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { ListDownloads } from '../../components/list-downloads.component';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { SearchBox } from '../../components/search-box.component';
import { useStates } from '../../components/states.hook';
import { t } from '../../i18n/translate';
import { readChoice } from '../../routes/search-params';

const routeApi = getRouteApi('/_internal/organizaciones');
const PAGE_SIZE = 25;

function useColumns(): TableColumn<OrganizationView>[] {
  const { getStateName } = useStates();
  return [
    {
      header: t('organizations.name'),
      isRowHeader: true,
      render: (organization) => (
        <Link to="/organizaciones/$organizationId" params={{ organizationId: organization.id }}>
          {organization.name}
        </Link>
      ),
    },
    { header: t('organizations.acronym'), render: (organization) => organization.acronym ?? t('app.none') },
    { header: t('sector.label'), render: (organization) => t(`sector.${organization.sector}`) },
    { header: t('orgLevel.label'), render: (organization) => t(`orgLevel.${organization.level}`) },
    { header: t('organizations.state'), render: (organization) => (organization.stateCode ? getStateName(organization.stateCode) : t('app.none')) },
  ];
}

export function OrganizationsListPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const sector = readChoice(search.sector, SECTORS);
  const page = search.page ?? 1;
  const filters = { q: search.q, sector };
  const query = useQuery(organizationsApi.list({ ...filters, page, pageSize: PAGE_SIZE }));
  const columns = useColumns();
  const abilities = useMeAbilities();
  // Any filter change starts again at page 1.
  const updateFilters = (patch: { q?: string; sector?: string }) => void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: true });

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        actions={
          <>
            <ListDownloads exportUrl={(format) => organizationsApi.exportUrl(format, filters)} total={query.data?.total} />
            {abilities?.createOrganization && (
              <Link to="/organizaciones/nueva" className="button button--primary">
                {t('organizations.new')}
              </Link>
            )}
          </>
        }
      />
      <div className="filters" role="search" aria-label={t('sessions.filters')}>
        <SearchBox label={t('organizations.searchLabel')} value={search.q ?? ''} onSearch={(q) => updateFilters({ q: q || undefined })} />
        <FormField label={t('sector.label')}>
          {(control) => (
            <select {...control} value={sector ?? ''} onChange={(event) => updateFilters({ sector: event.target.value || undefined })}>
              <option value="">{t('form.allOption')}</option>
              <ChoiceOptions values={SECTORS} getLabel={(value) => t(`sector.${value}`)} />
            </select>
          )}
        </FormField>
      </div>
      <QueryContent query={query}>
        {(result) => (
          <PaginatedTable
            caption={t('organizations.title')}
            isCaptionHidden
            columns={columns}
            rows={result.items}
            getRowKey={(organization) => organization.id}
            pagination={{ ...result, onPageChange: (next) => void navigate({ search: (previous) => ({ ...previous, page: next }) }) }}
          />
        )}
      </QueryContent>
    </>
  );
}
