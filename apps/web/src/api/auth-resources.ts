import { queryOptions } from '@tanstack/react-query';
import type { AccountLinkView, LoginInput, MeView, PasswordFromLinkInput, PasswordResetRequestInput } from '@telar/domain';
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
  /** «¿Olvidó su contraseña?»: the answer is the same whether or not the address has an account. */
  requestPasswordReset: (input: PasswordResetRequestInput) => sendJson<null>('POST', '/auth/password-reset', input),
  setPasswordWithLink: (input: PasswordFromLinkInput) => sendJson<null>('POST', '/auth/account-link/password', input),
};

/** What a link sent by e-mail is for and for whom; fails with 410 once used or expired. */
export const accountLinkQuery = (token: string) =>
  queryOptions({
    queryKey: ['auth', 'account-link', token],
    queryFn: () => sendJson<AccountLinkView>('POST', '/auth/account-link/check', { token }),
    retry: false,
    staleTime: Infinity,
  });
