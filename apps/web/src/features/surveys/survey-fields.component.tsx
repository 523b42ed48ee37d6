import { useQuery } from '@tanstack/react-query';
import { SURVEY_ANONYMITY, SURVEY_QUESTION_KINDS, type SurveyAudience } from '@telar/domain';
import { useState, type ReactElement } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { surveyNetworkApi } from '../../api/survey-resources';
import { CheckboxGroup } from '../../components/checkbox-group.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { useStateOptions } from '../../components/states.hook';
import { t } from '../../i18n/translate';
import { DefinitionFields, type DefinitionEditorOptions } from '../questionnaires/definition-fields.component';
import { LIKERT_OPTIONS_TEXT, type SurveyFormValues } from './survey-form';
import { formatQuestionKind } from './survey-status.component';
import '../../styles/questionnaires.css';
import '../../styles/surveys.css';

/** The questionnaire editor, offering only the survey's kinds and the fields a survey uses. */
const SURVEY_EDITOR: DefinitionEditorOptions = {
  kinds: SURVEY_QUESTION_KINDS,
  getKindLabel: formatQuestionKind,
  isPlain: true,
  defaultOptionsText: { rating: LIKERT_OPTIONS_TEXT },
};

const AUDIENCE_KINDS: readonly SurveyAudience['kind'][] = ['all', 'commission', 'states', 'list'];

/** The members a list audience is chosen from: a search, then checkboxes; the chosen ones stay listed. */
function MemberPicker({ networkId, value, onChange }: { networkId: string; value: string[]; onChange: (ids: string[]) => void }): ReactElement {
  const [q, setQ] = useState('');
  const query = useQuery(surveyNetworkApi.members(networkId, q));
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const found = query.data?.items ?? [];
  const options = [
    ...value.filter((id) => !found.some((member) => member.id === id)).map((id) => ({ value: id, label: known.get(id) ?? id })),
    ...found.map((member) => ({ value: member.id, label: member.acronym ? `${member.name} (${member.acronym})` : member.name })),
  ];
  return (
    <>
      <FormField label={t('surveys.form.memberSearch')}>{(control) => <input {...control} type="search" value={q} onChange={(event) => setQ(event.target.value)} />}</FormField>
      <CheckboxGroup
        options={options}
        value={value}
        onChange={(ids) => {
          setKnown(new Map([...known, ...options.map((option) => [option.value, option.label] as const)]));
          onChange(ids);
        }}
      />
      <p className="field__hint">{t('surveys.form.membersChosen', { count: value.length })}</p>
    </>
  );
}

/** Title, description, anonymity, audience, closing date and questions: the fields of a draft survey. */
export function SurveyFields({ networkId }: { networkId: string }): ReactElement {
  const { register, control, watch, formState } = useFormContext<SurveyFormValues>();
  const { errors } = formState;
  const network = useQuery(surveyNetworkApi.detail(networkId));
  const stateOptions = useStateOptions();
  const audienceKind = watch('audience.kind');
  const audienceError = errors.audience?.kind?.message ?? errors.audience?.commissionIds?.message ?? errors.audience?.stateCodes?.message ?? errors.audience?.memberIds?.message;
  return (
    <>
      <FormField label={t('surveys.form.title')} error={errors.title?.message} isRequired>
        {(fieldControl) => <input {...fieldControl} {...register('title')} type="text" />}
      </FormField>
      <FormField label={t('surveys.form.description')} error={errors.description?.message}>
        {(fieldControl) => <textarea {...fieldControl} {...register('description')} rows={3} />}
      </FormField>
      <FormFieldset legend={t('surveys.form.anonymity')} error={errors.anonymity?.message}>
        <ul className="checkbox-list">
          {SURVEY_ANONYMITY.map((anonymity) => (
            <li key={anonymity}>
              <label className="checkbox">
                <input type="radio" value={anonymity} {...register('anonymity')} />
                <span>
                  {t(`surveys.anonymity.${anonymity}`)}
                  <span className="field__hint survey-choice-hint">{t(`surveys.anonymity.${anonymity}.hint`)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </FormFieldset>
      <FormFieldset legend={t('surveys.form.audience')} error={audienceError}>
        <ul className="checkbox-list">
          {AUDIENCE_KINDS.map((kind) => (
            <li key={kind}>
              <label className="checkbox">
                <input type="radio" value={kind} {...register('audience.kind')} />
                {t(`surveys.audience.${kind}`)}
              </label>
            </li>
          ))}
        </ul>
      </FormFieldset>
      {audienceKind === 'commission' && (
        <FormFieldset legend={t('surveys.form.commissions')} error={errors.audience?.commissionIds?.message}>
          <Controller
            control={control}
            name="audience.commissionIds"
            render={({ field }) => (
              <CheckboxGroup options={(network.data?.commissions ?? []).map((commission) => ({ value: commission.bodyId, label: commission.name }))} value={field.value} onChange={field.onChange} />
            )}
          />
          {network.data && network.data.commissions.length === 0 && <p className="field__hint">{t('surveys.form.noCommissions')}</p>}
        </FormFieldset>
      )}
      {audienceKind === 'states' && (
        <FormFieldset legend={t('surveys.form.states')} error={errors.audience?.stateCodes?.message}>
          <Controller control={control} name="audience.stateCodes" render={({ field }) => <CheckboxGroup options={stateOptions} value={field.value} onChange={field.onChange} isCompact />} />
        </FormFieldset>
      )}
      {audienceKind === 'list' && (
        <FormFieldset legend={t('surveys.form.members')} error={errors.audience?.memberIds?.message}>
          <Controller control={control} name="audience.memberIds" render={({ field }) => <MemberPicker networkId={networkId} value={field.value} onChange={field.onChange} />} />
        </FormFieldset>
      )}
      <FormField label={t('surveys.form.closesOn')} hint={t('surveys.form.closesOnHint')} error={errors.closesOn?.message}>
        {(fieldControl) => <input {...fieldControl} {...register('closesOn')} type="date" />}
      </FormField>
      <h2>{t('surveys.form.questions')}</h2>
      <p className="field__hint">{t('surveys.form.questionsHint')}</p>
      <DefinitionFields editor={SURVEY_EDITOR} />
    </>
  );
}
