import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { NotificationPage, NotificationPreferencesInput, NotificationPreferencesView, OutboxMailDetailView, OutboxPage } from '@telar/domain';
import { getJson, sendJson } from './client';

/** How often the bell asks for the unread count while a page is open. */
const BELL_REFRESH_MS = 60_000;

export const unreadCountQuery = queryOptions({
  queryKey: ['notifications', 'unread-count'],
  queryFn: ({ signal }) => getJson<{ unread: number }>('/notifications/unread-count', undefined, signal),
  refetchInterval: BELL_REFRESH_MS,
});

export const notificationsQuery = ({ page, pageSize, isUnreadOnly }: { page: number; pageSize: number; isUnreadOnly: boolean }) =>
  queryOptions({
    queryKey: ['notifications', 'list', page, pageSize, isUnreadOnly],
    queryFn: ({ signal }) => getJson<NotificationPage>('/notifications', { page, pageSize, unread: isUnreadOnly || undefined }, signal),
    placeholderData: keepPreviousData,
  });

export const notificationPreferencesQuery = queryOptions({
  queryKey: ['notifications', 'preferences'],
  queryFn: ({ signal }) => getJson<NotificationPreferencesView>('/notifications/preferences', undefined, signal),
});

export const outboxQuery = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['outbox', page, pageSize],
    queryFn: ({ signal }) => getJson<OutboxPage>('/outbox', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

export const outboxMailQuery = (id: string) =>
  queryOptions({
    queryKey: ['outbox', 'mail', id],
    queryFn: ({ signal }) => getJson<OutboxMailDetailView>(`/outbox/${encodeURIComponent(id)}`, undefined, signal),
  });

export const notificationsApi = {
  /** Marks the named notices read, or all of the person's when none is named. */
  markRead: (ids?: string[]) => sendJson<null>('POST', '/notifications/read', ids ? { ids } : {}),
  savePreferences: (input: NotificationPreferencesInput) => sendJson<NotificationPreferencesView>('PUT', '/notifications/preferences', input),
};
