import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { publicApi } from '../../api/public-resources';
import { AgreementsTable } from '../../components/agreements-table.component';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { AGREEMENT_STATUS_CHOICES } from '../../components/status-badge.component';
import { t } from '../../i18n/translate';
import { readChoice } from '../../routes/search-params';
import { StateFilter } from '../../components/state-filter.component';

const routeApi = getRouteApi('/publico/acuerdos');
const PAGE_SIZE = 25;

/** Published agreements, filtered by status and by the state they concern. */
export function PublicAgreementsPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const status = readChoice(search.status, AGREEMENT_STATUS_CHOICES);
  const page = search.page ?? 1;
  const query = useQuery(publicApi.agreements({ status, stateCode: search.stateCode, page, pageSize: PAGE_SIZE }));
  const updateFilters = (patch: { status?: string; stateCode?: string }) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: true });
  return (
    <>
      <PageHeader title={t('public.agreements.title')} eyebrow={t('public.name')} />
      <div className="filters" role="search" aria-label={t('sessions.filters')}>
        <FormField label={t('agreementStatus.label')}>
          {(control) => (
            <select {...control} value={status ?? ''} onChange={(event) => updateFilters({ status: event.target.value || undefined })}>
              <option value="">{t('form.allOption')}</option>
              <ChoiceOptions values={AGREEMENT_STATUS_CHOICES} getLabel={(value) => t(`agreementStatus.${value}`)} />
            </select>
          )}
        </FormField>
        <StateFilter label={t('agreements.states')} value={search.stateCode} onChange={(stateCode) => updateFilters({ stateCode })} />
      </div>
      <QueryContent query={query}>
        {(result) => (
          <AgreementsTable
            caption={t('public.agreements.title')}
            isCaptionHidden
            isPublic
            agreements={result.items}
            emptyText={t('public.agreements.empty')}
            pagination={{ ...result, onPageChange: (next) => void navigate({ search: (previous) => ({ ...previous, page: next }) }) }}
          />
        )}
      </QueryContent>
    </>
  );
}
