interface ChoiceOptionsProps<T extends string> {
  values: readonly T[];
  getLabel: (value: T) => string;
}

/** The <option>s of a fixed set of values (a sector, a status…), labelled from the catalogue. */
export function ChoiceOptions<T extends string>({ values, getLabel }: ChoiceOptionsProps<T>) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {getLabel(value)}
        </option>
      ))}
    </>
  );
}

/** The <option>s of a list that comes from the server (states, bodies), each with its own label. */
export function SelectOptions({ options }: { options: readonly { value: string; label: string }[] }) {
  return (
    <>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}
