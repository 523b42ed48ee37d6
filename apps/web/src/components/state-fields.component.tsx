import { t } from '../i18n/translate';
import { CheckboxGroup } from './checkbox-group.component';
import { FormFieldset } from './form-field.component';
import { useStateOptions } from './states.hook';

interface StateCheckboxesProps {
  legend: string;
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string;
}

/** Checkboxes for choosing the states an agreement or a follow-up concerns. */
export function StateCheckboxes({ legend, value, onChange, error }: StateCheckboxesProps) {
  const options = useStateOptions();
  return (
    <FormFieldset legend={legend} error={error}>
      {options.length === 0 ? <p className="loading">{t('app.loading')}</p> : <CheckboxGroup options={options} value={value} onChange={onChange} isCompact />}
    </FormFieldset>
  );
}
