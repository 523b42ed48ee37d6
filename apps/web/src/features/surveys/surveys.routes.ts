import { lazyRouteComponent } from '@tanstack/react-router';
import type { RouteEntry } from '../../routes/route-table';
import { readText } from '../../routes/search-params';

/** A results page's segment filter (checked against the segments the API offers by the page). */
const readSegmentSearch = (search: Record<string, unknown>): { segmentKind?: string; segment?: string } => ({
  segmentKind: readText(search.segmentKind),
  segment: readText(search.segment),
});

export const surveysRoutes = [
  { path: '/redes/$networkId/encuestas', access: 'signedIn', component: lazyRouteComponent(() => import('./surveys-list.page'), 'SurveysListPage') },
  { path: '/redes/$networkId/encuestas/nueva', access: 'signedIn', component: lazyRouteComponent(() => import('./survey-new.page'), 'SurveyNewPage') },
  {
    path: '/encuestas/$surveyId',
    access: 'signedIn',
    // «resultados» opens the results tab; anything else, the survey.
    validateSearch: (search: Record<string, unknown>): { vista?: string; segmentKind?: string; segment?: string } => ({ vista: readText(search.vista), ...readSegmentSearch(search) }),
    component: lazyRouteComponent(() => import('./survey.page'), 'SurveyPage'),
  },
  // The personal link of the invitation mail: no account, no frame of the app.
  { path: '/encuesta/$token', access: 'open', component: lazyRouteComponent(() => import('./survey-response.page'), 'SurveyResponsePage') },
  { path: '/encuestas', access: 'portal', component: lazyRouteComponent(() => import('./public-surveys.page'), 'PublicSurveysPage') },
  {
    path: '/encuestas/$surveyId',
    access: 'portal',
    validateSearch: readSegmentSearch,
    component: lazyRouteComponent(() => import('./public-surveys.page'), 'PublicSurveyPage'),
  },
] as const satisfies readonly RouteEntry[];
