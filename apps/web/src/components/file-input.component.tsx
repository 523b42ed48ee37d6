import { useEffect, useRef } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { FieldControlProps } from './form-field.component';

interface FileInputProps<T extends FieldValues> {
  formControl: Control<T>;
  name: Path<T>;
  fieldControl: FieldControlProps;
  /** Extensions the chooser offers (".pdf,.docx…"). */
  accept: string;
}

/** A file chooser whose form value is the chosen File or null; resetting the form empties it too. */
export function FileInput<T extends FieldValues>({ formControl, name, fieldControl, accept }: FileInputProps<T>) {
  const { field } = useController({ control: formControl, name });
  const inputRef = useRef<HTMLInputElement | null>(null);
  // A file input's text cannot be set from state; clear it by hand when the value goes back to null.
  useEffect(() => {
    if (!field.value && inputRef.current) inputRef.current.value = '';
  }, [field.value]);
  return (
    <input
      {...fieldControl}
      type="file"
      accept={accept}
      name={field.name}
      ref={(element) => {
        inputRef.current = element;
        field.ref(element);
      }}
      onBlur={field.onBlur}
      onChange={(event) => field.onChange(event.target.files?.[0] ?? null)}
    />
  );
}
