import type { ExerciseView } from '@telar/domain';
import type { ReactElement } from 'react';
import { t } from '../../i18n/translate';

/** An exercise's status, and «Publicado» when its reply is on the portal. */
export function ExerciseStatusBadge({ exercise }: { exercise: Pick<ExerciseView, 'status' | 'isPublished'> }): ReactElement {
  return (
    <span className="contribution-status">
      <span className={`badge exercise-status--${exercise.status}`}>{t(`questionnaires.exerciseStatus.${exercise.status}`)}</span>
      {exercise.isPublished && <span className="badge badge--published">{t('publication.published')}</span>}
    </span>
  );
}
