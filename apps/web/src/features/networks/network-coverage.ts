import { t } from '../../i18n/translate';

/**
 * What the members recorded say against the declared size. A list shorter than the declared size is
 * said to be incomplete, and a network that declared nothing is not taken for complete either: Telar
 * knows only the members it was told of.
 */
export function describeCoverage(size: { declaredMembers: number | null; members: number }): string {
  if (size.declaredMembers === null) return t('networks.size.noDeclared', { members: size.members });
  if (size.members < size.declaredMembers) return t('networks.size.fewer', { members: size.members, declared: size.declaredMembers });
  return t('networks.size.reached', { members: size.members, declared: size.declaredMembers });
}

/** Whether the list must be flagged as short of what the network declares (or of an unknown size). */
export const isListShort = (size: { declaredMembers: number | null; members: number }): boolean => size.declaredMembers === null || size.members < size.declaredMembers;
