import { useQuery } from '@tanstack/react-query';
import type { OrganizationRef } from '@telar/domain';
import { useState } from 'react';
import { organizationsApi } from '../api/resources';
import { formatRefName } from '../i18n/format';
import { t } from '../i18n/translate';
import { CheckboxGroup } from './checkbox-group.component';
import { FormFieldset } from './form-field.component';
import { SearchBox } from './search-box.component';
import { SelectedChips } from './selected-chips.component';

const MIN_QUERY_LENGTH = 2;
const RESULT_LIMIT = 10;

interface OrganizationPickerProps {
  legend: string;
  /** Label of the search input; distinct per picker so two on one page stay distinguishable. */
  searchLabel: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string;
  isRequired?: boolean;
  /** One organisation at most (radio buttons); choosing another replaces it. */
  isSingleChoice?: boolean;
  /** Names of organisations already chosen when the form opens (an edit). */
  knownOrganizations?: readonly OrganizationRef[];
}

/** Choice of organisations: search the directory, tick results, remove chosen ones. */
export function OrganizationPicker({ legend, searchLabel, value, onChange, error, isRequired, isSingleChoice, knownOrganizations = [] }: OrganizationPickerProps) {
  const [query, setQuery] = useState('');
  // Names of chosen organisations survive new searches that no longer list them.
  const [known, setKnown] = useState<Map<string, OrganizationRef>>(() => new Map());
  const isSearching = query.length >= MIN_QUERY_LENGTH;
  const results = useQuery({ ...organizationsApi.list({ q: query, pageSize: RESULT_LIMIT }), enabled: isSearching });
  const found = isSearching ? (results.data?.items ?? []) : [];

  const selectResults = (ids: string[]) => {
    const foundIds = new Set(found.map((organization) => organization.id));
    setKnown((previous) => new Map([...previous, ...found.map((organization) => [organization.id, organization] as const)]));
    // Ticks from this result list replace its share of the selection; others stay.
    onChange(isSingleChoice ? ids : [...value.filter((id) => !foundIds.has(id)), ...ids]);
  };

  return (
    <FormFieldset legend={legend} error={error} isRequired={isRequired} className="picker">
      <SearchBox label={searchLabel} value={query} onSearch={setQuery} />
      <div className="picker__columns">
        <div>
          <p className="picker__heading">
            {t('picker.results')}
          </p>
          {!isSearching && <p className="field__hint">{t('picker.typeToSearch')}</p>}
          {isSearching && results.isFetching && found.length === 0 && <p className="loading">{t('app.loading')}</p>}
          {isSearching && !results.isFetching && found.length === 0 && <p className="empty">{t('picker.noResults')}</p>}
          {found.length > 0 && (
            <CheckboxGroup
              options={found.map((organization) => ({ value: organization.id, label: formatRefName(organization) }))}
              value={value.filter((id) => found.some((organization) => organization.id === id))}
              onChange={selectResults}
              isSingleChoice={isSingleChoice}
            />
          )}
        </div>
        <SelectedChips value={value} getName={(id) => {
            const organization = known.get(id) ?? knownOrganizations.find((candidate) => candidate.id === id);
            return organization?.acronym ?? organization?.name ?? id;
          }} onChange={onChange} />
      </div>
    </FormFieldset>
  );
}
