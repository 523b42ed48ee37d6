import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { useSaveForm } from '../../api/save-form.hook';
import { surveyNetworkApi, surveysApi } from '../../api/survey-resources';
import { FormFrame } from '../../components/form-frame.component';
import { PageHeader } from '../../components/page-header.component';
import { t } from '../../i18n/translate';
import '../../i18n/zod-locale';
import { blankSurveyValues, SurveyCreateFormSchema } from './survey-form';
import { SurveyFields } from './survey-fields.component';

const routeApi = getRouteApi('/_internal/redes/$networkId/encuestas/nueva');

/** A new survey, saved as a draft: nobody is invited until «Abrir e invitar». */
export function SurveyNewPage(): ReactElement {
  const { networkId } = routeApi.useParams();
  const navigate = useNavigate();
  const network = useQuery(surveyNetworkApi.detail(networkId));
  const form = useForm({ resolver: zodResolver(SurveyCreateFormSchema), defaultValues: blankSurveyValues() });
  const saveState = useSaveForm(
    form,
    (input) => surveysApi.create(networkId, input),
    (saved) => navigate({ to: '/encuestas/$surveyId', params: { surveyId: saved.id } }),
  );
  const networkName = network.data?.name ?? t('surveys.network');
  return (
    <>
      <PageHeader
        title={t('surveys.new')}
        trail={[
          { label: networkName, to: `/redes/${networkId}` },
          { label: t('surveys.title'), to: `/redes/${networkId}/encuestas` },
        ]}
      />
      <p className="lead">{t('surveys.newIntro')}</p>
      <FormFrame form={form} saveState={saveState} submitLabel={t('surveys.create')} canCancel>
        <SurveyFields networkId={networkId} />
      </FormFrame>
    </>
  );
}
