import { Link } from '@tanstack/react-router';
import type { SessionView } from '@telar/domain';
import { formatDate, formatRefName } from '../i18n/format';
import { t } from '../i18n/translate';
import { EvidenceLink } from './evidence-links.component';

interface SessionFactsProps {
  session: SessionView;
  /** On the portal the body is named, not linked: body pages are internal. */
  isPublic?: boolean;
}

/** Body, date, modality and minutes of a session. */
export function SessionFacts({ session, isPublic }: SessionFactsProps) {
  return (
    <dl className="facts">
      <div>
        <dt>{t('sessions.body')}</dt>
        <dd>
          {isPublic ? (
            formatRefName(session.body)
          ) : (
            <Link to="/organos/$bodyId" params={{ bodyId: session.body.id }}>
              {formatRefName(session.body)}
            </Link>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('sessions.date')}</dt>
        <dd>{formatDate(session.date)}</dd>
      </div>
      <div>
        <dt>{t('modality.label')}</dt>
        <dd>{session.modality ? t(`modality.${session.modality}`) : t('app.none')}</dd>
      </div>
      <div>
        <dt>{t('sessions.minutes')}</dt>
        <dd>{session.minutes ? <EvidenceLink evidence={session.minutes} /> : t('app.none')}</dd>
      </div>
    </dl>
  );
}
