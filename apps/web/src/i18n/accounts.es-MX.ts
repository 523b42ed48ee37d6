/** Messages of the account pages (es-MX); merged into the main catalogue. */
export const accountsEsMX = {
  'history.action.deactivate': 'Desactivación',
  'history.action.reactivate': 'Reactivación',
  'history.action.sign_out': 'Cierre de sesiones',
  'history.action.password_change': 'Cambio de contraseña',
  'history.action.password_reset': 'Contraseña asignada por administración',
  'history.field.isActive': 'Activa',
  'history.field.mustChangePassword': 'Debe cambiar la contraseña',
  'history.field.session': 'Sesión',
} as const;
