/**
 * What the API returns: the shapes the server presents and the web client reads.
 * Inputs are the zod schemas beside this file; these are outputs only.
 */
import type { SessionKind } from '../mechanism-report/model.js';
import type { BodyKind, BodyLevel, FocalPointKind, MembershipRole, OrganizationLevel, Sector } from './directory.js';
import type { AgreementStatus, EvidenceKind, SessionModality } from './sessions.js';

export interface StateView {
  /** ISO 3166-2:MX, the key used everywhere ("MX-JAL"). */
  code: string;
  inegiCode: string;
  name: string;
  shortName: string;
  abbreviation: string;
}

export interface OrganizationRef {
  id: string;
  name: string;
  acronym: string | null;
}

export interface OrganizationView extends OrganizationRef {
  sector: Sector;
  level: OrganizationLevel;
  stateCode: string | null;
  parentId: string | null;
  version: number;
  updatedAt: string;
}

export interface BodyRef {
  id: string;
  name: string;
  acronym: string | null;
}

export interface BodyView extends BodyRef {
  kind: BodyKind;
  level: BodyLevel;
  stateCode: string | null;
  parentId: string | null;
  version: number;
}

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  title: string;
  url: string | null;
}

export interface SessionView {
  id: string;
  body: BodyRef;
  kind: SessionKind;
  number: number | null;
  date: string;
  modality: SessionModality | null;
  minutes: EvidenceView | null;
  participationCount: number;
  agreementCount: number;
  /** When it was published; null while it is a draft. */
  publishedAt: string | null;
  version: number;
}

export interface SessionRefView {
  id: string;
  body: BodyRef;
  kind: SessionKind;
  number: number | null;
  date: string;
}

export interface ParticipationView {
  id: string;
  session: SessionRefView;
  organizations: OrganizationRef[];
  description: string;
  version: number;
}

export interface AgreementView {
  id: string;
  code: string | null;
  session: SessionRefView;
  participationId: string | null;
  text: string;
  responsibleOrganizations: OrganizationRef[];
  stateCodes: string[];
  dueDate: string | null;
  status: AgreementStatus;
  /** When it was published (with its follow-up); null while it is a draft. */
  publishedAt: string | null;
  version: number;
}

export interface FollowUpView {
  id: string;
  agreementId: string | null;
  participationId: string | null;
  /** Unknown for follow-ups imported from reports that do not date them. */
  date: string | null;
  text: string;
  stateCodes: string[];
  evidence: EvidenceView[];
  version: number;
}

export interface OrganizationDetailView extends OrganizationView {
  participations: ParticipationView[];
  agreements: AgreementView[];
}

/** A focal point as shown to people: name and position only, never contacts. */
export interface FocalPointView {
  id: string;
  kind: FocalPointKind;
  person: { id: string; name: string; position: string | null };
  startDate: string;
  endDate: string | null;
}

export interface MembershipView {
  id: string;
  bodyId: string;
  organization: OrganizationRef;
  role: MembershipRole;
  startDate: string | null;
  endDate: string | null;
  focalPoints: FocalPointView[];
}

export interface BodyDetailView extends BodyView {
  children: BodyRef[];
  memberships: MembershipView[];
  sessions: SessionView[];
}

export interface SessionDetailView extends SessionView {
  participations: (ParticipationView & { followUps: FollowUpView[] })[];
  agreements: AgreementView[];
}

export interface AgreementDetailView extends AgreementView {
  followUps: FollowUpView[];
}

export interface DashboardView {
  counts: {
    organizations: number;
    bodies: number;
    sessions: number;
    participations: number;
    agreements: number;
    followUps: number;
  };
  /** Open agreements due in the next 60 days or already overdue, soonest first. */
  dueSoon: AgreementView[];
}

export interface ImportCounts {
  sessions: number;
  participations: number;
  agreements: number;
  followUps: number;
  organizations: number;
}

/** One entry of a record's history. */
export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  action:
    | 'create'
    | 'update'
    | 'archive'
    | 'restore'
    | 'publish'
    | 'unpublish'
    | 'import'
    | 'submit'
    | 'accept'
    | 'send_back'
    | 'close'
    // Accounts: deactivated or reactivated, sessions ended, password changed by its owner or reset by an administrator.
    | 'deactivate'
    | 'reactivate'
    | 'sign_out'
    | 'password_change'
    | 'password_reset';
  /** Changed fields: { field: [before, after] }. */
  changes: Record<string, [unknown, unknown]>;
}

export interface PublishedReportView {
  id: string;
  kind: 'mechanism';
  body: BodyRef;
  periodFrom: string;
  periodTo: string;
  title: string;
  publishedAt: string;
}
