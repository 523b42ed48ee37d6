import type { MembershipView } from '@telar/domain';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { formatDate, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';

const columns: TableColumn<MembershipView>[] = [
  { header: t('memberships.organization'), isRowHeader: true, render: (membership) => formatRefName(membership.organization) },
  { header: t('membershipRole.label'), render: (membership) => t(`membershipRole.${membership.role}`) },
  { header: t('memberships.startDate'), render: (membership) => formatDate(membership.startDate) },
  { header: t('memberships.endDate'), render: (membership) => formatDate(membership.endDate) },
  {
    header: t('memberships.focalPoints'),
    // Name and position only: the API never sends a focal point's contacts, and neither would this page.
    render: (membership) =>
      membership.focalPoints.length === 0 ? (
        t('app.none')
      ) : (
        <ul className="plain-list">
          {membership.focalPoints.map((focalPoint) => (
            <li key={focalPoint.id}>
              <span className="plain-list__label">{t(`focalPointKind.${focalPoint.kind}`)}:</span> {focalPoint.person.name}
              {focalPoint.person.position && `, ${focalPoint.person.position}`}
            </li>
          ))}
        </ul>
      ),
  },
];

/** Who sits in a body, in which role, since when, and who speaks for each. */
export function MembershipsTable({ memberships }: { memberships: readonly MembershipView[] }) {
  return (
    <PaginatedTable
      caption={t('bodies.memberships')}
      isCaptionHidden
      columns={columns}
      rows={memberships}
      getRowKey={(membership) => membership.id}
      emptyText={t('bodies.membershipsEmpty')}
    />
  );
}
