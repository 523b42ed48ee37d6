import { markupToRichText, type MarkupReading, type RichText } from '@telar/domain';
import { useDeferredValue, useId, useMemo, type ReactElement } from 'react';
import { t } from '../../i18n/translate';
import { RichTextView } from '../../components/rich-text.component';
import { appendBlockMarkup } from './data-table-block';
import { DataTableDialog } from './data-table-dialog.component';

/** The markup problems as one sentence per line, for a form's field error. */
export function describeMarkupErrors(reading: MarkupReading<RichText>): string | undefined {
  if ('value' in reading) return undefined;
  return reading.errors.map((error) => t('questionnaires.markup.lineError', { line: error.line, message: error.message })).join(' ');
}

interface MarkupEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  rows?: number;
  isReadOnly?: boolean;
  /** Offers «Insertar un cuadro de datos» (answers only: a dataset's public figures as a table). */
  canInsertDataTable?: boolean;
}

/**
 * The text of an answer typed in the light markup (paragraphs, «- » lists, «| » tables, **negritas**,
 * *cursivas*, [^1] notes) beside a preview drawn from the document it reads as. No HTML is ever typed
 * or shown: the preview is built from the RichText with React elements.
 */
export function MarkupEditor({ label, value, onChange, onBlur, error, rows = 10, isReadOnly, canInsertDataTable }: MarkupEditorProps): ReactElement {
  const id = useId();
  const deferred = useDeferredValue(value);
  const reading = useMemo(() => markupToRichText(deferred), [deferred]);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`markup-editor${error ? ' field--invalid' : ''}`}>
      <div className="field markup-editor__text">
        <label htmlFor={id} id={`${id}-label`} className="field__label">
          {label}
        </label>
        <textarea
          id={id}
          className="markup-editor__textarea"
          value={value}
          rows={rows}
          readOnly={isReadOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t('questionnaires.markup.hint')}
        </p>
        {canInsertDataTable && !isReadOnly && <DataTableDialog onInsert={(block) => onChange(appendBlockMarkup(value, block))} />}
        {error && (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
      {/* Not a heading: the editor sits at different depths of different pages. */}
      <section className="markup-editor__preview" aria-labelledby={`${id}-preview ${id}-label`}>
        <p id={`${id}-preview`} className="markup-editor__preview-title">
          {t('questionnaires.markup.preview')}
        </p>
        {'value' in reading ? (
          <RichTextView richText={reading.value} />
        ) : (
          <ul className="markup-editor__errors">
            {reading.errors.map((problem) => (
              <li key={`${problem.line}-${problem.message}`}>{t('questionnaires.markup.lineError', { line: problem.line, message: problem.message })}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
