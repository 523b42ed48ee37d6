import { z } from 'zod';
import { ReportViewSchema } from './plan-views.js';
import { viewCount } from './view-fields.js';
import { AgreementViewSchema } from './views.js';

/** The first items of a group (the most urgent first) and how many there are in all. */
const taskGroup = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item), total: viewCount });

export const MY_TASKS_SHOWN = 10;

export const MyTasksViewSchema = z
  .strictObject({
    /** Reports the person's organisations (as enlace) owe in periods still open, the earliest deadline first. */
    reportsDue: taskGroup(ReportViewSchema),
    /** Their reports sent back for correction, in periods still open. */
    reportsSentBack: taskGroup(ReportViewSchema),
    /** Open agreements (pending or in progress) their organisations are responsible for, the earliest due first. */
    agreementsOwed: taskGroup(AgreementViewSchema),
    /** Reports submitted to plans of bodies the person manages (as secretariat; every body for an administrator). */
    reportsToReview: taskGroup(ReportViewSchema),
  })
  .meta({
    id: 'MyTasksView',
    description: `Lo que le toca a la persona que consulta: lo que debe, lo que le devolvieron y lo que espera su revisión (hasta ${MY_TASKS_SHOWN} de cada grupo, con el total).`,
  });
export type MyTasksView = z.infer<typeof MyTasksViewSchema>;
