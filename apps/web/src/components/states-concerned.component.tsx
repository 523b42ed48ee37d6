import { lazy, Suspense } from 'react';
import { t } from '../i18n/translate';
import { LoadingLine } from './query-content.component';
import { useStates } from './states.hook';

// The map geometry is the heaviest asset of the app; load it only when an agreement is opened.
const MexicoMap = lazy(() => import('./mexico-map/mexico-map.component'));

/** The states an agreement concerns: highlighted on the map and listed beside it by name. */
export function StatesConcerned({ codes }: { codes: readonly string[] }) {
  const { getStateName } = useStates();
  if (codes.length === 0) return <p className="empty">{t('agreements.statesNone')}</p>;
  const names = codes.map(getStateName).sort((a, b) => a.localeCompare(b, 'es-MX'));
  return (
    <div className="states-concerned">
      <Suspense fallback={<LoadingLine />}>
        <MexicoMap highlightedCodes={codes} title={t('agreements.map')} getStateName={getStateName} />
      </Suspense>
      <ul className="states-concerned__list">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </div>
  );
}
