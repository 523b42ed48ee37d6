import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readPage, readText } from '../../routes/search-params';

export const questionnairesRoutes = [
  {
    path: '/cuestionarios',
    access: 'signedIn',
    validateSearch: (search: Record<string, unknown>): { q?: string; page?: number } => ({ q: readText(search.q), page: readPage(search.page) }),
    component: lazyRouteComponent(() => import('./exercises-list.page'), 'ExercisesListPage'),
  },
  { path: '/cuestionarios/nuevo', access: 'signedIn', component: lazyRouteComponent(() => import('./exercise-new.page'), 'ExerciseNewPage') },
  { path: '/cuestionarios/plantillas', access: 'signedIn', component: lazyRouteComponent(() => import('./templates-list.page'), 'TemplatesListPage') },
  { path: '/cuestionarios/plantillas/nueva', access: 'signedIn', component: lazyRouteComponent(() => import('./template.page'), 'TemplateNewPage') },
  { path: '/cuestionarios/plantillas/$templateId', access: 'signedIn', component: lazyRouteComponent(() => import('./template.page'), 'TemplatePage') },
  {
    path: '/cuestionarios/$exerciseId',
    access: 'signedIn',
    // «tablero» opens the board tab; anything else, the questions.
    validateSearch: (search: Record<string, unknown>): { vista?: string } => ({ vista: readText(search.vista) }),
    component: lazyRouteComponent(() => import('./exercise.page'), 'ExercisePage'),
  },
  { path: '/cuestionarios/$exerciseId/consolidar', access: 'signedIn', component: lazyRouteComponent(() => import('./consolidation.page'), 'ConsolidationPage') },
  { path: '/aportaciones/$contributionId', access: 'signedIn', component: lazyRouteComponent(() => import('./contribution.page'), 'ContributionPage') },
] as const satisfies readonly RouteEntry[];
