import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { MEMBER_STATUSES, SECTORS, type NetworkMemberView } from '@telar/domain';
import type { ReactElement } from 'react';
import { networksApi, type MemberFilters } from '../../api/network-resources';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { ListDownloads } from '../../components/list-downloads.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { SearchBox } from '../../components/search-box.component';
import { StateFilter } from '../../components/state-filter.component';
import { useStates } from '../../components/states.hook';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { readChoice } from '../../routes/search-params';
import '../../styles/networks.css';
import { MemberContributions } from './member-contributions.component';
import { MemberCreateForm, MemberEditForm } from './member-forms.component';
import { describeCoverage, isListShort } from './network-coverage';
import type { MembersSearch } from './networks.routes';
import { nameWithAcronym } from './network-columns';

const routeApi = getRouteApi('/_internal/redes/$networkId/integrantes');
const PAGE_SIZE = 50;

/** A member's contact, which the API sends only to who manages the network. */
function ContactCell({ member }: { member: NetworkMemberView }): ReactElement {
  const contact = member.contact;
  if (!contact || (!contact.name && !contact.email && !contact.phone)) return <>{t('app.none')}</>;
  return (
    <>
      {contact.name && <span>{contact.name}</span>}
      {contact.email && (
        <>
          {contact.name && <br />}
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </>
      )}
      {contact.phone && (
        <>
          <br />
          {contact.phone}
        </>
      )}
    </>
  );
}

function useColumns(rows: readonly NetworkMemberView[], canManage: boolean): TableColumn<NetworkMemberView>[] {
  const { getStateName } = useStates();
  const hasContacts = rows.some((member) => member.contact !== null);
  return [
    {
      header: t('networks.members.organization'),
      isRowHeader: true,
      render: (member) => (
        <Link to="/organizaciones/$organizationId" params={{ organizationId: member.organizationId }}>
          {member.name}
        </Link>
      ),
    },
    { header: t('networks.members.acronym'), render: (member) => member.acronym ?? t('app.none') },
    { header: t('networks.members.state'), render: (member) => (member.stateCode ? getStateName(member.stateCode) : t('networks.members.national')) },
    { header: t('sector.label'), render: (member) => t(`sector.${member.sector}`) },
    { header: t('networks.members.status'), render: (member) => (member.status ? t(`networks.memberStatus.${member.status}`) : t('networks.members.notYet')) },
    { header: t('networks.members.joinedOn'), render: (member) => formatDate(member.joinedOn) },
    ...(hasContacts ? [{ header: t('networks.members.contact'), render: (member: NetworkMemberView) => <ContactCell member={member} /> }] : []),
    ...(canManage
      ? [
          {
            header: t('networks.members.actions'),
            render: (member: NetworkMemberView) => (
              <Link from="/redes/$networkId/integrantes" search={(previous: MembersSearch) => ({ ...previous, integrante: member.id })} hash="integrante">
                {t('networks.members.manage', { name: member.acronym ?? member.name })}
              </Link>
            ),
          },
        ]
      : []),
  ];
}

/** The member open for editing: its details and, for who manages the network, its contributions by year. */
function MemberPanel({ networkId, member, canManage }: { networkId: string; member: NetworkMemberView; canManage: boolean }): ReactElement {
  return (
    <section aria-labelledby="integrante" className="panel">
      <h2 id="integrante" tabIndex={-1}>
        {nameWithAcronym(member)}
      </h2>
      {canManage && <MemberEditForm key={member.id} networkId={networkId} member={member} />}
      {/* Dues are the coordination's: only who manages the network reads them. */}
      {canManage && (
        <>
          <h3>{t('networks.contributions.title')}</h3>
          <MemberContributions networkId={networkId} memberId={member.id} memberName={member.name} canManage={canManage} />
        </>
      )}
    </section>
  );
}

/** A network's member directory: filters, pages, downloads, and for managers adding, editing, importing and contributions. */
export function NetworkMembersPage(): ReactElement {
  const { networkId } = routeApi.useParams();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const network = useQuery(networksApi.detail(networkId));
  const filters: MemberFilters = {
    q: search.q,
    stateCode: search.stateCode,
    sector: readChoice(search.sector, SECTORS),
    status: readChoice(search.status, MEMBER_STATUSES),
  };
  const page = search.page ?? 1;
  const query = useQuery(networksApi.members(networkId, { ...filters, page, pageSize: PAGE_SIZE }));
  const canManage = network.data?.abilities.canManage ?? false;
  const columns = useColumns(query.data?.items ?? [], canManage);
  // Any filter change starts again at page 1 and closes the member open for editing.
  const updateFilters = (patch: MemberFilters) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch, page: undefined, integrante: undefined }), replace: true });
  const selected = query.data?.items.find((member) => member.id === search.integrante);
  const title = t('networks.members.title');
  const coverage = network.data && { declaredMembers: network.data.declaredMembers, members: network.data.counts.members };
  return (
    <>
      <PageHeader
        title={title}
        trail={[
          { label: t('networks.title'), to: '/redes' },
          { label: network.data?.acronym ?? network.data?.name ?? t('networks.network'), to: `/redes/${networkId}` },
        ]}
        actions={
          <>
            <ListDownloads exportUrl={(format) => networksApi.membersExportUrl(networkId, format, filters)} total={query.data?.total} />
            {canManage && (
              <Link to="/redes/$networkId/integrantes/importar" params={{ networkId }} className="button button--primary">
                {t('networks.import.action')}
              </Link>
            )}
          </>
        }
      />
      {coverage && isListShort(coverage) && <p className="network-notice">{describeCoverage(coverage)}</p>}
      <div className="filters" role="search" aria-label={t('networks.members.filters')}>
        <SearchBox label={t('networks.members.search')} value={search.q ?? ''} onSearch={(q) => updateFilters({ q: q || undefined })} />
        <StateFilter label={t('networks.members.state')} value={filters.stateCode} onChange={(stateCode) => updateFilters({ stateCode })} />
        <FormField label={t('sector.label')}>
          {(control) => (
            <select {...control} value={filters.sector ?? ''} onChange={(event) => updateFilters({ sector: event.target.value || undefined })}>
              <option value="">{t('form.allOption')}</option>
              <ChoiceOptions values={SECTORS} getLabel={(value) => t(`sector.${value}`)} />
            </select>
          )}
        </FormField>
        <FormField label={t('networks.members.status')}>
          {(control) => (
            <select {...control} value={filters.status ?? ''} onChange={(event) => updateFilters({ status: event.target.value || undefined })}>
              <option value="">{t('form.allOption')}</option>
              <ChoiceOptions values={MEMBER_STATUSES} getLabel={(value) => t(`networks.memberStatus.${value}`)} />
            </select>
          )}
        </FormField>
      </div>
      <QueryContent query={query}>
        {(result) => (
          <PaginatedTable
              isKeyboardScrollable
            caption={title}
            isCaptionHidden
            columns={columns}
            rows={result.items}
            getRowKey={(member) => member.id}
            emptyText={t('networks.members.empty')}
            pagination={{ ...result, onPageChange: (next) => void navigate({ search: (previous) => ({ ...previous, page: next, integrante: undefined }) }) }}
          />
        )}
      </QueryContent>
      {selected && <MemberPanel networkId={networkId} member={selected} canManage={canManage} />}
      {canManage && (
        <PageSection id="agregar-integrante" title={t('networks.members.addTitle')} isPanel>
          <MemberCreateForm networkId={networkId} />
        </PageSection>
      )}
    </>
  );
}
