import { Link } from '@tanstack/react-router';
import type { AgreementView } from '@telar/domain';
import { formatDate, formatRefName, formatSessionLine } from '../i18n/format';
import { t } from '../i18n/translate';
import { OrganizationLinks } from './organization-links.component';
import { StatusBadge } from './status-badge.component';

interface AgreementFactsProps {
  agreement: AgreementView;
  /** On the portal the session link stays in the portal and organisations are named, not linked. */
  isPublic?: boolean;
}

/** Status, due date, session and responsibles of an agreement. */
export function AgreementFacts({ agreement, isPublic }: AgreementFactsProps) {
  const { session, responsibleOrganizations } = agreement;
  const sessionLabel = `${session.body.acronym ?? session.body.name} · ${formatSessionLine(session)}`;
  return (
    <dl className="facts">
      <div>
        <dt>{t('agreementStatus.label')}</dt>
        <dd>
          <StatusBadge status={agreement.status} />
        </dd>
      </div>
      <div>
        <dt>{t('agreements.dueDate')}</dt>
        <dd>{formatDate(agreement.dueDate)}</dd>
      </div>
      <div>
        <dt>{t('sessions.session')}</dt>
        <dd>
          {isPublic ? (
            <Link to="/publico/sesiones/$sessionId" params={{ sessionId: session.id }}>
              {sessionLabel}
            </Link>
          ) : (
            <Link to="/sesiones/$sessionId" params={{ sessionId: session.id }}>
              {sessionLabel}
            </Link>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('agreements.responsibles')}</dt>
        <dd>
          {responsibleOrganizations.length === 0
            ? t('app.none')
            : isPublic
              ? responsibleOrganizations.map(formatRefName).join('; ')
              : <OrganizationLinks organizations={responsibleOrganizations} />}
        </dd>
      </div>
    </dl>
  );
}
