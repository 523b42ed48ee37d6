import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { agreementsApi } from '../../api/resources';
import { AgreementOverview } from '../../components/agreement-overview.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatAgreementName, formatSessionTitle } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { RecordHistory } from '../records/record-history.component';
import { RecordStatus } from '../records/record-status.component';
import { AgreementEditForm } from './agreement-edit-form.component';
import { FollowUpForm } from './follow-up-form.component';

const routeApi = getRouteApi('/_internal/acuerdos/$agreementId');

export function AgreementDetailPage(): ReactElement {
  const { agreementId } = routeApi.useParams();
  const query = useQuery(agreementsApi.detail(agreementId));
  return (
    <QueryContent query={query}>
      {(agreement) => {
        return (
          <>
            <PageHeader
              title={formatAgreementName(agreement)}
              trail={[
                { label: t('nav.agreements'), to: '/acuerdos' },
                { label: agreement.session.body.acronym ?? agreement.session.body.name, to: `/organos/${agreement.session.body.id}` },
                { label: formatSessionTitle(agreement.session), to: `/sesiones/${agreement.session.id}` },
              ]}
            />
            <RecordStatus entity="agreement" record={agreement} changeLifecycle={agreementsApi.changeLifecycle} />
            <AgreementOverview agreement={agreement} />

            {agreement.abilities.reportFollowUp && (
              <PageSection id="registrar-seguimiento" title={t('agreements.addFollowUp')} isPanel>
                <FollowUpForm owner={{ agreementId: agreement.id }} />
              </PageSection>
            )}

            {agreement.abilities.edit && (
              <PageSection id="editar-acuerdo" title={t('agreements.edit')} isPanel>
                <AgreementEditForm agreement={agreement} />
              </PageSection>
            )}

            <RecordHistory entity="agreement" id={agreement.id} />
          </>
        );
      }}
    </QueryContent>
  );
}
