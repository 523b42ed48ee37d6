import { queryOptions } from '@tanstack/react-query';
import type { LoginInput, MeView } from '@telar/domain';
import { getJson, rememberCsrfToken, sendJson } from './client';

/** Keeps the CSRF token of whoever the server says is signed in. */
function acceptMe(me: MeView): MeView {
  rememberCsrfToken(me.csrfToken);
  return me;
}

/** The signed-in person; it fails with 401 "unauthenticated" when nobody is. */
export const meQuery = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: async ({ signal }) => acceptMe(await getJson<MeView>('/auth/me', undefined, signal)),
  // Roles change rarely; a sign-in or sign-out replaces this entry explicitly.
  staleTime: Infinity,
  retry: false,
});

export const authApi = {
  login: async (input: LoginInput) => acceptMe(await sendJson<MeView>('POST', '/auth/login', input)),
  logout: async (isEverywhere: boolean) => {
    await sendJson<null>('POST', isEverywhere ? '/auth/logout-everywhere' : '/auth/logout');
    rememberCsrfToken(null);
  },
};
