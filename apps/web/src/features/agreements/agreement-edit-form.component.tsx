import { AgreementUpdateSchema, type AgreementView } from '@telar/domain';
import { useEditForm } from '../../api/edit-form.hook';
import { agreementsApi } from '../../api/resources';
import { FormFrame } from '../../components/form-frame.component';
import { t } from '../../i18n/translate';
import { AgreementFields } from './agreement-fields.component';

function toAgreementValues(agreement: AgreementView) {
  return {
    text: agreement.text,
    code: agreement.code ?? '',
    responsibleOrganizationIds: agreement.responsibleOrganizations.map((organization) => organization.id),
    stateCodes: agreement.stateCodes,
    dueDate: agreement.dueDate ?? '',
    status: agreement.status,
  };
}

/** Edits an agreement in place, status included. */
export function AgreementEditForm({ agreement }: { agreement: AgreementView }) {
  const { form, saveState } = useEditForm({
    schema: AgreementUpdateSchema,
    record: agreement,
    toValues: toAgreementValues,
    update: agreementsApi.update,
  });
  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('form.saveChanges')} savedText={t('form.saved')}>
      <AgreementFields knownResponsibles={agreement.responsibleOrganizations} />
    </FormFrame>
  );
}
