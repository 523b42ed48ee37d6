import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { MemberContributionInputSchema, DUES_STATUSES, type MemberContributionInput, type MemberContributionView } from '@telar/domain';
import { useState, type ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { networksApi } from '../../api/network-resources';
import { useSaveForm } from '../../api/save-form.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { toNullableNumber } from '../../components/form-values.util';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, getTodayIso } from '../../i18n/format';
import { t } from '../../i18n/translate';

const amountFormat = new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'MXN' });

interface MemberRef {
  networkId: string;
  memberId: string;
}

/** One year's contribution, new or corrected; the year's version rides along when it exists. */
function ContributionForm({ networkId, memberId, year, existing, onSaved }: MemberRef & { year: number; existing: MemberContributionView | undefined; onSaved: () => void }) {
  const form = useForm<MemberContributionInput, unknown, z.output<typeof MemberContributionInputSchema>>({
    resolver: zodResolver(MemberContributionInputSchema),
    defaultValues: existing
      ? { version: existing.version, amount: existing.amount, status: existing.status, paidOn: existing.paidOn ?? '', note: existing.note ?? '' }
      : { amount: null, status: 'pending', paidOn: '', note: '' },
  });
  const saveState = useSaveForm(form, (input) => networksApi.saveContribution({ networkId, memberId, year, input }), onSaved);
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('networks.contributions.save', { year })}>
      <FormField label={t('networks.contributions.amount')} error={errors.amount?.message}>
        {(control) => <input {...control} {...register('amount', { setValueAs: toNullableNumber })} type="number" min={0} step="0.01" inputMode="decimal" />}
      </FormField>
      <FormField label={t('networks.contributions.status')} error={errors.status?.message} isRequired>
        {(control) => (
          <select {...control} {...register('status')}>
            <ChoiceOptions values={DUES_STATUSES} getLabel={(status) => t(`networks.duesStatus.${status}`)} />
          </select>
        )}
      </FormField>
      <FormField label={t('networks.contributions.paidOn')} hint={t('networks.contributions.paidOnHint')} error={errors.paidOn?.message}>
        {(control) => <input {...control} {...register('paidOn')} type="date" />}
      </FormField>
      <FormField label={t('networks.contributions.note')} error={errors.note?.message}>
        {(control) => <textarea {...control} {...register('note')} rows={2} />}
      </FormField>
    </FormFrame>
  );
}

/** A member's contributions by year (a record, not a payment system); managers add or correct a year. */
export function MemberContributions({ networkId, memberId, memberName, canManage }: MemberRef & { memberName: string; canManage: boolean }): ReactElement {
  const query = useQuery(networksApi.contributions(networkId, memberId));
  const [year, setYear] = useState<number | null>(null);
  const [yearDraft, setYearDraft] = useState(getTodayIso().slice(0, 4));
  const columns: TableColumn<MemberContributionView>[] = [
    { header: t('networks.contributions.year'), isRowHeader: true, render: (row) => String(row.year) },
    { header: t('networks.contributions.amount'), className: 'numeric', render: (row) => (row.amount === null ? t('app.none') : amountFormat.format(row.amount)) },
    { header: t('networks.contributions.status'), render: (row) => t(`networks.duesStatus.${row.status}`) },
    { header: t('networks.contributions.paidOn'), render: (row) => formatDate(row.paidOn) },
    { header: t('networks.contributions.note'), render: (row) => row.note ?? t('app.none') },
    ...(canManage
      ? [
          {
            header: t('networks.contributions.actions'),
            render: (row: MemberContributionView) => (
              <button type="button" className="button" onClick={() => setYear(row.year)}>
                {t('networks.contributions.edit', { year: row.year })}
              </button>
            ),
          },
        ]
      : []),
  ];
  const draftYear = Number(yearDraft);
  const isDraftValid = Number.isInteger(draftYear) && draftYear >= 1900 && draftYear <= 2200;
  return (
    <QueryContent query={query}>
      {(contributions) => (
        <>
          <PaginatedTable
              isKeyboardScrollable
            caption={t('networks.contributions.caption', { name: memberName })}
            columns={columns}
            rows={[...contributions].sort((a, b) => b.year - a.year)}
            getRowKey={(row) => row.id}
            emptyText={t('networks.contributions.empty')}
          />
          {canManage && (
            <div className="filters">
              <FormField label={t('networks.contributions.year')} error={isDraftValid ? undefined : t('networks.contributions.yearInvalid')}>
                {(control) => <input {...control} type="number" min={1900} max={2200} step={1} inputMode="numeric" value={yearDraft} onChange={(event) => setYearDraft(event.target.value)} />}
              </FormField>
              <button type="button" className="button" disabled={!isDraftValid} onClick={() => setYear(draftYear)}>
                {t('networks.contributions.record')}
              </button>
            </div>
          )}
          {canManage && year !== null && (
            <section aria-labelledby="aportacion-anio" className="panel">
              <h3 id="aportacion-anio">{t('networks.contributions.formTitle', { year })}</h3>
              <ContributionForm
                key={year}
                networkId={networkId}
                memberId={memberId}
                year={year}
                existing={contributions.find((row) => row.year === year)}
                onSaved={() => setYear(null)}
              />
            </section>
          )}
        </>
      )}
    </QueryContent>
  );
}
