import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { UserView } from '@telar/domain';
import type { ReactElement } from 'react';
import { usersApi } from '../../api/account-resources';
import { AbilityGate } from '../../auth/ability-gate.component';
import { useMeAbilities } from '../../auth/me.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { SearchBox } from '../../components/search-box.component';
import { formatCount } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { readChoice } from '../../routes/search-params';
import { ACCOUNT_STATES, describeGrant } from './account-format.util';
import { AccountBadges } from './account-badges.component';

const routeApi = getRouteApi('/_internal/usuarios');
const PAGE_SIZE = 25;

const columns: TableColumn<UserView>[] = [
  {
    header: t('users.name'),
    isRowHeader: true,
    render: (user) => (
      <Link to="/usuarios/$userId" params={{ userId: user.id }}>
        {user.name}
      </Link>
    ),
  },
  { header: t('auth.email'), render: (user) => user.email },
  {
    header: t('users.roles'),
    render: (user) => (
      <ul className="plain-list">
        {user.roles.map((grant) => (
          <li key={`${grant.role}-${grant.bodyId ?? ''}-${grant.organizationId ?? ''}`}>{describeGrant(grant)}</li>
        ))}
      </ul>
    ),
  },
  { header: t('users.status'), render: (user) => <AccountBadges user={user} /> },
];

/** «Usuarios»: administrators find accounts by name or e-mail, filter by state, and open one. */
export function UsersListPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const state = readChoice(search.estado, ACCOUNT_STATES);
  const page = search.page ?? 1;
  const isActive = state === undefined ? undefined : state === 'activas';
  const abilities = useMeAbilities();
  const query = useQuery({ ...usersApi.list({ q: search.q, isActive, page, pageSize: PAGE_SIZE }), enabled: abilities?.manageAccounts });
  // Any filter change starts again at page 1.
  const updateFilters = (patch: { q?: string; estado?: string }) => void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined }), replace: true });
  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          abilities?.manageAccounts && (
            <Link to="/usuarios/nueva" className="button button--primary">
              {t('users.new')}
            </Link>
          )
        }
      />
      <AbilityGate isAllowed={(abilities) => abilities.manageAccounts}>
        <div className="filters" role="search" aria-label={t('users.filters')}>
          <SearchBox label={t('users.searchLabel')} value={search.q ?? ''} onSearch={(q) => updateFilters({ q: q || undefined })} />
          <FormField label={t('users.status')}>
            {(control) => (
              <select {...control} value={state ?? ''} onChange={(event) => updateFilters({ estado: event.target.value || undefined })}>
                <option value="">{t('users.state.all')}</option>
                <ChoiceOptions values={ACCOUNT_STATES} getLabel={(value) => t(`users.state.${value}`)} />
              </select>
            )}
          </FormField>
        </div>
        <QueryContent query={query}>
          {(result) => (
            <>
              <p aria-live="polite">{formatCount('users.count', result.total)}</p>
              <PaginatedTable
                caption={t('users.title')}
                isCaptionHidden
                columns={columns}
                rows={result.items}
                getRowKey={(user) => user.id}
                pagination={{ ...result, onPageChange: (next) => void navigate({ search: (previous) => ({ ...previous, page: next }) }) }}
              />
            </>
          )}
        </QueryContent>
      </AbilityGate>
    </>
  );
}
