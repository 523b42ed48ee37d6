import type { ReactNode } from 'react';
import { LoadingLine } from '../components/query-content.component';
import { t } from '../i18n/translate';
import type { Permissions } from './permissions';
import { usePermissions } from './permissions.hook';

interface PermissionGateProps {
  isAllowed: (permissions: Permissions) => boolean;
  children: ReactNode;
}

/**
 * A page or form only for those who may use it. Links to it are hidden from everyone else; this
 * covers an address typed or bookmarked by someone without the role (the server refuses anyway).
 */
export function PermissionGate({ isAllowed, children }: PermissionGateProps) {
  const permissions = usePermissions();
  if (!permissions.isReady) return <LoadingLine />;
  if (!isAllowed(permissions)) {
    return (
      <p className="alert alert--error" role="alert">
        {t('auth.notAllowed')}
      </p>
    );
  }
  return <>{children}</>;
}
