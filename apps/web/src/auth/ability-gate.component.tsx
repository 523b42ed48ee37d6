import type { MeAbilities } from '@telar/domain';
import type { ReactNode } from 'react';
import { LoadingLine } from '../components/query-content.component';
import { t } from '../i18n/translate';
import { useMeAbilities } from './me.hook';

interface AbilityGateProps {
  /** Whether the page is for this person, from what the server says they may do. */
  isAllowed: boolean | ((abilities: MeAbilities) => boolean);
  children: ReactNode;
}

/**
 * A page or form only for those who may use it. Links to it are hidden from everyone else; this
 * covers an address typed or bookmarked by someone without the role (the server refuses anyway).
 */
export function AbilityGate({ isAllowed, children }: AbilityGateProps) {
  const abilities = useMeAbilities();
  if (!abilities) return <LoadingLine />;
  if (!(typeof isAllowed === 'function' ? isAllowed(abilities) : isAllowed)) {
    return (
      <p className="alert alert--error" role="alert">
        {t('auth.notAllowed')}
      </p>
    );
  }
  return <>{children}</>;
}
