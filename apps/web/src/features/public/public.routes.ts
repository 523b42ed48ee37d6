import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readPage, readText } from '../../routes/search-params';

export const publicRoutes = [
  { path: '/', access: 'portal', component: lazyRouteComponent(() => import('./public-home.page'), 'PublicHomePage') },
  {
    path: '/sesiones',
    access: 'portal',
    validateSearch: (search: Record<string, unknown>): { page?: number } => ({ page: readPage(search.page) }),
    component: lazyRouteComponent(() => import('./public-sessions.page'), 'PublicSessionsPage'),
  },
  { path: '/sesiones/$sessionId', access: 'portal', component: lazyRouteComponent(() => import('./public-session.page'), 'PublicSessionPage') },
  {
    path: '/acuerdos',
    access: 'portal',
    validateSearch: (search: Record<string, unknown>): { status?: string; stateCode?: string; page?: number } => ({
      status: readText(search.status),
      stateCode: readText(search.stateCode),
      page: readPage(search.page),
    }),
    component: lazyRouteComponent(() => import('./public-agreements.page'), 'PublicAgreementsPage'),
  },
  { path: '/acuerdos/$agreementId', access: 'portal', component: lazyRouteComponent(() => import('./public-agreement.page'), 'PublicAgreementPage') },
  { path: '/informes', access: 'portal', component: lazyRouteComponent(() => import('./public-reports.page'), 'PublicReportsPage') },
  { path: '/respuestas', access: 'portal', component: lazyRouteComponent(() => import('./public-replies.page'), 'PublicRepliesPage') },
  { path: '/respuestas/$replyId', access: 'portal', component: lazyRouteComponent(() => import('./public-replies.page'), 'PublicReplyPage') },
  { path: '/datos-abiertos', access: 'portal', component: lazyRouteComponent(() => import('./open-data.page'), 'OpenDataPage') },
] as const satisfies readonly RouteEntry[];
