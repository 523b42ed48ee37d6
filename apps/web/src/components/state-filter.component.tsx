import type { ReactElement } from 'react';
import { t } from '../i18n/translate';
import { FormField } from './form-field.component';
import { useStateOptions } from './states.hook';
import { SelectOptions } from './choice-options.component';

interface StateFilterProps {
  label: string;
  /** ISO 3166-2:MX code, or undefined for every state. */
  value: string | undefined;
  onChange: (stateCode: string | undefined) => void;
}

/** A list filter by state: the 32 states by name, or all of them. */
export function StateFilter({ label, value, onChange }: StateFilterProps): ReactElement {
  const stateOptions = useStateOptions();
  return (
    <FormField label={label}>
      {(control) => (
        <select {...control} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
          <option value="">{t('form.allOption')}</option>
          <SelectOptions options={stateOptions} />
        </select>
      )}
    </FormField>
  );
}
