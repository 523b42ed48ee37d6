import type { ReactElement } from 'react';
import { Fact } from '../../components/fact.component';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/translate';
import '../../styles/networks.css';
import { describeCoverage, isListShort } from './network-coverage';

/** What a network says of its size and what Telar records of it (the internal view and the portal's share it). */
export interface NetworkSize {
  declaredMembers: number | null;
  declaredStates: number | null;
  declaredSource: string | null;
  declaredOn: string | null;
  /** Current members recorded (new, active or in grace). */
  members: number;
  states: number;
}

/** "446 integrantes en 32 entidades", or only the members when the states were not declared. */
function describeDeclared(size: NetworkSize): string {
  if (size.declaredMembers === null) return t('networks.size.notDeclared');
  const members = t('networks.size.members', { count: size.declaredMembers });
  return size.declaredStates === null ? members : `${members} ${t('networks.size.inStates', { count: size.declaredStates })}`;
}

/** Declared size with its source beside the members recorded, and what the difference means. */
export function NetworkSizeFacts({ size }: { size: NetworkSize }): ReactElement {
  const isShort = isListShort(size);
  return (
    <>
      <dl className="facts">
        <Fact label={t('networks.size.declared')}>{describeDeclared(size)}</Fact>
        <Fact label={t('networks.size.source')}>
          {size.declaredSource ?? t('app.none')}
          {size.declaredOn && ` (${formatDate(size.declaredOn)})`}
        </Fact>
        <Fact label={t('networks.size.recorded')}>
          {t('networks.size.members', { count: size.members })} {t('networks.size.inStates', { count: size.states })}
        </Fact>
      </dl>
      <p className={isShort ? 'network-notice' : undefined}>{describeCoverage(size)}</p>
    </>
  );
}
