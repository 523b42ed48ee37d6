import type { accountsEsMX } from './accounts.es-MX';

/** English messages of the account pages; the type keeps the keys in step with es-MX. */
export const accountsEn: Record<keyof typeof accountsEsMX, string> = {
  'history.action.deactivate': 'Deactivation',
  'history.action.reactivate': 'Reactivation',
  'history.action.sign_out': 'Sessions ended',
  'history.action.password_change': 'Password change',
  'history.action.password_reset': 'Password set by an administrator',
  'history.field.isActive': 'Active',
  'history.field.mustChangePassword': 'Must change the password',
  'history.field.session': 'Session',
};
