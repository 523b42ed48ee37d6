/** The lists of sessions and agreements as rows of their Excel and CSV downloads, in Spanish. */
import {
  AGREEMENT_STATUS_LABELS,
  findStateByIso,
  formatSessionTitleEs,
  MODALITY_LABELS,
  mexicoCityDay,
  SESSION_KIND_LABELS,
  type AgreementView,
  type SessionView,
} from '@telar/domain';
import type { TableColumn } from '../../platform/documents/table-file.js';

/** State names (INEGI's short names) and their ISO 3166-2 codes, each joined by "; " in the same order. */
export function describeStates(codes: readonly string[]): { states: string; stateCodes: string } {
  return { states: codes.map((code) => findStateByIso(code)?.shortName ?? code).join('; '), stateCodes: codes.join('; ') };
}

/** The day it was published, in Mexico City. */
const publicationDay = (publishedAt: string | null) => (publishedAt ? mexicoCityDay(publishedAt) : null);

export const SESSION_EXPORT_COLUMNS: TableColumn[] = [
  { key: 'body', header: 'Órgano' },
  { key: 'bodyAcronym', header: 'Siglas del órgano' },
  { key: 'title', header: 'Sesión' },
  { key: 'kind', header: 'Tipo' },
  { key: 'number', header: 'Número' },
  { key: 'date', header: 'Fecha' },
  { key: 'modality', header: 'Modalidad' },
  { key: 'participations', header: 'Participaciones' },
  { key: 'agreements', header: 'Acuerdos' },
  { key: 'published', header: 'Publicada el' },
];

export const toSessionExportRow = (s: SessionView) => ({
  body: s.body.name,
  bodyAcronym: s.body.acronym,
  title: formatSessionTitleEs(s.kind, s.number),
  kind: SESSION_KIND_LABELS[s.kind],
  number: s.number,
  date: s.date,
  modality: s.modality ? MODALITY_LABELS[s.modality] : null,
  participations: s.participationCount,
  agreements: s.agreementCount,
  published: publicationDay(s.publishedAt),
});

export const AGREEMENT_EXPORT_COLUMNS: TableColumn[] = [
  { key: 'code', header: 'Clave' },
  { key: 'body', header: 'Órgano' },
  { key: 'session', header: 'Sesión' },
  { key: 'sessionDate', header: 'Fecha de la sesión' },
  { key: 'text', header: 'Texto' },
  { key: 'responsibles', header: 'Organizaciones responsables' },
  { key: 'states', header: 'Entidades federativas' },
  { key: 'stateCodes', header: 'Claves de entidad (ISO 3166-2)' },
  { key: 'dueDate', header: 'Fecha de cumplimiento' },
  { key: 'status', header: 'Estado' },
  { key: 'published', header: 'Publicado el' },
];

export const toAgreementExportRow = (a: AgreementView) => ({
  code: a.code,
  body: a.session.body.name,
  session: formatSessionTitleEs(a.session.kind, a.session.number),
  sessionDate: a.session.date,
  text: a.text,
  responsibles: a.responsibleOrganizations.map((o) => o.name).join('; '),
  ...describeStates(a.stateCodes),
  dueDate: a.dueDate,
  status: AGREEMENT_STATUS_LABELS[a.status],
  published: publicationDay(a.publishedAt),
});
