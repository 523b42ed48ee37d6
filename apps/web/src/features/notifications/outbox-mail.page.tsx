import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { outboxMailQuery } from '../../api/notification-resources';
import { AbilityGate } from '../../auth/ability-gate.component';
import { useMeAbilities } from '../../auth/me.hook';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import '../../styles/notifications.css';

const routeApi = getRouteApi('/_internal/correos/$mailId');

/** One e-mail of the outbox, as plain text (its HTML twin says the same), with its delivery record. */
export function OutboxMailPage(): ReactElement {
  const { mailId } = routeApi.useParams();
  const abilities = useMeAbilities();
  const query = useQuery({ ...outboxMailQuery(mailId), enabled: abilities?.manageAccounts });
  return (
    <AbilityGate isAllowed={(abilities) => abilities.manageAccounts}>
      <QueryContent query={query}>
        {(mail) => (
          <>
            <PageHeader title={mail.subject} />
            <p>
              <Link to="/correos">{t('outbox.back')}</Link>
            </p>
            <dl className="facts">
              <div>
                <dt>{t('outbox.to')}</dt>
                <dd>{mail.toAddress}</dd>
              </div>
              <div>
                <dt>{t('outbox.status')}</dt>
                <dd>{t(`outbox.status.${mail.status}`)}</dd>
              </div>
              <div>
                <dt>{t('outbox.created')}</dt>
                <dd>{formatDateTime(mail.createdAt)}</dd>
              </div>
              <div>
                <dt>{t('outbox.sent')}</dt>
                <dd>{mail.sentAt ? formatDateTime(mail.sentAt) : t('app.none')}</dd>
              </div>
              <div>
                <dt>{t('outbox.attempts')}</dt>
                <dd>{formatNumber(mail.attempts)}</dd>
              </div>
              {mail.lastError && (
                <div>
                  <dt>{t('outbox.lastError')}</dt>
                  <dd>{mail.lastError}</dd>
                </div>
              )}
            </dl>
            <h2>{t('outbox.text')}</h2>
            <pre className="mail-text">{mail.text}</pre>
          </>
        )}
      </QueryContent>
    </AbilityGate>
  );
}
