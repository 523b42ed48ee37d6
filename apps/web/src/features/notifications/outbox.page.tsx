import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { OutboxMailView } from '@telar/domain';
import type { ReactElement } from 'react';
import { outboxQuery } from '../../api/notification-resources';
import { AbilityGate } from '../../auth/ability-gate.component';
import { useMeAbilities } from '../../auth/me.hook';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';

const routeApi = getRouteApi('/_internal/correos');
const PAGE_SIZE = 50;

const columns: TableColumn<OutboxMailView>[] = [
  { header: t('outbox.created'), render: (mail) => formatDateTime(mail.createdAt) },
  {
    header: t('outbox.subject'),
    isRowHeader: true,
    render: (mail) => (
      <Link to="/correos/$mailId" params={{ mailId: mail.id }}>
        {mail.subject}
      </Link>
    ),
  },
  { header: t('outbox.to'), render: (mail) => mail.toAddress },
  { header: t('outbox.status'), render: (mail) => t(`outbox.status.${mail.status}`) },
  { header: t('outbox.attempts'), render: (mail) => formatNumber(mail.attempts) },
];

/** «Correos enviados»: what Telar wrote, for administrators; without SMTP, what would have been sent. */
export function OutboxPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const abilities = useMeAbilities();
  const query = useQuery({ ...outboxQuery(search.page ?? 1, PAGE_SIZE), enabled: abilities?.manageAccounts });
  return (
    <>
      <PageHeader title={t('outbox.title')} />
      <AbilityGate isAllowed={(abilities) => abilities.manageAccounts}>
        <p>{t('outbox.intro')}</p>
        <QueryContent query={query}>
          {(result) => (
            <PaginatedTable
              caption={t('outbox.title')}
              isCaptionHidden
              columns={columns}
              rows={result.items}
              getRowKey={(mail) => mail.id}
              emptyText={t('outbox.empty')}
              pagination={{ ...result, onPageChange: (next) => void navigate({ search: { page: next } }) }}
            />
          )}
        </QueryContent>
      </AbilityGate>
    </>
  );
}
