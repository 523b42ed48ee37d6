/** What other modules may use of the sessions module. */
export { findAgreementByIdentity, findAgreementView, findFollowUpByIdentity, insertAgreement, insertFollowUp, listAgreements, listAgreementsOfSession, listFollowUps, replaceAgreementLinks } from './agreement.repository.js';
export type { AgreementFilter } from './agreement.repository.js';
export { createAgreementService } from './agreement.service.js';
export { insertEvidence } from './evidence.repository.js';
export { registerEvidenceRoutes } from './evidence.routes.js';
export { createEvidenceService, requireLinkableEvidence } from './evidence.service.js';
export { findParticipationByIdentity, findSessionByIdentity, findSessionView, insertParticipation, insertSession, listParticipationsOfOrganization, listParticipationsOfSession, listSessions, setSessionMinutes } from './session.repository.js';
export type { SessionFilter } from './session.repository.js';
export { registerSessionRoutes } from './session.routes.js';
export { createSessionService, requireFreeOrdinal } from './session.service.js';
