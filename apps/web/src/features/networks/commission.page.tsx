import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { FOCAL_ROLES, type CommissionView, type FocalTermView } from '@telar/domain';
import type { ReactElement } from 'react';
import { networksApi } from '../../api/network-resources';
import { Disclosure } from '../../components/disclosure.component';
import { Fact } from '../../components/fact.component';
import { PageHeader } from '../../components/page-header.component';
import { PageSection } from '../../components/page-section.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDate, getTodayIso } from '../../i18n/format';
import { t } from '../../i18n/translate';
import '../../styles/networks.css';
import { EndTermForm, FocalTermForm, MechanismsForm } from './commission-forms.component';
import { findCurrentTerm } from './commission-mechanisms';
import { nameWithAcronym } from './network-columns';

const routeApi = getRouteApi('/_internal/redes/comisiones/$bodyId');

/** «Punto focal: designado (name) / pendiente» for each role, from the terms current today. */
function CurrentFocal({ commission }: { commission: CommissionView }): ReactElement {
  const today = getTodayIso();
  return (
    <dl className="facts">
      {FOCAL_ROLES.map((role) => {
        const term = findCurrentTerm(commission.focalPoints, role, today);
        return (
          <Fact key={role} label={t(`networks.focalRole.${role}`)}>
            {term ? (
              `${t('networks.focal.designated')}: ${term.person.name}${term.person.organizationName ? ` (${term.person.organizationName})` : ''}`
            ) : (
              <span className="network-focal--pending">{t('networks.focal.pending')}</span>
            )}
          </Fact>
        );
      })}
    </dl>
  );
}

/** Every term, current and past: who, in what role, from when to when; contacts only when the API sends them (managers). */
function termColumns(showContacts: boolean): TableColumn<FocalTermView>[] {
  return [
    { header: t('networks.focal.name'), isRowHeader: true, render: (term) => term.person.name },
    { header: t('networks.focal.role'), render: (term) => t(`networks.focalRole.${term.role}`) },
    { header: t('networks.focal.position'), render: (term) => term.person.position ?? t('app.none') },
    { header: t('networks.focal.institution'), render: (term) => term.person.organizationName ?? t('app.none') },
    ...(showContacts
      ? [
          {
            header: t('networks.focal.contacts'),
            render: (term: FocalTermView) => [term.person.email, term.person.phone].filter(Boolean).join(' · ') || t('app.none'),
          },
        ]
      : []),
    { header: t('networks.focal.startOn'), render: (term) => formatDate(term.startOn) },
    { header: t('networks.focal.endOn'), render: (term) => (term.endOn ? formatDate(term.endOn) : t('networks.focal.ongoing')) },
  ];
}

/** The agreed mechanisms as read-only facts (for those who do not manage the network). */
function MechanismFacts({ commission }: { commission: CommissionView }): ReactElement {
  const { communication, work } = commission;
  const none = t('networks.notAgreed');
  const channels = communication?.channels.map((channel) => t(`networks.channel.${channel}`)) ?? [];
  if (communication?.otherChannel) channels.push(communication.otherChannel);
  return (
    <>
      <h3>{t('networks.communication.title')}</h3>
      <dl className="facts">
        <Fact label={t('networks.communication.channels')}>{channels.join(', ') || none}</Fact>
        <Fact label={t('networks.communication.rules')}>{communication?.rules ?? none}</Fact>
        <Fact label={t('networks.communication.frequency')}>{communication?.frequency ? t(`networks.frequency.${communication.frequency}`) : none}</Fact>
      </dl>
      <h3>{t('networks.work.title')}</h3>
      <dl className="facts">
        <Fact label={t('networks.work.meetingFrequency')}>{work?.meetingFrequency ? t(`networks.frequency.${work.meetingFrequency}`) : none}</Fact>
        <Fact label={t('networks.work.documentPlatform')}>{work?.documentPlatform ?? none}</Fact>
        <Fact label={t('networks.work.modality')}>{work?.modality ? t(`networks.modality.${work.modality}`) : none}</Fact>
        <Fact label={t('networks.work.agreementsKeeper')}>{work?.agreementsKeeper ?? none}</Fact>
        <Fact label={t('networks.work.agreementsChannel')}>{work?.agreementsChannel ?? none}</Fact>
        <Fact label={t('networks.work.venueRule')}>{work?.venueRule ?? none}</Fact>
        <Fact label={t('networks.work.notes')}>{work?.notes ?? none}</Fact>
      </dl>
    </>
  );
}

/** A thematic commission: its commitment, members, focal point and alternate with their terms, and its mechanisms. */
export function CommissionPage(): ReactElement {
  const { bodyId } = routeApi.useParams();
  const query = useQuery(networksApi.commission(bodyId));
  return (
    <QueryContent query={query}>
      {(commission) => {
        const canManage = commission.abilities.canManage;
        const terms = [...commission.focalPoints].sort((a, b) => b.startOn.localeCompare(a.startOn));
        return (
          <>
            <PageHeader
              title={commission.name}
              eyebrow={t(`networks.role.${commission.role}`)}
              trail={[
                { label: t('networks.title'), to: '/redes' },
                { label: commission.network.name, to: `/redes/${commission.network.id}` },
              ]}
              actions={
                <Link to="/organos/$bodyId" params={{ bodyId }} className="button">
                  {t('networks.commission.bodyPage')}
                </Link>
              }
            />
            <dl className="facts">
              <Fact label={t('networks.commissions.commitment')}>
                {commission.commitment ? `${commission.commitment.code} ${commission.commitment.title}` : t('networks.commissions.noCommitment')}
              </Fact>
            </dl>
            <p>{t('networks.commission.sessionsHint')}</p>
            <PageSection id="comision-punto-focal" title={t('networks.focal.title')}>
              <CurrentFocal commission={commission} />
              <PaginatedTable
              isKeyboardScrollable
                caption={t('networks.focal.history')}
                columns={termColumns(canManage)}
                rows={terms}
                getRowKey={(term) => term.id}
                emptyText={t('networks.focal.none')}
              />
              {canManage &&
                terms
                  .filter((term) => term.endOn === null)
                  .map((term) => (
                    <Disclosure key={term.id} summary={t('networks.focal.endTermOf', { name: term.person.name, role: t(`networks.focalRole.${term.role}`) })}>
                      <EndTermForm term={term} />
                    </Disclosure>
                  ))}
            </PageSection>
            {canManage && (
              <PageSection id="comision-designar" title={t('networks.focal.designateTitle')} isPanel>
                <FocalTermForm bodyId={bodyId} />
              </PageSection>
            )}
            <PageSection id="comision-mecanismos" title={t('networks.mechanisms.title')} isPanel={canManage}>
              {canManage ? <MechanismsForm commission={commission} /> : <MechanismFacts commission={commission} />}
            </PageSection>
            <PageSection id="comision-integrantes" title={t('networks.commission.members')}>
              {commission.members.length === 0 ? (
                <p className="empty">{t('networks.commission.membersEmpty')}</p>
              ) : (
                <ul className="record-list">
                  {commission.members.map((member) => (
                    <li key={member.organizationId}>
                      <Link to="/organizaciones/$organizationId" params={{ organizationId: member.organizationId }}>
                        {nameWithAcronym(member)}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <Link to="/organos/$bodyId" params={{ bodyId }}>
                  {canManage ? t('networks.commission.manageMembers') : t('networks.commission.bodyMembers')}
                </Link>
              </p>
            </PageSection>
          </>
        );
      }}
    </QueryContent>
  );
}
