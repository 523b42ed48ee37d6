/**
 * What Telar tells people, one rule per situation: which records it reads (rules.repository.ts, with their
 * recipients) and what each recipient is told. A notice is named by (kind, record, occasion, recipient) and
 * recorded once, so adding a kind is one entry here, its query, and its flags in NOTIFICATION_KINDS.
 * Notices name records and organisations, never children, and never another person's contact data.
 */
import { daysBetween, formatSessionTitleEs, formatSpanishDate, type NotificationKind, workingDaysUntil } from '@telar/domain';
import type { Database } from '../../platform/db/client.js';
import {
  agreementDeadlines,
  contributionDeadlines,
  type DeadlineWindow,
  type EventWindow,
  type PageRequest,
  publishedSessions,
  reportDeadlines,
  reviewedReports,
  type RuleRow,
  sentBackContributions,
  submittedReports,
} from './rules.repository.js';

export interface RunWindow {
  today: string;
  deadlines: DeadlineWindow;
  events: EventWindow;
}

/** One thing to tell the row's recipient. */
export interface NoticeDraft {
  kind: NotificationKind;
  /** What makes this notice different from earlier ones about the same record (a deadline and week, an event's moment). */
  occasion: string;
  title: string;
  body: string;
  linkPath: string;
}

export interface Rule {
  name: string;
  /** Deadline rules look at the calendar once a day; event rules also run between daily runs, for people told at once. */
  isDaily: boolean;
  read(db: Database, window: RunWindow, page: PageRequest): Promise<RuleRow[]>;
  notices(row: RuleRow, window: RunWindow): NoticeDraft[];
}

// One PluralRules for every notice: constructing one costs far more than the rest of a notice.
const pluralRules = new Intl.PluralRules('es-MX');
export const plural = (n: number, one: string, other: string) => `${n} ${pluralRules.select(n) === 'one' ? one : other}`;
const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

type DeadlineStage = { stage: 'due'; occasion: string; sentence: string } | { stage: 'overdue'; occasion: string; sentence: string };

/**
 * Where a deadline stands on the run's day: due within 7 or within 1 working day, or overdue — told again
 * each week it stays overdue. The occasion names the deadline, so a moved deadline is told anew.
 */
function deadlineStage(dueDate: string, window: RunWindow): DeadlineStage {
  const { today } = window;
  if (dueDate < today) {
    const late = daysBetween(dueDate, today);
    return { stage: 'overdue', occasion: `${dueDate}:week${Math.floor((late - 1) / 7)}`, sentence: `Venció el ${formatSpanishDate(dueDate)}; lleva ${plural(late, 'día', 'días')} de atraso.` };
  }
  const left = workingDaysUntil(today, dueDate);
  const when = left === 0 ? 'Vence hoy' : `Vence en ${plural(left, 'día hábil', 'días hábiles')}`;
  return { stage: 'due', occasion: `${dueDate}:${dueDate < window.deadlines.dueOneBefore ? 1 : 7}`, sentence: `${when}, el ${formatSpanishDate(dueDate)}.` };
}

const agreementName = (row: RuleRow) => `Acuerdo ${row.code ?? 'sin clave'} de ${row.bodyName}`;

const agreementDeadlineRule: Rule = {
  name: 'agreement-deadline',
  isDaily: true,
  read: (db, window, page) => agreementDeadlines(db, window.deadlines, page),
  notices(row, window) {
    const stage = deadlineStage(row.dueDate!, window);
    const linkPath = `/acuerdos/${row.recordId}`;
    const notices: NoticeDraft[] = [
      {
        kind: stage.stage === 'due' ? 'agreement_due' : 'agreement_overdue',
        occasion: stage.occasion,
        title: `${agreementName(row)}: ${stage.stage === 'due' ? 'fecha de cumplimiento próxima' : 'vencido'}`,
        body: `${stage.sentence} «${shorten(row.text!)}»`,
        linkPath,
      },
    ];
    if (row.audience === 'secretariat' && row.isEscalated === 'true') {
      notices.push({ kind: 'overdue_escalation', occasion: row.dueDate!, title: `${agreementName(row)}: más de 14 días de atraso`, body: stage.sentence, linkPath });
    }
    return notices;
  },
};

const reportName = (row: RuleRow) => `Reporte «${row.periodTitle}» (${row.planName})`;

const reportDeadlineRule: Rule = {
  name: 'report-deadline',
  isDaily: true,
  read: (db, window, page) => reportDeadlines(db, window.deadlines, page),
  notices(row, window) {
    const stage = deadlineStage(row.dueDate!, window);
    const linkPath = `/reportes/${row.recordId}`;
    if (row.audience === 'secretariat') {
      return [{ kind: 'overdue_escalation', occasion: row.dueDate!, title: `${reportName(row)} de ${row.organizationName}: más de 14 días de atraso`, body: stage.sentence, linkPath }];
    }
    return [
      {
        kind: stage.stage === 'due' ? 'report_due' : 'report_overdue',
        occasion: stage.occasion,
        title: `${reportName(row)}: ${stage.stage === 'due' ? 'fecha de entrega próxima' : 'entrega vencida'}`,
        body: stage.sentence,
        linkPath,
      },
    ];
  },
};

const submittedReportRule: Rule = {
  name: 'report-submitted',
  isDaily: false,
  read: (db, window, page) => submittedReports(db, window.events, page),
  notices: (row) => [
    {
      kind: 'report_submitted',
      occasion: row.eventAt!,
      title: `${row.organizationName} envió su reporte «${row.periodTitle}»`,
      body: `El reporte de ${row.planName} espera su revisión.`,
      linkPath: `/reportes/${row.recordId}`,
    },
  ],
};

const reviewedReportRule: Rule = {
  name: 'report-reviewed',
  isDaily: false,
  read: (db, window, page) => reviewedReports(db, window.events, page),
  notices: (row) => [
    row.status === 'sent_back'
      ? {
          kind: 'report_sent_back',
          occasion: row.eventAt!,
          title: `Su reporte «${row.periodTitle}» fue devuelto`,
          body: `La secretaría ejecutiva devolvió el reporte de ${row.planName} con observaciones. Revíselas y vuelva a enviarlo.`,
          linkPath: `/reportes/${row.recordId}`,
        }
      : {
          kind: 'report_accepted',
          occasion: row.eventAt!,
          title: `Su reporte «${row.periodTitle}» fue aceptado`,
          body: `La secretaría ejecutiva aceptó el reporte de ${row.planName}.`,
          linkPath: `/reportes/${row.recordId}`,
        },
  ],
};

const publishedSessionRule: Rule = {
  name: 'session-published',
  isDaily: false,
  read: (db, window, page) => publishedSessions(db, window.events, page),
  notices: (row) => [
    {
      kind: 'session_published',
      occasion: row.eventAt!,
      title: `Nueva sesión publicada: ${formatSessionTitleEs(row.kind!, row.number === null ? null : Number(row.number))} de ${row.bodyName}`,
      body: `Sesión del ${formatSpanishDate(row.date!)}.`,
      linkPath: `/sesiones/${row.recordId}`,
    },
  ],
};

const contributionName = (row: RuleRow) => `Pregunta ${row.questionNumber} del cuestionario «${shorten(row.exerciseTitle!, 120)}»`;
const contributionLink = (row: RuleRow) => `/aportaciones/${row.recordId}`;

const contributionDeadlineRule: Rule = {
  name: 'contribution-deadline',
  isDaily: true,
  read: (db, window, page) => contributionDeadlines(db, window.deadlines, page),
  notices(row, window) {
    const stage = deadlineStage(row.dueDate!, window);
    return [
      {
        kind: stage.stage === 'due' ? 'contribution_due' : 'contribution_overdue',
        occasion: stage.occasion,
        title: `${contributionName(row)}: ${stage.stage === 'due' ? 'fecha de entrega próxima' : 'aportación vencida'}`,
        body: stage.sentence,
        linkPath: contributionLink(row),
      },
    ];
  },
};

const sentBackContributionRule: Rule = {
  name: 'contribution-sent-back',
  isDaily: false,
  read: (db, window, page) => sentBackContributions(db, window.events, page),
  notices: (row) => [
    {
      kind: 'contribution_sent_back',
      occasion: row.eventAt!,
      title: `${contributionName(row)}: su aportación fue devuelta`,
      body: 'La secretaría técnica devolvió la aportación de su organización con observaciones. Revíselas y vuelva a enviarla.',
      linkPath: contributionLink(row),
    },
  ],
};

export const RULES: Rule[] = [
  agreementDeadlineRule,
  reportDeadlineRule,
  submittedReportRule,
  reviewedReportRule,
  publishedSessionRule,
  contributionDeadlineRule,
  sentBackContributionRule,
];
