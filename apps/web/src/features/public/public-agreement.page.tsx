import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { publicApi } from '../../api/public-resources';
import { AgreementOverview } from '../../components/agreement-overview.component';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { formatAgreementName } from '../../i18n/format';
import { t } from '../../i18n/translate';

const routeApi = getRouteApi('/publico/acuerdos/$agreementId');

/** A published agreement, as the internal page shows it but without anything to change. */
export function PublicAgreementPage(): ReactElement {
  const { agreementId } = routeApi.useParams();
  const query = useQuery(publicApi.agreement(agreementId));
  return (
    <QueryContent query={query}>
      {(agreement) => (
        <>
          <PageHeader title={formatAgreementName(agreement)} eyebrow={t('public.agreements.title')} />
          <AgreementOverview agreement={agreement} isPublic />
        </>
      )}
    </QueryContent>
  );
}
