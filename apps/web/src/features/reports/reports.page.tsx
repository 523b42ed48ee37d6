import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { MechanismReportQuerySchema, type MechanismReport } from '@telar/domain';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { describeApiError } from '../../api/api-error.util';
import { buildApiUrl, getJson } from '../../api/client';
import { reportsApi, useApiMutation } from '../../api/resources';
import { useManagesBody } from '../../auth/me.hook';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { PageHeader } from '../../components/page-header.component';
import { ConfirmButton } from '../../components/confirm-button.component';
import { QueryContent } from '../../components/query-content.component';
import { getTodayIso } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';
import { MechanismReportView } from './mechanism-report-view.component';
import { PublishedReports } from './published-reports.component';

const routeApi = getRouteApi('/_internal/informes');
const REPORT_PATH = '/reports/mechanism';

type ReportParams = { bodyId: string; from: string; to: string };

/** «Publicar informe»: freezes the previewed report and puts it on the public portal. */
function PublishReport({ params }: { params: ReportParams }) {
  const mutation = useApiMutation(reportsApi.publishMechanism);
  return (
    <div className="publish-report">
      <ConfirmButton
        className="button button--primary"
        label={t('reports.publish')}
        title={t('reports.publishConfirmTitle')}
        message={t('reports.publishConfirm')}
        disabled={mutation.isPending}
        onConfirm={() => mutation.mutate(params)}
      />
      <p className="field__hint">{t('reports.publishHint')}</p>
      {mutation.isError && <FormAlert tone="error">{describeApiError(mutation.error)}</FormAlert>}
      {mutation.isSuccess && (
        <FormAlert tone="success">
          {t('reports.published', { title: mutation.data.title })} <Link to="/publico/informes">{t('reports.seePublished')}</Link>
        </FormAlert>
      )}
    </div>
  );
}

export function ReportsPage(): ReactElement {
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const bodyOptions = useBodyOptions();
  const managesBody = useManagesBody();
  const form = useForm({
    resolver: zodResolver(MechanismReportQuerySchema),
    defaultValues: { bodyId: search.bodyId ?? '', from: search.from ?? `${getTodayIso().slice(0, 4)}-01-01`, to: search.to ?? getTodayIso() },
  });
  const { errors } = form.formState;
  // The chosen report lives in the URL, so a preview can be bookmarked or shared.
  const params: ReportParams | null = search.bodyId && search.from && search.to ? { bodyId: search.bodyId, from: search.from, to: search.to } : null;
  const report = useQuery({
    queryKey: ['reports', 'mechanism', params],
    queryFn: ({ signal }) => getJson<MechanismReport>(REPORT_PATH, { ...params, format: 'json' }, signal),
    enabled: params !== null,
  });

  const showPreview = form.handleSubmit((values) => navigate({ search: values }));

  return (
    <>
      <PageHeader title={t('reports.title')} eyebrow={t('nav.reports')} />
      <form className="form form--inline" onSubmit={showPreview} noValidate>
        <FormField label={t('reports.body')} error={errors.bodyId?.message} isRequired>
          {(control) => <NullableSelect formControl={form.control} name="bodyId" fieldControl={control} options={bodyOptions} blankLabel={t('reports.chooseBody')} blankValue="" />}
        </FormField>
        <FormField label={t('reports.from')} error={errors.from?.message} isRequired>
          {(control) => <input {...control} {...form.register('from')} type="date" />}
        </FormField>
        <FormField label={t('reports.to')} error={errors.to?.message} isRequired>
          {(control) => <input {...control} {...form.register('to')} type="date" />}
        </FormField>
        <button type="submit" className="button button--primary">
          {t('reports.preview')}
        </button>
      </form>
      {params && (
        <>
          <p className="downloads">
            <a className="button" href={buildApiUrl(REPORT_PATH, { ...params, format: 'docx' })} download>
              {t('reports.downloadDocx')}
            </a>
            <a className="button" href={buildApiUrl(REPORT_PATH, { ...params, format: 'md' })} download>
              {t('reports.downloadMd')}
            </a>
          </p>
          {/* Keyed by the report, so a confirmation never outlives the preview it was about. */}
          {managesBody(params.bodyId) && <PublishReport key={`${params.bodyId}/${params.from}/${params.to}`} params={params} />}
          <QueryContent query={report}>{(data) => <MechanismReportView report={data} />}</QueryContent>
        </>
      )}
      <PublishedReports />
    </>
  );
}
