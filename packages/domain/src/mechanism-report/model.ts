/**
 * The participation-mechanism report (seed 000) as plain data: what the parser produces from the
 * text, what the report service builds from the database, and what every renderer (DOCX, Markdown,
 * JSON) consumes. One shape for both directions is what makes the Markdown round trip possible.
 */

/** Session kinds as stored; the UI labels are in the message catalogue. */
export const SESSION_KINDS = ['ordinary', 'extraordinary', 'permanent', 'installation'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface SessionRef {
  kind: SessionKind;
  /** Ordinal number ("Vigésima Primera" → 21); null for a permanent session, which has none. */
  number: number | null;
  /** ISO date YYYY-MM-DD. */
  date: string;
}

export interface AgreementRef {
  /** Official code when the document gives one (COMSE/SO16/02/2021). */
  code: string | null;
  text: string;
}

export interface FollowUpRef {
  text: string;
  /** ISO 3166-2:MX codes of the states named in the text, in order of first mention. */
  states: string[];
}

export interface EvidenceRef {
  /** "Acta de la Vigésima Primera Sesión Ordinaria". */
  title: string;
  /** Where the minutes can be read (the report's footnote), when known. */
  url: string | null;
}

export interface MechanismBlock {
  /** Participant organisation names as written, one per ";"-separated item. */
  participants: string[];
  session: SessionRef;
  /** "Acciones en las que la participación fue/es relevante". */
  description: string;
  agreements: AgreementRef[];
  followUp: FollowUpRef | null;
  evidence: EvidenceRef[];
}

export interface MechanismReport {
  /** Full name of the body ("Comisión de Secretarías Ejecutivas de Protección Integral de …"). */
  bodyName: string;
  /** The agreement of the preamble that approved the mechanism, with the session that adopted it. */
  approvingAgreement: (AgreementRef & { session: SessionRef }) | null;
  /** Reporting period, ISO dates inclusive. */
  period: { from: string; to: string } | null;
  /** Address of the published minutes (the report's footnote ¹). */
  minutesUrl: string | null;
  blocks: MechanismBlock[];
}

/** A problem found in an input document, located by line (1-based) and field label. */
export interface Diagnostic {
  line: number;
  /** The label of the field concerned ("Participante"), when there is one. */
  field?: string;
  /** Stable machine code (e.g. "date.unreadable"); the text a person reads is `message`. */
  code: string;
  /** Spanish (es-MX) text rendered from the domain message catalogue. */
  message: string;
}
