/**
 * The fixed wording of the participation-mechanism report, shared by the parser (which must
 * recognise it) and the renderers (which must write it back), plus diagnostic construction.
 */
import { MESSAGES_ES_MX, type MessageCode, type MessageParams } from '../messages/es-MX.js';
import { formatSpanishOrdinal } from '../text/ordinals.js';
import type { SessionKind } from '../schemas/session-vocabulary.js';
import type { Diagnostic, SessionRef } from './model.js';

export const REPORT_FIELDS = ['participants', 'session', 'description', 'agreement', 'followUp', 'evidence'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/**
 * The label dictionary: each field's canonical label (first; what the renderers write) and the
 * variants found in other editions. Labels are compared after `normalizeLabel`, so "(s)", "/es",
 * footnote marks, punctuation and spacing need no variant of their own ("Acuerdo(s) adoptado(s)",
 * "fue/es relevante" and "fue relevante", "acuerdo/ o" and "acuerdo o" are the same key); words
 * that differ do, and anything else close enough is taken with a warning (see text/labels.ts).
 */
export const FIELD_LABELS: Record<ReportField, readonly [string, ...string[]]> = {
  participants: ['Participante', 'Participantes', 'Organización participante', 'Organizaciones participantes'],
  session: ['Número, tipo de sesión y fecha', 'Sesión', 'Número, tipo y fecha de sesión', 'Número, tipo y fecha de la sesión'],
  description: ['Acciones en las que la participación fue/es relevante', 'Acciones en las que la participación ha sido relevante'],
  agreement: ['Acuerdo adoptado', 'Acuerdos adoptados'],
  followUp: [
    'Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado',
    'Actividades realizadas para el cumplimiento de los acuerdos o en seguimiento a lo presentado',
  ],
  evidence: ['Medios de verificación', 'Medio de verificación'],
};

/** How the report says "none" in a field. */
export const NOT_APPLICABLE = 'N/A';

export const SYSTEM_HEADING = 'SISTEMA NACIONAL DE PROTECCIÓN INTEGRAL DE NIÑAS, NIÑOS Y ADOLESCENTES';
export const REPORT_TITLE_PREFIX =
  'Informe del Mecanismo de participación de sociedad civil, academia y sector privado';
export const APPROVAL_TEXT_PREFIX = 'Aprobación';

export const SESSION_KIND_TITLES: Record<SessionKind, string> = {
  ordinary: 'Sesión Ordinaria',
  extraordinary: 'Sesión Extraordinaria',
  permanent: 'Sesión Permanente',
  installation: 'Sesión de Instalación',
  assembly: 'Asamblea',
};

/** "Vigésima Primera Sesión Ordinaria", "Sesión Permanente". */
export function formatSessionTitle(session: Pick<SessionRef, 'kind' | 'number'>): string {
  const title = SESSION_KIND_TITLES[session.kind];
  return session.number === null ? title : `${formatSpanishOrdinal(session.number)} ${title}`;
}

/** The display label of a field, as used in diagnostics. */
export function getFieldLabel(field: ReportField): string {
  return FIELD_LABELS[field][0];
}

/** Builds a located diagnostic whose message comes from the es-MX catalogue. */
export function createDiagnostic<C extends MessageCode>(
  code: C,
  line: number,
  field: ReportField | undefined,
  ...params: MessageParams<C>
): Diagnostic {
  const render = MESSAGES_ES_MX[code] as (...args: MessageParams<C>) => string;
  const fieldLabel = field === undefined ? undefined : getFieldLabel(field);
  const location =
    fieldLabel === undefined
      ? MESSAGES_ES_MX['location.line']({ line })
      : MESSAGES_ES_MX['location.lineField']({ line, field: fieldLabel });
  return {
    line,
    ...(fieldLabel === undefined ? {} : { field: fieldLabel }),
    code,
    message: `${location}: ${render(...params)}`,
  };
}
