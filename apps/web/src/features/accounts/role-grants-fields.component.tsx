import { ROLES, type OrganizationRef, type RoleGrantInput } from '@telar/domain';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { NullableSelect } from '../../components/nullable-select.component';
import { OrganizationPicker } from '../../components/organization-picker.component';
import { t } from '../../i18n/translate';
import { useBodyOptions } from '../bodies/body-options.hook';
import '../../styles/accounts.css';

/** The form values these fields edit: the create and the edit form both have a `roles` list. */
interface RolesFormValues {
  roles: RoleGrantInput[];
}

const NEW_GRANT: RoleGrantInput = { role: 'reader', bodyId: null, organizationId: null };

/**
 * The roles of an account, one row each: the role, and the body (secretariat) or organisation (enlace)
 * it is scoped to. `knownOrganizations` names the organisations the account already has.
 */
export function RoleGrantsFields({ knownOrganizations = [] }: { knownOrganizations?: readonly OrganizationRef[] }) {
  const { register, control, formState, watch } = useFormContext<RolesFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'roles' });
  const bodyOptions = useBodyOptions();
  const errors = formState.errors.roles;
  const roles = watch('roles');
  return (
    <FormFieldset legend={t('users.roles')} hint={t('users.rolesHint')} error={errors?.message ?? errors?.root?.message} isRequired>
      <ol className="role-grants">
        {fields.map((field, index) => {
          const n = index + 1;
          const role = roles[index]?.role;
          return (
            <li key={field.id} className="role-grant">
              <FormField label={t('users.roleN', { n })} error={errors?.[index]?.role?.message} isRequired>
                {(fieldControl) => (
                  <select {...fieldControl} {...register(`roles.${index}.role`)}>
                    <ChoiceOptions values={ROLES} getLabel={(value) => t(`role.${value}`)} />
                  </select>
                )}
              </FormField>
              {role === 'secretariat' && (
                <FormField label={t('users.roleBody', { n })} error={errors?.[index]?.bodyId?.message} isRequired>
                  {(fieldControl) => (
                    <NullableSelect formControl={control} name={`roles.${index}.bodyId`} fieldControl={fieldControl} options={bodyOptions} blankLabel={t('reports.chooseBody')} blankValue={null} />
                  )}
                </FormField>
              )}
              {role === 'enlace' && (
                <Controller
                  control={control}
                  name={`roles.${index}.organizationId`}
                  render={({ field: organization, fieldState }) => (
                    <OrganizationPicker
                      legend={t('users.roleOrganization', { n })}
                      searchLabel={t('users.searchOrganization', { n })}
                      value={organization.value ? [organization.value] : []}
                      onChange={(ids) => organization.onChange(ids[0] ?? null)}
                      error={fieldState.error?.message}
                      knownOrganizations={knownOrganizations}
                      isRequired
                      isSingleChoice
                    />
                  )}
                />
              )}
              {fields.length > 1 && (
                <button type="button" className="button role-grant__remove" onClick={() => remove(index)}>
                  {t('users.removeRole', { n })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => append({ ...NEW_GRANT })}>
        {t('users.addRole')}
      </button>
    </FormFieldset>
  );
}
