import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { ACTIVITY_KINDS } from '@telar/domain';
import type { ReactElement } from 'react';
import { activitiesApi, buildActivitiesExportUrl, plansApi } from '../../api/plan-resources';
import { organizationsApi } from '../../api/resources';
import { useMeAbilities } from '../../auth/me.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { SearchBox } from '../../components/search-box.component';
import { t } from '../../i18n/translate';
import { readChoice } from '../../routes/search-params';
import { ActivitiesTable } from './activities-table.component';
import '../../styles/plans.css';
import { StateFilter } from '../../components/state-filter.component';

const routeApi = getRouteApi('/_internal/actividades');
const PAGE_SIZE = 25;

type ActivityFilters = { q?: string; kind?: string; stateCode?: string; organizationId?: string; planId?: string };

export function ActivitiesListPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const abilities = useMeAbilities();
  const plans = useQuery(plansApi.list({ pageSize: 100 }));
  const chosenOrganization = useQuery({ ...organizationsApi.detail(search.organizationId ?? ''), enabled: Boolean(search.organizationId) });
  const kind = readChoice(search.kind, ACTIVITY_KINDS);
  const page = search.page ?? 1;
  const filters = { q: search.q, kind, stateCode: search.stateCode, organizationId: search.organizationId, planId: search.planId };
  const query = useQuery(activitiesApi.list({ ...filters, page, pageSize: PAGE_SIZE }));
  const updateFilters = (patch: ActivityFilters) => void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: true });

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        actions={
          <>
            <a className="button" href={buildActivitiesExportUrl('csv', filters)} download>
              {t('activities.exportCsv')}
            </a>
            <a className="button" href={buildActivitiesExportUrl('xlsx', filters)} download>
              {t('activities.exportXlsx')}
            </a>
            {abilities?.manageAnyBody && (
              <Link to="/actividades/nueva" className="button button--primary">
                {t('activities.new')}
              </Link>
            )}
          </>
        }
      />
      <div className="filters" role="search" aria-label={t('activities.filters')}>
        <SearchBox label={t('activities.searchLabel')} value={search.q ?? ''} onSearch={(q) => updateFilters({ q: q || undefined })} />
        <FormField label={t('activities.kind.label')}>
          {(control) => (
            <select {...control} value={kind ?? ''} onChange={(event) => updateFilters({ kind: event.target.value || undefined })}>
              <option value="">{t('form.allOption')}</option>
              <ChoiceOptions values={ACTIVITY_KINDS} getLabel={(value) => t(`activities.kind.${value}`)} />
            </select>
          )}
        </FormField>
        <StateFilter label={t('activities.state')} value={search.stateCode} onChange={(stateCode) => updateFilters({ stateCode })} />
        <FormField label={t('activities.plan')}>
          {(control) => (
            <select {...control} value={search.planId ?? ''} onChange={(event) => updateFilters({ planId: event.target.value || undefined })}>
              <option value="">{t('form.allOption')}</option>
              {(plans.data?.items ?? []).map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.shortName ?? plan.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="activities-organization-filter">
        <OrganizationPicker
          legend={t('activities.organizationFilter')}
          searchLabel={t('activities.searchOrganization')}
          value={search.organizationId ? [search.organizationId] : []}
          onChange={(ids) => updateFilters({ organizationId: ids[0] })}
          isSingleChoice
          knownOrganizations={chosenOrganization.data ? [chosenOrganization.data] : []}
        />
      </div>
      <QueryContent query={query}>
        {(result) => (
          <ActivitiesTable
            caption={t('activities.title')}
            isCaptionHidden
            activities={result.items}
            emptyText={t('activities.empty')}
            pagination={{ ...result, onPageChange: (next) => void navigate({ search: (previous) => ({ ...previous, page: next }) }) }}
          />
        )}
      </QueryContent>
    </>
  );
}
