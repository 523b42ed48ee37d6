import { zodResolver } from '@hookform/resolvers/zod';
import { AgreementCreateSchema, type AgreementCreateInput } from '@telar/domain';
import { agreementsApi } from '../../api/resources';
import { useAddForm } from '../../api/save-form.hook';
import { FormField } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { NullableSelect, type SelectOption } from '../../components/nullable-select.component';
import { t } from '../../i18n/translate';
import { AgreementFields } from '../agreements/agreement-fields.component';

const buildDefaults = (sessionId: string): AgreementCreateInput => ({
  sessionId,
  participationId: null,
  code: '',
  text: '',
  responsibleOrganizationIds: [],
  stateCodes: [],
  dueDate: '',
  status: 'pending',
});

interface AgreementFormProps {
  sessionId: string;
  /** The session's participations, so an agreement can say which presentation it came from. */
  participationOptions: readonly SelectOption[];
}

/** Records an agreement adopted in a session. */
export function AgreementForm({ sessionId, participationOptions }: AgreementFormProps) {
  const { form, saveState } = useAddForm(zodResolver(AgreementCreateSchema), buildDefaults(sessionId), agreementsApi.create);
  const { errors } = form.formState;

  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('agreements.save')} savedText={t('agreements.created')}>
      <AgreementFields />
      {participationOptions.length > 0 && (
        <FormField label={t('agreements.participation')} error={errors.participationId?.message}>
          {(control) => (
            <NullableSelect formControl={form.control} name="participationId" fieldControl={control} options={participationOptions} blankLabel={t('form.noneOption.feminine')} blankValue={null} />
          )}
        </FormField>
      )}
    </FormFrame>
  );
}
