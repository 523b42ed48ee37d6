import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, id, recordColumns, searchVector } from '../../platform/db/columns.js';
import { organizations } from '../directory/directory.tables.js';
import { bodies } from '../bodies/bodies.tables.js';
import { states } from '../../platform/db/geo.tables.js';
import { users } from '../accounts/accounts.tables.js';

/** A stored file or a URL that proves something happened (acta, informe, oficio, enlace). */
export const evidence = pgTable('evidence', {
  id: id(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  url: text('url'),
  fileName: text('file_name'),
  contentType: text('content_type'),
  /** The uploaded file itself, when the evidence is a file rather than a URL. */
  content: bytea('content'),
  byteSize: integer('byte_size'),
  /** Who uploaded the file or gave the address: they may link it to other records (null: an import or the command line). */
  createdById: uuid('created_by_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    bodyId: uuid('body_id').notNull().references(() => bodies.id),
    kind: text('kind').notNull(),
    /** Ordinal number within its kind; permanent sessions have none. */
    number: integer('number'),
    date: date('date', { mode: 'string' }).notNull(),
    modality: text('modality'),
    minutesEvidenceId: uuid('minutes_evidence_id').references(() => evidence.id),
    /** Set when the secretariat publishes the session; drafts stay internal. */
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    ...recordColumns(),
  },
  (t) => [
    // One body cannot hold the same session twice: this is what makes imports idempotent.
    uniqueIndex('sessions_identity_idx').on(t.bodyId, t.kind, sql`coalesce(${t.number}, 0)`, t.date),
    // …nor two sessions of one kind with the same ordinal (an archived one frees its number).
    uniqueIndex('sessions_ordinal_idx').on(t.bodyId, t.kind, t.number).where(sql`${t.number} is not null and ${t.archivedAt} is null`),
    index('sessions_date_idx').on(t.date, t.id),
    index('sessions_body_date_idx').on(t.bodyId, t.date),
    // Search finds a session by its ordinal ("Vigésima Cuarta", "24").
    index('sessions_number_idx').on(t.number, t.date),
    // Counting live sessions that match a filter reads this index alone, not the table.
    index('sessions_live_id_idx').on(t.id).where(sql`${t.archivedAt} is null`),
  ],
);

export const participations = pgTable(
  'participations',
  {
    id: id(),
    sessionId: uuid('session_id').notNull().references(() => sessions.id),
    description: text('description').notNull(),
    search: searchVector(`description`),
    ...recordColumns(),
  },
  (t) => [index('participations_session_idx').on(t.sessionId), index('participations_search_idx').using('gin', t.search)],
);

export const participationOrganizations = pgTable(
  'participation_organizations',
  {
    participationId: uuid('participation_id').notNull().references(() => participations.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
    /** Order in which the participants were named. */
    position: integer('position').notNull(),
    /** The participant's name as an imported document wrote it ("…, A.C. (REDIM)"), which reports reproduce; null when entered by hand. */
    nameAsWritten: text('name_as_written'),
  },
  (t) => [
    primaryKey({ columns: [t.participationId, t.organizationId] }),
    index('participation_organizations_org_idx').on(t.organizationId),
  ],
);

export const agreements = pgTable(
  'agreements',
  {
    id: id(),
    sessionId: uuid('session_id').notNull().references(() => sessions.id),
    participationId: uuid('participation_id').references(() => participations.id),
    code: text('code'),
    text: text('text').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull(),
    /** Published agreements are public with their follow-up; drafts stay internal. */
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    search: searchVector(`coalesce(code, '') || ' ' || text`),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex('agreements_code_idx').on(t.code),
    index('agreements_session_idx').on(t.sessionId),
    index('agreements_status_due_idx').on(t.status, t.dueDate),
    // Lists count live agreements by status; a partial index answers that without reading the table.
    index('agreements_live_status_idx').on(t.status).where(sql`${t.archivedAt} is null`),
    // Counting live agreements of a state merges this with agreement_states_state_agreement_idx, both index-only.
    index('agreements_live_id_idx').on(t.id).where(sql`${t.archivedAt} is null`),
    index('agreements_search_idx').using('gin', t.search),
  ],
);

export const agreementOrganizations = pgTable(
  'agreement_organizations',
  {
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organizationId] }),
    index('agreement_organizations_org_idx').on(t.organizationId),
  ],
);

export const agreementStates = pgTable(
  'agreement_states',
  {
    agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
    stateCode: text('state_code').notNull().references(() => states.code),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.stateCode] }), index('agreement_states_state_agreement_idx').on(t.stateCode, t.agreementId)],
);

export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    agreementId: uuid('agreement_id').references(() => agreements.id),
    participationId: uuid('participation_id').references(() => participations.id),
    /** When it was done; reports imported from text often do not say, so it may be unknown. */
    date: date('date', { mode: 'string' }),
    text: text('text').notNull(),
    search: searchVector(`text`),
    ...recordColumns(),
  },
  (t) => [
    index('follow_ups_agreement_idx').on(t.agreementId),
    index('follow_ups_participation_idx').on(t.participationId),
    index('follow_ups_search_idx').using('gin', t.search),
  ],
);

/** Order of the states is the order of first mention in the text. */
export const followUpStates = pgTable(
  'follow_up_states',
  {
    followUpId: uuid('follow_up_id').notNull().references(() => followUps.id),
    stateCode: text('state_code').notNull().references(() => states.code),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.followUpId, t.stateCode] }), index('follow_up_states_state_idx').on(t.stateCode)],
);

export const followUpEvidence = pgTable(
  'follow_up_evidence',
  {
    followUpId: uuid('follow_up_id').notNull().references(() => followUps.id),
    evidenceId: uuid('evidence_id').notNull().references(() => evidence.id),
  },
  (t) => [primaryKey({ columns: [t.followUpId, t.evidenceId] })],
);

/** A session's programme: its items in order, with times (Mexico City, as written) and presenters. */
export const sessionAgendaItems = pgTable(
  'session_agenda_items',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    position: integer('position').notNull(),
    /** 'HH:MM', or null when the programme gives none. */
    startsAt: text('starts_at'),
    endsAt: text('ends_at'),
    title: text('title').notNull(),
    presenter: text('presenter'),
    notes: text('notes'),
    ...recordColumns(),
  },
  (t) => [index('session_agenda_items_session_idx').on(t.sessionId, t.position)],
);

/** Which organisations attended a session (an assembly's member organisations). */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.organizationId] }), index('session_attendance_org_idx').on(t.organizationId)],
);
