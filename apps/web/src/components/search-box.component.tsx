import { useEffect, useRef, useState } from 'react';
import { FormField } from './form-field.component';

interface SearchBoxProps {
  label: string;
  /** The committed value (from the URL). */
  value: string;
  onSearch: (value: string) => void;
  delayMs?: number;
}

/** A search input that commits what was typed after a pause, so the URL is not rewritten per key. */
export function SearchBox({ label, value, onSearch, delayMs = 300 }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  // A ref keeps the timer from restarting whenever the parent passes a new callback.
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  }, [onSearch]);

  // Back/forward navigation changes the URL under us: show what the URL says.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setDraft(value);
    }
  }, [value]);

  useEffect(() => {
    if (draft.trim() === committed.current.trim()) return;
    const timer = window.setTimeout(() => {
      committed.current = draft;
      onSearchRef.current(draft.trim());
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [draft, delayMs]);

  return (
    <FormField label={label} className="field--search">
      {(control) => <input {...control} type="search" value={draft} onChange={(event) => setDraft(event.target.value)} autoComplete="off" />}
    </FormField>
  );
}
