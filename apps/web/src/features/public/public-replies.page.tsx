import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ConsolidatedReply } from '@telar/domain';
import type { ReactElement } from 'react';
import { publicApi } from '../../api/public-resources';
import { PageHeader } from '../../components/page-header.component';
import { QueryContent } from '../../components/query-content.component';
import { RichTextView } from '../../components/rich-text.component';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/translate';

/** Replies to questionnaires (UN communications, the Alliance 8.7…) that a secretariat published. */
export function PublicRepliesPage(): ReactElement {
  const query = useQuery(publicApi.replies);
  return (
    <>
      <PageHeader title={t('public.replies.title')} eyebrow={t('public.name')} />
      <QueryContent query={query}>
        {(replies) =>
          replies.length === 0 ? (
            <p className="empty">{t('public.replies.empty')}</p>
          ) : (
            <ul className="record-list">
              {replies.map((reply) => (
                <li key={reply.id} className="record">
                  <h2 className="record__title">
                    <Link to="/publico/respuestas/$replyId" params={{ replyId: reply.id }}>
                      {reply.title}
                    </Link>
                  </h2>
                  <p>{describeReply(reply)}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryContent>
    </>
  );
}

/** "OACNUDH · JAL MEX 4/2021 · 2 de junio de 2021", leaving out what the reply does not say. */
function describeReply(reply: { recipient: string | null; reference: string | null; replyDate?: string | null; date?: string | null }) {
  const date = reply.replyDate ?? reply.date ?? null;
  return [reply.recipient, reply.reference, date ? formatDate(date) : null].filter(Boolean).join(' · ');
}

/** One published reply as it was sent: the questions, their answers and marks, and who contributed. */
export function PublicReplyPage(): ReactElement {
  const { replyId } = useParams({ strict: false }) as { replyId: string };
  const query = useQuery(publicApi.reply(replyId));
  return (
    <QueryContent query={query}>
      {(reply) => (
        <>
          <PageHeader title={reply.title} eyebrow={t('public.replies.title')} trail={[{ label: t('public.replies.title'), to: '/publico/respuestas' }]} />
          <p>{describeReply(reply)}</p>
          {reply.coverNote && <RichTextView richText={reply.coverNote} />}
          <ol className="record-list reply-questions">
            {reply.questions.map((question) => (
              <li key={question.number} className="record">
                <h2 className="record__title">
                  {question.number}. {question.text}
                </h2>
                {question.options.length > 0 && (
                  <ul className="reply-options" aria-label={t('public.replies.options', { number: question.number })}>
                    {question.options.map((option) => (
                      <li key={option.label}>
                        <span aria-hidden="true">{option.marked ? '☒' : '☐'} </span>
                        {option.label}
                        {option.marked && <span className="visually-hidden"> ({t('public.replies.marked')})</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {(question.answer.text.blocks.length > 0 || question.options.length === 0) && <RichTextView richText={question.answer.text} emptyText={t('public.replies.unanswered')} />}
                {question.contributors.length > 0 && <p className="field__hint">{t('public.replies.contributors', { names: question.contributors.join(', ') })}</p>}
              </li>
            ))}
          </ol>
          <Contributors reply={reply} />
        </>
      )}
    </QueryContent>
  );
}

function Contributors({ reply }: { reply: ConsolidatedReply }): ReactElement | null {
  if (reply.organisations.length === 0) return null;
  return (
    <section aria-labelledby="aportaciones">
      <h2 id="aportaciones">{t('public.replies.organisations')}</h2>
      <ul>
        {reply.organisations.map((organisation) => (
          <li key={organisation.id}>{organisation.acronym ? `${organisation.name} (${organisation.acronym})` : organisation.name}</li>
        ))}
      </ul>
    </section>
  );
}
