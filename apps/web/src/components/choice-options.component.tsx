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
