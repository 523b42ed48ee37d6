import type { ReactElement } from 'react';
import { t } from '../i18n/translate';

interface SelectedChipsProps {
  /** Ids chosen so far, in the order they were chosen. */
  value: readonly string[];
  /** The name a chip shows (and its remove button announces). */
  getName: (id: string) => string;
  onChange: (value: string[]) => void;
}

/** The "Seleccionadas" column of a picker: what was chosen, each removable on its own. */
export function SelectedChips({ value, getName, onChange }: SelectedChipsProps): ReactElement {
  return (
    <div>
      <p className="picker__heading">{t('picker.selected')}</p>
      {value.length === 0 ? (
        <p className="field__hint">{t('picker.noneSelected')}</p>
      ) : (
        <ul className="chip-list">
          {value.map((id) => {
            const name = getName(id);
            return (
              <li key={id} className="chip">
                <span>{name}</span>
                <button type="button" className="chip__remove" onClick={() => onChange(value.filter((v) => v !== id))} aria-label={t('picker.remove', { name })}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
