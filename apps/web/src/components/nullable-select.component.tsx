import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { FieldControlProps } from './form-field.component';
import { SelectOptions } from './choice-options.component';

export interface SelectOption {
  value: string;
  label: string;
}

interface NullableSelectProps<T extends FieldValues> {
  formControl: Control<T>;
  name: Path<T>;
  fieldControl: FieldControlProps;
  options: readonly SelectOption[];
  blankLabel: string;
  /** What the blank choice submits: null for optional references, '' to let the schema say "required". */
  blankValue: null | '';
}

/**
 * A controlled <select> whose options may arrive after the form (states, bodies): an uncontrolled one
 * would drop its default value because the matching <option> did not exist when it mounted.
 */
export function NullableSelect<T extends FieldValues>({ formControl, name, fieldControl, options, blankLabel, blankValue }: NullableSelectProps<T>) {
  const { field } = useController({ control: formControl, name });
  return (
    <select
      {...fieldControl}
      name={field.name}
      ref={field.ref}
      onBlur={field.onBlur}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(event) => field.onChange(event.target.value === '' ? blankValue : event.target.value)}
    >
      <option value="">{blankLabel}</option>
      <SelectOptions options={options} />
    </select>
  );
}
