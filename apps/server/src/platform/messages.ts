/** Texts of the errors people see (es-MX); the keys are the error codes clients can rely on. */
export const errorMessages = {
  not_found: 'No se encontró el registro solicitado.',
  unauthenticated: 'Inicie sesión para continuar.',
  forbidden: 'No tiene permiso para esta acción.',
  csrf: 'La solicitud no trae la ficha de seguridad de su sesión; recargue la página.',
  login_failed: 'Correo o contraseña incorrectos. Tras varios intentos fallidos la cuenta se bloquea unos minutos, aun con la contraseña correcta.',
  rate_limited: 'Demasiados intentos; espere un momento.',
  conflict: 'Alguien más modificó este registro; recargue para ver los cambios.',
  validation: 'Revise los datos marcados.',
  duplicate: 'Ya existe un registro con esos datos.',
  import_invalid: 'El documento tiene errores; no se importó nada.',
  payload_too_large: 'Lo enviado es demasiado grande (más de 5 MB): acorte el texto o elija un archivo más pequeño.',
  unsupported_media_type: 'La solicitud no viene en el formato que se espera (tipo de contenido).',
  internal: 'Ocurrió un error inesperado. Intente de nuevo.',
  report_locked: 'El reporte ya se envió a revisión, fue aceptado o su periodo está cerrado: no se puede modificar.',
  report_not_submitted: 'Solo se revisa un reporte enviado.',
  has_children: 'Este elemento tiene otros que dependen de él: archívelos primero.',
  unknown_reference: 'Hace referencia a un registro que no existe.',
  password_change_required: 'Debe cambiar la contraseña que le asignaron antes de continuar.',
  last_admin: 'Debe quedar al menos una cuenta de administración activa.',
  own_account: 'No puede desactivar su propia cuenta; pida a otra persona administradora que lo haga.',
  parent_not_published: 'Publique primero el registro del que depende este.',
  period_closed: 'El periodo de reporte está cerrado: ya no se modifica.',
  link_invalid: 'El enlace ya se usó, venció o no es válido. Pida uno nuevo con «¿Olvidó su contraseña?» o a la administración.',
  invitation_not_pending: 'La persona ya eligió su contraseña o su cuenta está desactivada: no hay invitación que reenviar.',
} as const;

export type ErrorCode = keyof typeof errorMessages;
