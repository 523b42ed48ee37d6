import { queryOptions } from '@tanstack/react-query';
import type { AuthSessionView, CalendarFeedCreated, CalendarFeedView, PasswordChangeInput, PasswordResetInput, UserCreateInput, UserView } from '@telar/domain';
import { getJson, sendDelete, sendJson } from './client';
import { defineResource } from './resources';

/** The signed-in person's open sessions, most recently used first. */
export const ownSessionsQuery = queryOptions({
  queryKey: ['auth', 'sessions'],
  queryFn: ({ signal }) => getJson<AuthSessionView[]>('/auth/sessions', undefined, signal),
});

/** Whether the signed-in person has a private calendar feed. */
export const calendarFeedQuery = queryOptions({
  queryKey: ['auth', 'calendar'],
  queryFn: ({ signal }) => getJson<CalendarFeedView>('/me/calendar', undefined, signal),
});

export const calendarFeedApi = {
  /** A new secret address (shown once); the previous one stops working. */
  create: () => sendJson<CalendarFeedCreated>('POST', '/me/calendar'),
  revoke: () => sendDelete('/me/calendar'),
};

export const ownAccountApi = {
  /** Replaces the signed-in person's password; their other sessions end, this one stays. */
  changePassword: (input: PasswordChangeInput) => sendJson<null>('POST', '/auth/password', input),
  endSession: (sessionId: string) => sendJson<null>('POST', `/auth/sessions/${encodeURIComponent(sessionId)}/sign-out`),
};

/** An account as created by an administrator. */
export interface CreatedAccount {
  id: string;
  email: string;
  name: string;
}

const usersResource = defineResource<UserView, UserView>('users');
const userActionPath = (id: string, action: string) => `/users/${encodeURIComponent(id)}/${action}`;

/** Accounts, for administrators: create, list, read, edit name and roles, and the actions on a person's access. */
export const usersApi = {
  create: (input: UserCreateInput) => sendJson<CreatedAccount>('POST', '/users', input),
  list: usersResource.list,
  detail: usersResource.detail,
  update: usersResource.update,
  /** Deactivating ends the person's sessions; like an edit, it names the version it acts on. */
  setActive: ({ id, version, isActive }: { id: string; version: number; isActive: boolean }) =>
    sendJson<null>('POST', userActionPath(id, isActive ? 'reactivate' : 'deactivate'), { version }),
  signOut: (id: string) => sendJson<null>('POST', userActionPath(id, 'sign-out')),
  resetPassword: (id: string, input: PasswordResetInput) => sendJson<null>('POST', userActionPath(id, 'password'), input),
  /** A new invitation mail (72 h) to someone who has not chosen a password yet; the earlier link stops working. */
  resendInvitation: (id: string) => sendJson<null>('POST', userActionPath(id, 'invitation')),
};
