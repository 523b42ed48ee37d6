import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { bodiesApi } from '../../api/resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/state-fields.component';
import { formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { SessionsTable } from '../sessions/sessions-table.component';

const routeApi = getRouteApi('/organos/$bodyId');

export function BodyDetailPage(): ReactElement {
  const { bodyId } = routeApi.useParams();
  const query = useQuery(bodiesApi.detail(bodyId));
  const { getStateName } = useStates();
  return (
    <QueryContent query={query}>
      {(body) => (
        <>
          <PageHeader
            title={body.name}
            eyebrow={t(`bodyKind.${body.kind}`)}
            actions={
              <Link to="/sesiones/nueva" search={{ bodyId }} className="button button--primary">
                {t('bodies.newSession')}
              </Link>
            }
          />
          <dl className="facts">
            <div>
              <dt>{t('bodies.acronym')}</dt>
              <dd>{body.acronym ?? t('app.none')}</dd>
            </div>
            <div>
              <dt>{t('bodyLevel.label')}</dt>
              <dd>{t(`bodyLevel.${body.level}`)}</dd>
            </div>
            <div>
              <dt>{t('bodies.state')}</dt>
              <dd>{body.stateCode ? getStateName(body.stateCode) : t('app.none')}</dd>
            </div>
          </dl>
          {body.children.length > 0 && (
            <section aria-labelledby="integrantes">
              <h2 id="integrantes">{t('bodies.children')}</h2>
              <ul className="record-list">
                {body.children.map((child) => (
                  <li key={child.id}>
                    <Link to="/organos/$bodyId" params={{ bodyId: child.id }}>
                      {formatRefName(child)}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="sesiones">
            <h2 id="sesiones">{t('bodies.sessions')}</h2>
            <SessionsTable caption={t('bodies.sessions')} isCaptionHidden sessions={body.sessions} emptyText={t('bodies.sessionsEmpty')} />
          </section>
        </>
      )}
    </QueryContent>
  );
}
