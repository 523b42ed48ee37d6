/**
 * Session kinds and agreement statuses with their Spanish names. No zod here: the web app's message
 * catalogue, loaded on every page, reads these names without pulling in the schemas.
 */

/** Session kinds as stored; the UI labels are in the message catalogue. */
/** `assembly`: a network's assembly of its member organisations (numbered: «2ª Asamblea Nacional»). */
export const SESSION_KINDS = ['ordinary', 'extraordinary', 'permanent', 'installation', 'assembly'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const AGREEMENT_STATUSES = ['pending', 'in_progress', 'fulfilled', 'cancelled'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Spanish names of the codes, for files the server writes (open data); the web app has them in its catalogue. */
export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  ordinary: 'Ordinaria',
  extraordinary: 'Extraordinaria',
  permanent: 'Permanente',
  installation: 'De instalación',
  assembly: 'Asamblea',
};
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  pending: 'Pendiente',
  in_progress: 'En proceso',
  fulfilled: 'Cumplido',
  cancelled: 'Cancelado',
};
