import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { type PublishedReportView, type PublishedReportWithdrawInput, PublishedReportWithdrawSchema } from '@telar/domain';
import { type ReactElement, useState } from 'react';
import { useForm, useFormContext } from 'react-hook-form';
import { publicApi } from '../../api/public-resources';
import { reportsApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { useManagesBody } from '../../auth/me.hook';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { PageSection } from '../../components/page-section.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/translate';

function ReasonField() {
  const { register, formState } = useFormContext<PublishedReportWithdrawInput>();
  return (
    <FormField label={t('reports.withdrawReason')} hint={t('reports.withdrawHint')} error={formState.errors.reason?.message} isRequired>
      {(control) => <textarea {...control} {...register('reason')} rows={3} />}
    </FormField>
  );
}

/** Withdrawing takes two steps: «Retirar del portal…» opens the reason, «Confirmar el retiro» withdraws. */
function WithdrawReport({ report }: { report: PublishedReportView }) {
  const [isConfirming, setConfirming] = useState(false);
  const form = useForm({ resolver: zodResolver(PublishedReportWithdrawSchema), defaultValues: { reason: '' } });
  const saveState = useSaveForm(form, (input) => reportsApi.withdraw(report.id, input), () => setConfirming(false));
  if (!isConfirming) {
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        {t('reports.withdraw')}
      </button>
    );
  }
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('reports.confirmWithdraw')}>
      <ReasonField />
    </FormFrame>
  );
}

/** The reports on the portal; the secretariat of a report's body may withdraw it. */
export function PublishedReports(): ReactElement {
  const query = useQuery(publicApi.reports);
  const managesBody = useManagesBody();
  return (
    <PageSection id="publicados" title={t('reports.publishedList')}>
      <QueryContent query={query}>
        {(reports) =>
          reports.length === 0 ? (
            <p>{t('reports.publishedEmpty')}</p>
          ) : (
            <ul className="record-list">
              {reports.map((report) => (
                <li key={report.id}>
                  <p>
                    {report.title} — {t('public.reports.publishedAt', { date: formatDateTime(report.publishedAt) })}
                  </p>
                  {managesBody(report.body.id) && <WithdrawReport report={report} />}
                </li>
              ))}
            </ul>
          )
        }
      </QueryContent>
    </PageSection>
  );
}
