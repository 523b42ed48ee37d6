import type { ExerciseQuestionView } from '@telar/domain';
import type { ReactElement } from 'react';
import { t } from '../../i18n/translate';

/** A question as its contributors read it: text, help, the recipient's editorial notes, when it applies. */
export function QuestionSummary({ question, headingLevel = 2 }: { question: ExerciseQuestionView; headingLevel?: 2 | 3 }): ReactElement {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="question-summary">
      <Heading className="question-summary__text">
        {question.number}. {question.text}
      </Heading>
      <p className="question-summary__meta">
        {t(`questionnaires.kind.${question.kind}`)}
        {question.required && ` · ${t('questionnaires.required')}`}
        {question.planNode && ` · ${question.planNode.code} ${question.planNode.title}`}
      </p>
      {question.help && <p className="field__hint">{question.help}</p>}
      {question.editorialNote && (
        <aside className="editorial-note" aria-label={t('questionnaires.editorialNote')}>
          <p className="editorial-note__title">{t('questionnaires.editorialNote')}</p>
          <p>{question.editorialNote}</p>
        </aside>
      )}
      {question.condition && (
        <p className="question-summary__condition">
          {t('questionnaires.condition', { question: question.condition.questionKey, options: question.condition.anyOf.join(', ') })}
        </p>
      )}
    </div>
  );
}
