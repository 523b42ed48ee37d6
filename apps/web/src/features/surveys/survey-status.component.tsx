import type { QuestionKind, SurveyQuestionKind, SurveyStatus } from '@telar/domain';
import type { ReactElement } from 'react';
import { t } from '../../i18n/translate';

/** A survey's status as a label; the text carries the meaning, the colour only helps. */
export function SurveyStatusBadge({ status }: { status: SurveyStatus }): ReactElement {
  return <span className={`badge survey-status survey-status--${status}`}>{t(`surveys.status.${status}`)}</span>;
}

const SURVEY_KIND_POSITIONS: Record<SurveyQuestionKind, number> = { single_choice: 0, multiple_choice: 1, rating: 2, open: 3, number: 4 };

/** A question kind as a survey names it (a rating is its Likert scale); others as the questionnaires do. */
export function formatQuestionKind(kind: QuestionKind): string {
  return Object.hasOwn(SURVEY_KIND_POSITIONS, kind) ? t(`surveys.kind.${kind as SurveyQuestionKind}`) : t(`questionnaires.kind.${kind}`);
}
