import { CommunicationMechanismSchema, WorkMechanismSchema, type FocalRole, type FocalTermView } from '@telar/domain';

/** The vocabularies of the two mechanisms, read from the domain's schemas so a new choice shows up in the forms. */
export const CHANNELS = CommunicationMechanismSchema.shape.channels.unwrap().element.options;
export const COMMUNICATION_FREQUENCIES = CommunicationMechanismSchema.shape.frequency.unwrap().unwrap().options;
export const MEETING_FREQUENCIES = WorkMechanismSchema.shape.meetingFrequency.unwrap().unwrap().options;
export const MODALITIES = WorkMechanismSchema.shape.modality.unwrap().unwrap().options;

/** Blank answers are no answer: the API keeps null rather than empty text. */
export function withoutBlanks<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' && value.trim() === '' ? null : value])) as T;
}

/** Whether a term covers the day (ISO, Mexico City): started, and not yet ended (the end day is still in). */
export function isCurrentTerm(term: Pick<FocalTermView, 'startOn' | 'endOn'>, today: string): boolean {
  return term.startOn <= today && (term.endOn === null || term.endOn >= today);
}

/** The term of a role that covers the day, if any: «Punto focal: designado / pendiente». */
export function findCurrentTerm<T extends Pick<FocalTermView, 'role' | 'startOn' | 'endOn'>>(terms: readonly T[], role: FocalRole, today: string): T | undefined {
  return terms.find((term) => term.role === role && isCurrentTerm(term, today));
}
