import { Link } from '@tanstack/react-router';
import { SessionAgendaReplaceSchema, SessionAttendanceReplaceSchema, type AgendaItemView, type OrganizationRef, type SessionRecordView } from '@telar/domain';
import type { ReactElement } from 'react';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useEditForm } from '../../api/edit-form.hook';
import { sessionAssemblyApi } from '../../api/resources';
import { Disclosure } from '../../components/disclosure.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { OrganizationLinks } from '../../components/organization-links.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { PageSection } from '../../components/page-section.component';
import { TableScroll } from '../../components/table-scroll.component';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/translate';
import '../../styles/sessions.css';
import { BLANK_AGENDA_ITEM, formatAgendaTime, toAgendaFormItems, type AgendaItemFormValues } from './agenda';

function AgendaTable({ items }: { items: readonly AgendaItemView[] }) {
  return (
    <TableScroll label={t('sessions.agenda')}>
      <table className="table table--compact">
        <caption className="visually-hidden">{t('sessions.agenda')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agenda.time')}</th>
            <th scope="col">{t('agenda.title')}</th>
            <th scope="col">{t('agenda.presenter')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{formatAgendaTime(item) ?? t('app.none')}</td>
              <th scope="row">
                {item.title}
                {item.notes && <p className="field__hint agenda-notes">{item.notes}</p>}
              </th>
              <td>{item.presenter ?? t('app.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One row of inputs per item, in order; items move up and down and are removed by their number. */
function AgendaFields() {
  const { register, control, formState } = useFormContext<{ items: AgendaItemFormValues[] }>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'items' });
  const errors = formState.errors.items;
  return (
    <>
      {errors?.message && <p className="field__error">{errors.message}</p>}
      <ol className="agenda-editor">
        {fields.map((field, index) => {
          const n = index + 1;
          const itemErrors = errors?.[index];
          return (
            <li key={field.id}>
              <FormFieldset legend={t('agenda.itemN', { n })}>
                <FormField label={t('agenda.startsAt')} hint={t('agenda.timeHint')} error={itemErrors?.startsAt?.message}>
                  {(fieldControl) => <input {...fieldControl} {...register(`items.${index}.startsAt`)} type="text" inputMode="numeric" placeholder="09:30" size={5} />}
                </FormField>
                <FormField label={t('agenda.endsAt')} error={itemErrors?.endsAt?.message}>
                  {(fieldControl) => <input {...fieldControl} {...register(`items.${index}.endsAt`)} type="text" inputMode="numeric" placeholder="10:00" size={5} />}
                </FormField>
                <FormField label={t('agenda.title')} error={itemErrors?.title?.message} isRequired>
                  {(fieldControl) => <input {...fieldControl} {...register(`items.${index}.title`)} type="text" />}
                </FormField>
                <FormField label={t('agenda.presenter')} error={itemErrors?.presenter?.message}>
                  {(fieldControl) => <input {...fieldControl} {...register(`items.${index}.presenter`)} type="text" />}
                </FormField>
                <FormField label={t('agenda.notes')} error={itemErrors?.notes?.message}>
                  {(fieldControl) => <textarea {...fieldControl} {...register(`items.${index}.notes`)} rows={2} />}
                </FormField>
                <div className="form__actions">
                  {index > 0 && (
                    <button type="button" className="button" onClick={() => move(index, index - 1)}>
                      {t('agenda.moveUp', { n })}
                    </button>
                  )}
                  {index < fields.length - 1 && (
                    <button type="button" className="button" onClick={() => move(index, index + 1)}>
                      {t('agenda.moveDown', { n })}
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => remove(index)}>
                    {t('agenda.remove', { n })}
                  </button>
                </div>
              </FormFieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => append({ ...BLANK_AGENDA_ITEM })}>
        {t('agenda.add')}
      </button>
    </>
  );
}

type AgendaRecord = { id: string; version: number; items: readonly AgendaItemView[] };

function AgendaEditForm({ session }: { session: SessionRecordView }) {
  const { form, saveState } = useEditForm({
    schema: SessionAgendaReplaceSchema,
    record: { id: session.id, version: session.version, items: session.agenda } satisfies AgendaRecord,
    toValues: (record: AgendaRecord) => ({ items: toAgendaFormItems(record.items) }),
    update: async (id, input): Promise<AgendaRecord> => {
      const saved = await sessionAssemblyApi.replaceAgenda(id, input);
      return { id: saved.sessionId, version: saved.version, items: saved.items };
    },
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('agenda.save')} savedText={t('agenda.saved')}>
      <AgendaFields />
    </FormFrame>
  );
}

type AttendanceRecord = { id: string; version: number; organizations: readonly OrganizationRef[] };

function AttendanceEditForm({ session }: { session: SessionRecordView }) {
  const { form, saveState } = useEditForm({
    schema: SessionAttendanceReplaceSchema,
    record: { id: session.id, version: session.version, organizations: session.attendance } satisfies AttendanceRecord,
    toValues: (record: AttendanceRecord) => ({ organizationIds: record.organizations.map((organization) => organization.id) }),
    update: async (id, input): Promise<AttendanceRecord> => {
      const saved = await sessionAssemblyApi.replaceAttendance(id, input);
      return { id: saved.sessionId, version: saved.version, organizations: saved.organizations };
    },
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('attendance.save')} savedText={t('attendance.saved')}>
      <Controller
        control={form.control}
        name="organizationIds"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            legend={t('attendance.organizations')}
            searchLabel={t('attendance.search')}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
            knownOrganizations={session.attendance}
          />
        )}
      />
    </FormFrame>
  );
}

/** What an assembly reported: its body's activities dated on its day, with the plan lines they serve. */
function ReportedActivities({ session }: { session: SessionRecordView }) {
  return (
    <PageSection id="logros-y-planes" title={t('sessions.reported')}>
      <p className="field__hint">{t('sessions.reportedHint')}</p>
      {session.activities.length === 0 ? (
        <p className="empty">{t('sessions.reportedEmpty')}</p>
      ) : (
        <ul className="record-list">
          {session.activities.map((activity) => (
            <li key={activity.id} className="record">
              <Link to="/actividades/$activityId" params={{ activityId: activity.id }}>
                {activity.title}
              </Link>{' '}
              <span className="field__hint">{activity.endDate && activity.endDate !== activity.startDate ? `${formatDate(activity.startDate)} – ${formatDate(activity.endDate)}` : formatDate(activity.startDate)}</span>
              {activity.planNodes.length > 0 && (
                <p>
                  {t('sessions.reportedPlanNodes')}{' '}
                  {activity.planNodes.map((node, index) => (
                    <span key={node.id}>
                      {index > 0 && '; '}
                      <Link to="/planes/$planId/nodos/$nodeId" params={{ planId: node.planId, nodeId: node.id }}>
                        {node.code} {node.title}
                      </Link>
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </PageSection>
  );
}

/**
 * The programme («Orden del día») and attendance («Asistencia») of a session, with their editors for
 * whoever may edit the session; for an assembly, also what it reported.
 */
export function SessionAssemblySections({ session }: { session: SessionRecordView }): ReactElement {
  return (
    <>
      <PageSection id="orden-del-dia" title={t('sessions.agenda')}>
        {session.agenda.length === 0 ? <p className="empty">{t('sessions.agendaEmpty')}</p> : <AgendaTable items={session.agenda} />}
        {session.abilities.edit && (
          <Disclosure summary={t('sessions.editAgenda')}>
            <AgendaEditForm session={session} />
          </Disclosure>
        )}
      </PageSection>

      <PageSection id="asistencia" title={t('sessions.attendance')}>
        {session.attendance.length === 0 ? (
          <p className="empty">{t('sessions.attendanceEmpty')}</p>
        ) : (
          <>
            <p>{t('sessions.attendanceCount', { count: session.attendance.length })}</p>
            <p>
              <OrganizationLinks organizations={session.attendance} />
            </p>
          </>
        )}
        {session.abilities.edit && (
          <Disclosure summary={t('sessions.editAttendance')}>
            <AttendanceEditForm session={session} />
          </Disclosure>
        )}
      </PageSection>

      {session.kind === 'assembly' && <ReportedActivities session={session} />}
    </>
  );
}
