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
}

/** Checkboxes bound to an array of values; place it inside a FormFieldset for its legend. */
export function CheckboxGroup({ options, value, onChange, isCompact }: CheckboxGroupProps) {
  const selected = new Set(value);
  const toggleOption = (optionValue: string, isChecked: boolean) => {
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
              type="checkbox"
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
