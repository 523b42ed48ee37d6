import type { Answer, ExerciseQuestionView } from '@telar/domain';
import type { ReactElement } from 'react';
import { Controller, useFormContext, type FieldErrors } from 'react-hook-form';
import { CheckboxGroup } from '../../components/checkbox-group.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { toNullableNumber } from '../../components/form-values.util';
import { formatDate, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { describeSelection, isClosedKind, optionsOf, takesText, type AnswerValues } from './answer-form';
import { MarkupEditor } from './markup-editor.component';
import { RichTextView } from '../../components/rich-text.component';
import { TableScroll } from '../../components/table-scroll.component';

type Question = Pick<ExerciseQuestionView, 'kind' | 'options' | 'columns' | 'withComment' | 'number'>;

/** The editor for a question's kind: options, a number, a date, table rows, and the text in markup. */
export function AnswerFields({ question }: { question: Question }): ReactElement {
  const { control, register, watch, formState } = useFormContext<AnswerValues>();
  const errors: FieldErrors<AnswerValues> = formState.errors;
  const options = optionsOf(question);
  const selected = watch('selected');
  const isOtherChosen = options.some((option) => option.other && selected.includes(option.key));
  return (
    <>
      {isClosedKind(question) && (
        <FormFieldset legend={t('questionnaires.answer.options', { number: question.number })} error={errors.selected?.message}>
          <Controller
            control={control}
            name="selected"
            render={({ field }) => (
              <CheckboxGroup
                options={options.map((option) => ({ value: option.key, label: option.label }))}
                value={field.value}
                onChange={field.onChange}
                isSingleChoice={question.kind !== 'multiple_choice'}
              />
            )}
          />
        </FormFieldset>
      )}
      {isOtherChosen && (
        <FormField label={t('questionnaires.answer.otherText')} error={errors.otherText?.message} isRequired>
          {(fieldControl) => <input {...fieldControl} {...register('otherText')} type="text" />}
        </FormField>
      )}
      {question.kind === 'number' && (
        <FormField label={t('questionnaires.answer.number', { number: question.number })} error={errors.number?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('number', { setValueAs: toNullableNumber })} type="number" step="any" inputMode="decimal" />}
        </FormField>
      )}
      {question.kind === 'date' && (
        <FormField label={t('questionnaires.answer.date', { number: question.number })} error={errors.date?.message}>
          {(fieldControl) => <input {...fieldControl} {...register('date')} type="date" />}
        </FormField>
      )}
      {question.kind === 'table' && <TableRowsField question={question} />}
      {takesText(question) && (
        <Controller
          control={control}
          name="markup"
          render={({ field }) => (
            <MarkupEditor
              label={question.kind === 'open' ? t('questionnaires.answer.text', { number: question.number }) : t('questionnaires.answer.comments')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.markup?.message}
              canInsertDataTable
            />
          )}
        />
      )}
    </>
  );
}

/** A table question: one row of inputs per row, one input per declared column. */
function TableRowsField({ question }: { question: Question }): ReactElement {
  // The rows are arrays of strings (useFieldArray wants objects), so they are edited by index.
  const { register, watch, setValue } = useFormContext<AnswerValues>();
  const rows = watch('rows');
  const emptyRow = () => question.columns.map(() => '');
  return (
    <FormFieldset legend={t('questionnaires.answer.table', { number: question.number })}>
      <TableScroll label={t('questionnaires.answer.table', { number: question.number })}>
        <table className="table table--compact answer-table">
          <AnswerTableHead columns={question.columns} />
          <tbody>
            {rows.map((_, rowIndex) => (
              <tr key={rowIndex}>
                {question.columns.map((column, columnIndex) => (
                  <td key={column.key}>
                    <input type="text" aria-label={t('questionnaires.answer.cell', { column: column.label, row: rowIndex + 1 })} {...register(`rows.${rowIndex}.${columnIndex}`)} />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="button"
                    onClick={() => setValue('rows', rows.filter((__, index) => index !== rowIndex), { shouldDirty: true })}
                  >
                    {t('questionnaires.answer.removeRow', { row: rowIndex + 1 })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <button type="button" className="button" onClick={() => setValue('rows', [...rows, emptyRow()], { shouldDirty: true })}>
        {t('questionnaires.answer.addRow')}
      </button>
    </FormFieldset>
  );
}

/** An answer as read, whatever its kind. */
export function AnswerView({ question, answer }: { question: Question; answer: Answer }): ReactElement {
  const choices = describeSelection(question, answer);
  return (
    <div className="answer-view">
      {isClosedKind(question) && <p>{choices.length > 0 ? choices.join(' · ') : t('questionnaires.answer.noChoice')}</p>}
      {question.kind === 'number' && <p>{answer.number === null ? t('app.none') : formatNumber(answer.number)}</p>}
      {question.kind === 'date' && <p>{formatDate(answer.date)}</p>}
      {question.kind === 'table' && (
        <TableScroll label={t('questionnaires.answer.table', { number: question.number })}>
          <table className="table table--compact">
            <thead>
              <tr>
                {question.columns.map((column) => (
                  <th key={column.key} scope="col">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answer.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {question.columns.map((column, index) => (
                    <td key={column.key}>{row[index] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {(takesText(question) || answer.text.blocks.length > 0) && <RichTextView richText={answer.text} />}
    </div>
  );
}

/** The header row of a table question: its declared columns, then the row actions. */
export function AnswerTableHead({ columns }: { columns: readonly { key: string; label: string }[] }): ReactElement {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.key} scope="col">
            {column.label}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">{t('questionnaires.answer.rowActions')}</span>
        </th>
      </tr>
    </thead>
  );
}
