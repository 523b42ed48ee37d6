import { useQuery } from '@tanstack/react-query';
import type { StateView } from '@telar/domain';
import { useMemo } from 'react';
import { statesQuery } from '../api/resources';
import { t } from '../i18n/translate';
import { CheckboxGroup } from './checkbox-group.component';
import { FormFieldset } from './form-field.component';
import type { SelectOption } from './nullable-select.component';

/** The 32 states (empty while loading) and a code → name lookup. */
export function useStates(): { states: StateView[]; getStateName: (code: string) => string } {
  const { data } = useQuery(statesQuery);
  return useMemo(() => {
    const states = data ?? [];
    const names = new Map(states.map((state) => [state.code, state.name]));
    return { states, getStateName: (code: string) => names.get(code) ?? code };
  }, [data]);
}

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

/** The states as options for a NullableSelect. */
export function useStateOptions(): SelectOption[] {
  const { states } = useStates();
  return useMemo(() => states.map((state) => ({ value: state.code, label: state.name })), [states]);
}
