import { SurveyInvitationViewSchema, SurveyResponseInputSchema, SurveyResponseReceiptSchema } from '@telar/domain';
import { z } from 'zod';
import { apiRoute, type createRouter, jsonResponse, PUBLIC_ROUTE } from '../../platform/http/router.js';
import { SURVEYS_TAG } from './surveys.routes.js';

/** Any text: a malformed token is a link that does not exist (404), not a field to correct. */
const TokenParamsSchema = z.object({ token: z.string().max(200).describe('La ficha del enlace personal (43 caracteres base64url).') });

const RESPONSE_PATH = '/survey-invitations/{token}/response';

/**
 * The member's side, by personal link: no account, the token in the address is the credential. The
 * token is checked (known, survey open, not yet answered) by a middleware on the response path that
 * runs before the route's validator, so a request with a bad token is refused with 404 before its
 * body is read, whatever it holds.
 */
export function registerSurveyResponseRoutes(router: ReturnType<typeof createRouter>) {
  router.post(RESPONSE_PATH.replace('{token}', ':token'), async (c, next) => {
    await c.var.services.surveyResponses.requireAnswerableLink(c.req.param('token') ?? '');
    await next();
  });
  router.openapi(
    apiRoute({
      ...PUBLIC_ROUTE,
      method: 'get',
      path: '/survey-invitations/{token}',
      tags: [SURVEYS_TAG],
      operationId: 'getSurveyInvitation',
      summary: 'La encuesta de un enlace personal',
      description: 'Sin cuenta: el enlace recibido por correo es la credencial. Dice también si ya se respondió y si la encuesta cerró.',
      request: { params: TokenParamsSchema },
      responses: { 200: jsonResponse('La encuesta y la organización invitada', SurveyInvitationViewSchema) },
      errors: [404],
    }),
    async (c) => c.json(await c.var.services.surveyResponses.view(c.req.valid('param').token), 200, { 'Referrer-Policy': 'no-referrer' }),
  );
  router.openapi(
    apiRoute({
      ...PUBLIC_ROUTE,
      method: 'post',
      path: RESPONSE_PATH,
      tags: [SURVEYS_TAG],
      operationId: 'respondSurveyInvitation',
      summary: 'Responder la encuesta de un enlace personal',
      description:
        'Una sola respuesta por invitación. En una encuesta anónima (o a elección, con `anonymous: true`) la respuesta no queda ligada a la invitación ni a la organización, y el acuse no trae nada que la identifique.',
      request: { params: TokenParamsSchema, body: { content: { 'application/json': { schema: SurveyResponseInputSchema } }, required: true } },
      responses: { 201: jsonResponse('Respuesta recibida', SurveyResponseReceiptSchema) },
      errors: [404, 409],
    }),
    async (c) => c.json(await c.var.services.surveyResponses.respond(c.req.valid('param').token, c.req.valid('json')), 201),
  );
}
