import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { AGREEMENT_STATUSES, AgreementUpdateSchema, type AgreementDetailView } from '@telar/domain';
import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { agreementsApi } from '../../api/resources';
import { useSaveForm } from '../../api/save-form.hook';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { PageHeader } from '../../components/page-header.component';
import { LoadingLine, QueryContent } from '../../components/query-content.component';
import { useStates } from '../../components/state-fields.component';
import { StatusBadge } from '../../components/status-badge.component';
import { SubmitButton } from '../../components/submit-button.component';
import { formatDate, formatRefName, formatSessionLine } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { formatAgreementName } from './agreements-table.component';
import { FollowUpForm } from './follow-up-form.component';
import { FollowUpTimeline } from './follow-up-timeline.component';

// The map geometry is the heaviest asset of the app; load it only when an agreement is opened.
const MexicoMap = lazy(() => import('../../components/mexico-map/mexico-map.component'));

const routeApi = getRouteApi('/acuerdos/$agreementId');

/** Changes the status; sends the version shown so a concurrent change is reported, not overwritten. */
function StatusForm({ agreement }: { agreement: AgreementDetailView }) {
  const [isSaved, setIsSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(AgreementUpdateSchema), defaultValues: { status: agreement.status, version: agreement.version } });
  const { errors } = form.formState;
  const submitForm = useSaveForm(
    form,
    (input) => agreementsApi.update(agreement.id, input),
    (saved) => {
      form.reset({ status: saved.status, version: saved.version });
      setIsSaved(true);
    },
  );
  const { isDirty } = form.formState;
  // Fresh data replaces an untouched form; once the person has changed something, their choice and
  // the version it was based on stay, so a concurrent change is reported instead of overwritten.
  useEffect(() => {
    if (!isDirty) form.reset({ status: agreement.status, version: agreement.version });
  }, [agreement.status, agreement.version, isDirty, form]);
  return (
    <form className="form form--inline" onSubmit={(event) => { setIsSaved(false); void submitForm(event); }} noValidate>
      {errors.root?.server && <FormAlert tone="error">{errors.root.server.message}</FormAlert>}
      {isSaved && <FormAlert tone="success">{t('form.saved')}</FormAlert>}
      <FormField label={t('agreementStatus.label')} error={errors.status?.message}>
        {(control) => (
          <select {...control} {...form.register('status')}>
            {AGREEMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`agreementStatus.${status}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <SubmitButton label={t('agreements.saveStatus')} isPending={form.formState.isSubmitting} />
    </form>
  );
}

function StatesConcerned({ codes }: { codes: readonly string[] }) {
  const { getStateName } = useStates();
  if (codes.length === 0) return <p className="empty">{t('agreements.statesNone')}</p>;
  const names = codes.map(getStateName).sort((a, b) => a.localeCompare(b, 'es-MX'));
  return (
    <div className="states-concerned">
      <Suspense fallback={<LoadingLine />}>
        <MexicoMap highlightedCodes={codes} title={t('agreements.map')} getStateName={getStateName} />
      </Suspense>
      <ul className="states-concerned__list">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </div>
  );
}

export function AgreementDetailPage(): ReactElement {
  const { agreementId } = routeApi.useParams();
  const query = useQuery(agreementsApi.detail(agreementId));
  return (
    <QueryContent query={query}>
      {(agreement) => (
        <>
          <PageHeader title={formatAgreementName(agreement)} eyebrow={t('agreements.title')} />
          <p className="lead">{agreement.text}</p>
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
                <Link to="/sesiones/$sessionId" params={{ sessionId: agreement.session.id }}>
                  {agreement.session.body.acronym ?? agreement.session.body.name} · {formatSessionLine(agreement.session)}
                </Link>
              </dd>
            </div>
            <div>
              <dt>{t('agreements.responsibles')}</dt>
              <dd>
                {agreement.responsibleOrganizations.length === 0
                  ? t('app.none')
                  : agreement.responsibleOrganizations.map((organization, index) => (
                      <span key={organization.id}>
                        {index > 0 && '; '}
                        <Link to="/organizaciones/$organizationId" params={{ organizationId: organization.id }}>
                          {formatRefName(organization)}
                        </Link>
                      </span>
                    ))}
              </dd>
            </div>
          </dl>

          <section aria-labelledby="entidades">
            <h2 id="entidades">{t('agreements.statesConcerned')}</h2>
            <StatesConcerned codes={agreement.stateCodes} />
          </section>

          <section aria-labelledby="seguimiento">
            <h2 id="seguimiento">{t('agreements.followUps')}</h2>
            <FollowUpTimeline followUps={agreement.followUps} emptyText={t('agreements.followUpsEmpty')} />
          </section>

          <section aria-labelledby="registrar-seguimiento" className="panel">
            <h2 id="registrar-seguimiento">{t('agreements.addFollowUp')}</h2>
            <FollowUpForm agreementId={agreement.id} />
          </section>

          <section aria-labelledby="actualizar-estado" className="panel">
            <h2 id="actualizar-estado">{t('agreements.updateStatus')}</h2>
            <StatusForm agreement={agreement} />
          </section>
        </>
      )}
    </QueryContent>
  );
}
