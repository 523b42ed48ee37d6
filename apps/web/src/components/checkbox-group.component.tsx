import { useId } from 'react';

export interface CheckboxOption {
  value: string;
  label: string;
}

interface CheckboxGroupProps {
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Grid layout for long lists such as the 32 states. */
  isCompact?: boolean;
  /** Radio buttons: choosing one replaces the choice. */
  isSingleChoice?: boolean;
}

/** Checkboxes (or radio buttons) bound to an array of values; place it inside a FormFieldset for its legend. */
export function CheckboxGroup({ options, value, onChange, isCompact, isSingleChoice }: CheckboxGroupProps) {
  const radioName = useId();
  const selected = new Set(value);
  const toggleOption = (optionValue: string, isChecked: boolean) => {
    if (isSingleChoice) return onChange([optionValue]);
    const next = new Set(selected);
    if (isChecked) next.add(optionValue);
    else next.delete(optionValue);
    // Keep the options' order so the submitted array is stable.
    onChange(options.map((option) => option.value).filter((v) => next.has(v)));
  };
  return (
    <ul className={isCompact ? 'checkbox-list checkbox-list--grid' : 'checkbox-list'}>
      {options.map((option) => (
        <li key={option.value}>
          <label className="checkbox">
            <input
              type={isSingleChoice ? 'radio' : 'checkbox'}
              name={isSingleChoice ? radioName : undefined}
              value={option.value}
              checked={selected.has(option.value)}
              onChange={(event) => toggleOption(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        </li>
      ))}
    </ul>
  );
}
