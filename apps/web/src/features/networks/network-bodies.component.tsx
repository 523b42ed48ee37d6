import { zodResolver } from '@hookform/resolvers/zod';
import { NETWORK_BODY_ROLES, NetworkBodyCreateSchema, type NetworkBodyCreateInput, type NetworkView } from '@telar/domain';
import type { ReactElement } from 'react';
import { describeApiError } from '../../api/api-error.util';
import { networkCreationApi } from '../../api/network-resources';
import { useApiMutation } from '../../api/resources';
import { useAddForm } from '../../api/save-form.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormAlert } from '../../components/form-alert.component';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { t } from '../../i18n/translate';

const blankBody = (): NetworkBodyCreateInput => ({ role: 'board', name: '', acronym: '', planNodeId: null });

/** A manager adds the network's board, coordination or a commission, or one commission per commitment of its plan. */
export function NetworkBodiesForm({ network }: { network: NetworkView }): ReactElement {
  const { form, saveState } = useAddForm(zodResolver(NetworkBodyCreateSchema), blankBody(), (input) => networkCreationApi.addBody(network.id, input));
  const fromPlan = useApiMutation(() => networkCreationApi.commissionsFromPlan(network.id));
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <>
      {network.planId && (
        <div className="form">
          <p>{t('networks.bodies.fromPlanHint', { plan: network.planName ?? '' })}</p>
          <div className="form__actions">
            <button type="button" className="button" disabled={fromPlan.isPending} aria-busy={fromPlan.isPending || undefined} onClick={() => fromPlan.mutate(undefined)}>
              {t('networks.bodies.fromPlan')}
            </button>
          </div>
          {fromPlan.isSuccess && <FormAlert tone="success">{t('networks.bodies.fromPlanDone', { count: fromPlan.data.created.length })}</FormAlert>}
          {fromPlan.isError && <FormAlert tone="error">{describeApiError(fromPlan.error)}</FormAlert>}
        </div>
      )}
      <FormFrame form={form} saveState={saveState} submitLabel={t('networks.bodies.add')} savedText={t('networks.bodies.added')}>
        <FormField label={t('networks.bodies.role')} error={errors.role?.message} isRequired>
          {(control) => (
            <select {...control} {...register('role')}>
              <ChoiceOptions values={NETWORK_BODY_ROLES} getLabel={(role) => t(`networks.role.${role}`)} />
            </select>
          )}
        </FormField>
        <FormField label={t('networks.bodies.name')} error={errors.name?.message} isRequired>
          {(control) => <input {...control} {...register('name')} type="text" maxLength={300} />}
        </FormField>
        <FormField label={t('networks.members.acronym')} error={errors.acronym?.message}>
          {(control) => <input {...control} {...register('acronym')} type="text" maxLength={40} />}
        </FormField>
      </FormFrame>
    </>
  );
}
