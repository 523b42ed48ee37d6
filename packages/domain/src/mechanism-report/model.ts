/**
 * The participation-mechanism report (seed 000) as plain data: what the parser produces from the
 * text, what the report service builds from the database, and what every renderer (DOCX, Markdown,
 * JSON) consumes. One shape for both directions is what makes the Markdown round trip possible.
 * The shapes are zod schemas because the API returns them as they are (named in its OpenAPI document).
 */
import { z } from 'zod';
import { SESSION_KINDS } from '../schemas/session-vocabulary.js';

const SessionRefSchema = z.strictObject({
  kind: z.enum(SESSION_KINDS),
  /** Ordinal number ("Vigésima Primera" → 21); null for a permanent session, which has none. */
  number: z.number().int().nullable(),
  /** ISO date YYYY-MM-DD. */
  date: z.iso.date(),
});
export type SessionRef = z.infer<typeof SessionRefSchema>;

const AgreementRefSchema = z.strictObject({
  /** Official code when the document gives one (COMSE/SO16/02/2021). */
  code: z.string().nullable(),
  text: z.string(),
});
export type AgreementRef = z.infer<typeof AgreementRefSchema>;

const FollowUpRefSchema = z.strictObject({
  text: z.string(),
  /** ISO 3166-2:MX codes of the states named in the text, in order of first mention. */
  states: z.array(z.string()),
});
export type FollowUpRef = z.infer<typeof FollowUpRefSchema>;

const EvidenceRefSchema = z.strictObject({
  /** "Acta de la Vigésima Primera Sesión Ordinaria". */
  title: z.string(),
  /** Where the minutes can be read (the report's footnote), when known. */
  url: z.string().nullable(),
});
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

export const MechanismBlockSchema = z
  .strictObject({
    /** Participant organisation names as written, one per ";"-separated item. */
    participants: z.array(z.string()),
    session: SessionRefSchema,
    /** "Acciones en las que la participación fue/es relevante". */
    description: z.string(),
    agreements: z.array(AgreementRefSchema),
    followUp: FollowUpRefSchema.nullable(),
    evidence: z.array(EvidenceRefSchema),
  })
  .meta({ id: 'MechanismBlock', description: 'Una participación del informe: quiénes, en qué sesión, qué acuerdos y qué seguimiento.' });
export type MechanismBlock = z.infer<typeof MechanismBlockSchema>;

export const MechanismReportSchema = z
  .strictObject({
    /** Full name of the body ("Comisión de Secretarías Ejecutivas de Protección Integral de …"). */
    bodyName: z.string(),
    /** The agreement of the preamble that approved the mechanism, with the session that adopted it. */
    approvingAgreement: AgreementRefSchema.extend({ session: SessionRefSchema }).nullable(),
    /** Reporting period, ISO dates inclusive. */
    period: z.strictObject({ from: z.iso.date(), to: z.iso.date() }).nullable(),
    /**
     * The paragraphs between the title and the blocks as the imported document wrote them (legal
     * basis, short name, period sentence), regenerated verbatim; empty when the report is written
     * from the data alone, and the renderers then write the approval and period sentences themselves.
     */
    preamble: z.array(z.string()),
    /** Address of the published minutes (the report's footnote ¹). */
    minutesUrl: z.string().nullable(),
    /** The minutes footnote's own words before the address, as the document wrote them; null writes the standard note. */
    minutesNote: z.string().nullable(),
    blocks: z.array(MechanismBlockSchema),
  })
  .meta({ id: 'MechanismReport', description: 'El informe del Mecanismo de participación, el mismo modelo que se importa y se exporta.' });
export type MechanismReport = z.infer<typeof MechanismReportSchema>;

/** A problem found in an input document, located by line (1-based) and field label. */
export const DiagnosticSchema = z
  .strictObject({
    line: z.number().int(),
    /** The label of the field concerned ("Participante"), when there is one. */
    field: z.string().optional(),
    /** Stable machine code (e.g. "date.unreadable"); the text a person reads is `message`. */
    code: z.string(),
    /** Spanish (es-MX) text rendered from the domain message catalogue. */
    message: z.string(),
  })
  .meta({ id: 'Diagnostic' });
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
