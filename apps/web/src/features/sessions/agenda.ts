import type { AgendaItemInput, AgendaItemView } from '@telar/domain';

/** An agenda item as the editor's inputs hold it: blank text for what the programme does not say. */
export type AgendaItemFormValues = { [K in keyof AgendaItemInput]-?: string };

export const BLANK_AGENDA_ITEM: AgendaItemFormValues = { startsAt: '', endsAt: '', title: '', presenter: '', notes: '' };

export function toAgendaFormItems(items: readonly AgendaItemView[]): AgendaItemFormValues[] {
  return items.map((item) => ({
    startsAt: item.startsAt ?? '',
    endsAt: item.endsAt ?? '',
    title: item.title,
    presenter: item.presenter ?? '',
    notes: item.notes ?? '',
  }));
}

/** "09:00–09:30", "09:00", or null when the programme gives no time ("– 09:30" never happens: an end needs a start). */
export function formatAgendaTime(item: Pick<AgendaItemView, 'startsAt' | 'endsAt'>): string | null {
  if (!item.startsAt) return null;
  return item.endsAt ? `${item.startsAt}–${item.endsAt}` : item.startsAt;
}
