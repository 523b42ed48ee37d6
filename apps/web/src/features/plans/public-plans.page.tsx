import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { publicPlansApi } from '../../api/plan-resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { t } from '../../i18n/translate';
import { PlansTable } from './plans-table.component';

/** Published plans: their body, period and size. */
export function PublicPlansPage(): ReactElement {
  const query = useQuery(publicPlansApi.list({ pageSize: 100 }));
  return (
    <>
      <PageHeader title={t('plans.public.title')} eyebrow={t('public.name')} />
      <p className="lead">{t('plans.public.intro')}</p>
      <QueryContent query={query}>
        {(result) => <PlansTable caption={t('plans.public.title')} isCaptionHidden isPublic plans={result.items} emptyText={t('plans.public.empty')} />}
      </QueryContent>
    </>
  );
}
