import {
  DEFAULT_POINT_WEIGHTS,
  LIST_EXPORT_CAP,
  MEMBER_STATUSES,
  type MemberStatus,
  memberStatus,
  mexicoCityDay,
  type NetworkCommissionSummary,
  type NetworkCreateSchema,
  type NetworkMemberCreateSchema,
  type NetworkMemberFilter,
  type NetworkMemberImportResult,
  type NetworkMemberUpdateSchema,
  type NetworkMemberView,
  type NetworkPointsView,
  type NetworkSummaryView,
  type NetworkUpdateSchema,
  type NetworkView,
  type PublicNetworkSummary,
  type PublicNetworkView,
  parseOrganizationName,
  rankMembers,
  readMemberTable,
  type MemberContributionInputSchema,
  type MemberContributionView,
  type Sector,
} from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { canManageBody, requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { renderListFile } from '../../platform/documents/table-file.js';
import { DomainError, invalidField, notFound, staleVersion } from '../../platform/errors.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { createBodyService } from '../bodies/index.js';
import { createOrganizationService, findOrganizationByIdentity, findOrganizationView } from '../directory/index.js';
import { findPlan, readTableFile } from '../plans/index.js';
import { memberExportColumns, toMemberExportRow } from './member-files.js';
import {
  countMemberContributions,
  findContribution,
  findContributionById,
  findMemberOfOrganization,
  findMemberRecord,
  findMemberRow,
  findNetworkIdByName,
  findNetworkRecord,
  findNetworkRow,
  insertContribution,
  insertMember,
  insertNetwork,
  listContributions,
  listFocalTerms,
  listMemberRows,
  listNetworkBodyRecords,
  listNetworkRecords,
  type MemberFilter,
  type MemberRecord,
  type MemberRow,
  type MemberValues,
  type NetworkBodyRecord,
  type NetworkRecord,
  updateContribution,
  updateMember,
  updateNetwork,
} from './networks.repository.js';

/** Today in Mexico City: a member's status is for this day. */
export const todayInMexico = () => mexicoCityDay(new Date().toISOString());

/** New, active or in grace: the members a network counts as its own today. */
const CURRENT_STATUSES: readonly MemberStatus[] = ['new', 'active', 'grace'];
export const isCurrentStatus = (status: MemberStatus | null) => status !== null && CURRENT_STATUSES.includes(status);

const statusOf = (network: Pick<NetworkRecord, 'newDays' | 'graceDays'>, member: MemberRow, on: string) =>
  memberStatus({ joinedOn: member.joinedOn, leftOn: member.leftOn }, member.dues, { newDays: network.newDays, graceDays: network.graceDays }, on);

/** Contacts are personal data: the audit trail (which every signed-in person reads) records only that there is one, or that it changed. */
const CONTACT_FIELDS = ['contactName', 'contactEmail', 'contactPhone'] as const;
const maskContacts = <T extends object>(values: T, before?: object): T =>
  Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      if (!(CONTACT_FIELDS as readonly string[]).includes(key) || !value) return [key, value];
      const previous = (before as Record<string, unknown> | undefined)?.[key];
      return [key, previous && previous !== value ? 'cambiado' : 'registrado'];
    }),
  ) as T;

type MemberCreateData = z.output<typeof NetworkMemberCreateSchema>;

/** The counts a network shows of itself: current members, by status and by state. */
function countMembers(statuses: { member: MemberRow; status: MemberStatus | null }[]) {
  const byStatus = Object.fromEntries(MEMBER_STATUSES.map((status) => [status, 0])) as Record<MemberStatus, number>;
  const byState = new Map<string, number>();
  let members = 0;
  for (const { member, status } of statuses) {
    if (status) byStatus[status] += 1;
    if (!isCurrentStatus(status)) continue;
    members += 1;
    if (member.stateCode) byState.set(member.stateCode, (byState.get(member.stateCode) ?? 0) + 1);
  }
  const membersByState = [...byState].map(([stateCode, count]) => ({ stateCode, members: count })).sort((a, b) => a.stateCode.localeCompare(b.stateCode));
  return { members, byStatus, states: byState.size, membersByState };
}

/** Who holds a role in a body on a day, from its terms. */
export function holderOn<T extends { role: string; startOn: string; endOn: string | null }>(terms: T[], role: string, on: string): T | undefined {
  return terms.find((term) => term.role === role && term.startOn <= on && (!term.endOn || term.endOn >= on));
}

/**
 * Networks: a body of kind `network` with its settings (declared size with its source, membership rules,
 * publication choices, point weights), its members with a status computed for today, their yearly
 * contributions, the annual points, and what the portal may show. Administrators and the network body's
 * secretariat manage it; every signed-in person reads it; contacts only reach who manages it.
 */
export function createNetworkService(db: Database, actor: Actor) {
  const scopeOf = (networkId: string) => findBodyScope(db, networkId);
  const canManage = async (networkId: string) => canManageBody(actor, await scopeOf(networkId));
  const requireManager = async (networkId: string) => requireBodyManager(actor, await scopeOf(networkId));

  const requireNetwork = async (tx: Database, id: string) => {
    const network = await findNetworkRecord(tx, id);
    if (!network) throw notFound();
    return network;
  };

  const memberView = (member: MemberRow, status: MemberStatus | null, withContact: boolean): NetworkMemberView => ({
    id: member.id,
    organizationId: member.organizationId,
    name: member.name,
    acronym: member.acronym,
    stateCode: member.stateCode,
    sector: member.sector,
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    status,
    source: member.source,
    contact: withContact ? { name: member.contactName, email: member.contactEmail, phone: member.contactPhone } : null,
    version: member.version,
  });

  /** The members of a network with today's status, filtered (status too). */
  const membersWithStatus = async (network: NetworkRecord, filter: NetworkMemberFilter) => {
    const on = todayInMexico();
    const rows = await listMemberRows(db, network.bodyId, filter);
    const all = rows.map((member) => ({ member, status: statusOf(network, member, on) }));
    return filter.status ? all.filter((entry) => entry.status === filter.status) : all;
  };

  /** The commissions of a network as its page and the portal show them: who holds each role today. */
  const commissionSummaries = async (bodies: NetworkBodyRecord[]): Promise<NetworkCommissionSummary[]> => {
    const commissions = bodies.filter((body) => body.role === 'commission');
    const terms = await listFocalTerms(db, commissions.map((body) => body.bodyId));
    const on = todayInMexico();
    const holder = (bodyId: string, role: string) => {
      const term = holderOn(terms.filter((t) => t.bodyId === bodyId), role, on);
      return term ? { name: term.person.name, organizationName: term.person.organizationName, startOn: term.startOn } : null;
    };
    return commissions.map((body) => ({
      bodyId: body.bodyId,
      name: body.name,
      planNodeId: body.planNodeId,
      commitmentCode: body.commitmentCode,
      commitmentTitle: body.commitmentTitle,
      focalPoint: holder(body.bodyId, 'focal_point'),
      alternate: holder(body.bodyId, 'alternate'),
      members: body.members,
    }));
  };

  /** The organisation a member row names: the one chosen, the one the directory already has by name or acronym, or a new one. */
  const resolveOrganization = async (tx: Database, data: Pick<MemberCreateData, 'organizationId' | 'organization' | 'sector' | 'stateCode'>) => {
    if (data.organizationId) {
      const organization = await findOrganizationView(tx, data.organizationId);
      if (!organization) throw invalidField('organizationId', 'La organización no existe.');
      return { id: organization.id, isNew: false };
    }
    const written = data.organization!;
    const parsed = parseOrganizationName(written.name);
    const acronym = written.acronym ?? parsed.acronym;
    const existing = await findOrganizationByIdentity(tx, parsed.key, acronym);
    if (existing) return { id: existing.id, isNew: false };
    const level = written.level;
    const created = await createOrganizationService(tx, actor).create({
      name: parsed.name,
      acronym,
      sector: data.sector,
      level,
      stateCode: data.stateCode,
      parentId: null,
    });
    return { id: created.id, isNew: true };
  };

  const addMember = async (tx: Database, networkId: string, organizationId: string, data: Omit<MemberValues, 'networkId' | 'organizationId'>) => {
    if (await findMemberOfOrganization(tx, networkId, organizationId)) {
      throw new DomainError('duplicate', [{ path: 'organizationId', message: 'La organización ya es integrante de la red.' }]);
    }
    const { id } = await insertMember(tx, { ...data, networkId, organizationId });
    await auditCreate(tx, actor, 'network_member', id, maskContacts({ networkId, organizationId, ...data }));
    return id;
  };

  const writeMemberUpdate = async (tx: Database, id: string, version: number, values: Partial<MemberValues>) => {
    const find = async (d: Database, key: string) => {
      const record = await findMemberRecord(d, key);
      return record && maskContacts(record);
    };
    const before = await findMemberRecord(tx, id);
    await writeVersionedUpdate(tx, actor, {
      entity: 'network_member',
      id,
      version,
      values: maskContacts(values, before),
      find,
      write: (d, key, v) => updateMember(d, key, v, values),
    });
  };

  const contributionView = (row: Awaited<ReturnType<typeof findContributionById>> & object): MemberContributionView => ({
    id: row.id,
    year: row.year,
    amount: row.amount === null ? null : Number(row.amount),
    status: row.status as MemberContributionView['status'],
    paidOn: row.paidOn,
    note: row.note,
    version: row.version,
  });

  /** A member of this network, or 404. */
  const requireMember = async (tx: Database, networkId: string, memberId: string): Promise<MemberRecord> => {
    const member = await findMemberRecord(tx, memberId);
    if (!member || member.networkId !== networkId || member.archivedAt) throw notFound();
    return member;
  };

  const service = {
    requireManager,

    async list(): Promise<NetworkSummaryView[]> {
      requireSignedIn(actor);
      return summaries();
    },

    async create(data: z.output<typeof NetworkCreateSchema>): Promise<NetworkView> {
      requireSignedIn(actor);
      const { name, acronym, level, stateCode, ...settings } = data;
      const id = await db.transaction(async (tx) => {
        // The body through the bodies module: its rules (a top-level body is the administrators') and its audit.
        const body = await createBodyService(tx, actor).create({ kind: 'network', name, acronym, level, stateCode, parentId: null });
        if (settings.planId && !(await findPlan(tx, settings.planId))) throw invalidField('planId', 'El plan no existe.');
        const values = { ...settings, pointWeights: DEFAULT_POINT_WEIGHTS };
        await insertNetwork(tx, body.id, values);
        await auditCreate(tx, actor, 'network', body.id, values);
        return body.id;
      });
      return service.get(id);
    },

    async get(id: string): Promise<NetworkView> {
      requireSignedIn(actor);
      const network = await requireNetwork(db, id);
      const [members, bodies, manages] = await Promise.all([membersWithStatus(network, {}), listNetworkBodyRecords(db, id), canManage(id)]);
      const counts = countMembers(members);
      return {
        id,
        name: network.name,
        acronym: network.acronym,
        planId: network.planId,
        planName: network.planName,
        declaredMembers: network.declaredMembers,
        declaredStates: network.declaredStates,
        declaredSource: network.declaredSource,
        declaredOn: network.declaredOn,
        newDays: network.newDays,
        graceDays: network.graceDays,
        membersPublic: network.membersPublic,
        rankingPublic: network.rankingPublic,
        pointWeights: network.pointWeights,
        flags: network.flags,
        version: network.version,
        counts: { members: counts.members, byStatus: counts.byStatus, states: counts.states },
        membersByState: counts.membersByState,
        governance: bodies.filter((body) => body.role !== 'commission').map((body) => ({ bodyId: body.bodyId, name: body.name, role: body.role })),
        commissions: await commissionSummaries(bodies),
        abilities: { canManage: manages },
      };
    },

    async update(id: string, { version, ...changes }: z.output<typeof NetworkUpdateSchema>): Promise<NetworkView> {
      await requireManager(id);
      const values = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Parameters<typeof updateNetwork>[3];
      await db.transaction(async (tx) => {
        const before = await findNetworkRow(tx, id);
        if (!before) throw notFound();
        if (values.planId && !(await findPlan(tx, values.planId))) throw invalidField('planId', 'El plan no existe.');
        const after = { ...before, ...values };
        if ((after.declaredMembers !== null || after.declaredStates !== null) && !after.declaredSource) {
          throw invalidField('declaredSource', 'Diga de dónde sale el tamaño declarado (un documento, una presentación…).');
        }
        await writeVersionedUpdate(tx, actor, { entity: 'network', id, version, values, find: findNetworkRow, write: updateNetwork });
      });
      return service.get(id);
    },

    // ── Members ──

    async listMembers(id: string, filter: NetworkMemberFilter, page: { page: number; pageSize: number }) {
      requireSignedIn(actor);
      const network = await requireNetwork(db, id);
      const [members, manages] = await Promise.all([membersWithStatus(network, filter), canManage(id)]);
      const start = (page.page - 1) * page.pageSize;
      return {
        items: members.slice(start, start + page.pageSize).map(({ member, status }) => memberView(member, status, manages)),
        total: members.length,
        ...page,
      };
    },

    /** The member list as Excel or CSV, with the list's filters; contacts only in the download of who manages the network. */
    async exportMembers(id: string, filter: NetworkMemberFilter, format: 'xlsx' | 'csv') {
      requireSignedIn(actor);
      const network = await requireNetwork(db, id);
      const [members, manages] = await Promise.all([membersWithStatus(network, filter), canManage(id)]);
      const rows = members.slice(0, LIST_EXPORT_CAP + 1).map(({ member, status }) => toMemberExportRow(memberView(member, status, manages), manages));
      return renderListFile({ title: `Integrantes ${network.acronym ?? network.name}`, columns: memberExportColumns(manages), rows }, format);
    },

    async createMember(id: string, data: MemberCreateData): Promise<NetworkMemberView> {
      await requireManager(id);
      const memberId = await db.transaction(async (tx) => {
        await requireNetwork(tx, id);
        const organization = await resolveOrganization(tx, data);
        const { organizationId: _chosen, organization: _written, ...values } = data;
        return addMember(tx, id, organization.id, values);
      });
      return service.getMember(id, memberId);
    },

    async getMember(id: string, memberId: string): Promise<NetworkMemberView> {
      requireSignedIn(actor);
      const network = await requireNetwork(db, id);
      const member = await findMemberRow(db, memberId);
      if (!member || member.networkId !== id) throw notFound();
      return memberView(member, statusOf(network, member, todayInMexico()), await canManage(id));
    },

    async updateMember(id: string, memberId: string, { version, ...changes }: z.output<typeof NetworkMemberUpdateSchema>): Promise<NetworkMemberView> {
      await requireManager(id);
      const values = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<MemberValues>;
      await db.transaction(async (tx) => {
        const member = await requireMember(tx, id, memberId);
        const joinedOn = values.joinedOn !== undefined ? values.joinedOn : member.joinedOn;
        const leftOn = values.leftOn !== undefined ? values.leftOn : member.leftOn;
        if (joinedOn && leftOn && leftOn < joinedOn) throw invalidField('leftOn', 'La fecha de baja es anterior a la de ingreso.');
        await writeMemberUpdate(tx, memberId, version, values);
      });
      return service.getMember(id, memberId);
    },

    /**
     * Members from a spreadsheet or CSV: each row's organisation matched against the directory (name key or
     * acronym) or created; an organisation already a member is updated. Every problem comes back with its row
     * and column, and with any problem — or a dry run — nothing is written.
     */
    async importMembers(id: string, file: { name: string; bytes: Uint8Array }, { dryRun }: { dryRun: boolean }): Promise<NetworkMemberImportResult> {
      await requireManager(id);
      await requireNetwork(db, id);
      let rows: string[][];
      try {
        rows = await readTableFile(file.name, file.bytes);
      } catch (error) {
        throw new DomainError('import_invalid', [{ path: 'file', message: (error as Error).message }]);
      }
      const table = readMemberTable(rows);
      const issues = [...table.issues];
      const outcome = { created: 0, organizationsCreated: 0, matched: 0, updated: 0 };
      const plan: { row: (typeof table.members)[number]; sector: Sector; organizationId: string | null; member: MemberRecord | undefined }[] = [];
      for (const row of table.members) {
        const organization = await findOrganizationByIdentity(db, parseOrganizationName(row.name).key, row.acronym);
        const member = organization ? await findMemberOfOrganization(db, id, organization.id) : undefined;
        const sector = row.sector;
        if (organization) outcome.matched += 1;
        else outcome.organizationsCreated += 1;
        if (member) outcome.updated += 1;
        else outcome.created += 1;
        plan.push({ row, sector, organizationId: organization?.id ?? null, member });
      }
      issues.sort((a, b) => a.row - b.row);
      const written = !dryRun && issues.length === 0;
      if (written) {
        await db.transaction(async (tx) => {
          for (const { row, sector, organizationId, member } of plan) {
            const values = {
              stateCode: row.stateCode,
              sector,
              joinedOn: row.joinedOn,
              leftOn: row.leftOn,
              contactName: row.contactName,
              contactEmail: row.contactEmail,
              contactPhone: row.contactPhone,
            };
            if (member) {
              // A blank cell leaves what is recorded (a list without contacts does not erase them).
              const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
              await writeMemberUpdate(tx, member.id, member.version, given);
              continue;
            }
            const organization = organizationId
              ? { id: organizationId }
              : await resolveOrganization(tx, { organizationId: null, organization: { name: row.name, acronym: row.acronym, level: 'none' }, sector, stateCode: row.stateCode });
            await addMember(tx, id, organization.id, { ...values, source: `Importación: ${file.name}, fila ${row.row}` });
          }
        });
      }
      return { dryRun, written, rows: table.members.length, ...outcome, issues, warnings: table.warnings };
    },

    // ── Contributions ──

    /** Amounts and notes of dues are the coordination's: only who manages the network reads them. */
    async listContributions(id: string, memberId: string): Promise<MemberContributionView[]> {
      await requireManager(id);
      await requireMember(db, id, memberId);
      return (await listContributions(db, memberId)).map(contributionView);
    },

    /** The member's contribution for a year: recorded the first time, edited (with its version) after. */
    async putContribution(id: string, memberId: string, year: number, { version, ...values }: z.output<typeof MemberContributionInputSchema>): Promise<MemberContributionView> {
      await requireManager(id);
      const contributionId = await db.transaction(async (tx) => {
        await requireMember(tx, id, memberId);
        const existing = await findContribution(tx, memberId, year);
        if (!existing) {
          const { id: newId } = await insertContribution(tx, { memberId, year, ...values });
          await auditCreate(tx, actor, 'network_contribution', newId, { memberId, year, ...values });
          return newId;
        }
        if (version !== undefined && version !== existing.version) throw staleVersion();
        await writeVersionedUpdate(tx, actor, {
          entity: 'network_contribution',
          id: existing.id,
          version: version ?? existing.version,
          values: { ...values, archivedAt: null },
          find: findContributionById,
          write: updateContribution,
        });
        return existing.id;
      });
      return contributionView((await findContributionById(db, contributionId))!);
    },

    // ── Points ──

    /**
     * The ranking is internal until the network publishes it. Once published, readers get the place and the
     * points only: the per-source counts (a survey answered this year…) stay with who manages the network.
     */
    async points(id: string, year = Number(todayInMexico().slice(0, 4))): Promise<NetworkPointsView> {
      requireSignedIn(actor);
      const network = await requireNetwork(db, id);
      const manages = await canManage(id);
      if (!manages && !network.rankingPublic) await requireManager(id);
      const view = await pointsOf(network, year);
      if (manages) return view;
      return { ...view, rows: view.rows.map((row) => ({ ...row, assemblies: null, surveys: null, activities: null, commissions: null })) };
    },

    // ── Portal ──

    async listPublic(): Promise<PublicNetworkSummary[]> {
      const records = await listNetworkRecords(db);
      const all = await summaries(records);
      return all.map((summary) => {
        const record = records.find((r) => r.bodyId === summary.id)!;
        return { ...summary, declaredStates: record.declaredStates };
      });
    },

    /** What anyone may learn of a network: never a person, never a contact; the list and the ranking only if the network publishes them. */
    async getPublic(id: string): Promise<PublicNetworkView> {
      const network = await requireNetwork(db, id);
      const [members, bodies] = await Promise.all([membersWithStatus(network, {}), listNetworkBodyRecords(db, id)]);
      const counts = countMembers(members);
      const commissions = await commissionSummaries(bodies);
      const year = Number(todayInMexico().slice(0, 4));
      const ranking = network.rankingPublic ? await pointsOf(network, year) : null;
      return {
        id,
        name: network.name,
        acronym: network.acronym,
        declaredMembers: network.declaredMembers,
        declaredStates: network.declaredStates,
        declaredSource: network.declaredSource,
        declaredOn: network.declaredOn,
        members: counts.members,
        states: counts.states,
        membersByState: counts.membersByState,
        governance: bodies.filter((body) => body.role !== 'commission').map((body) => ({ name: body.name, role: body.role })),
        commissions: commissions.map((c) => ({
          name: c.name,
          commitmentCode: c.commitmentCode,
          commitmentTitle: c.commitmentTitle,
          hasFocalPoint: c.focalPoint !== null,
          hasAlternate: c.alternate !== null,
        })),
        memberList: network.membersPublic
          ? members.filter(({ status }) => isCurrentStatus(status)).map(({ member }) => ({ name: member.name, acronym: member.acronym, stateCode: member.stateCode, sector: member.sector }))
          : null,
        ranking: ranking && {
          year,
          rows: ranking.rows.map((row) => ({ name: row.name, acronym: row.acronym, stateCode: row.stateCode, points: row.points, rank: row.rank })),
        },
      };
    },

    /** `telar export network NAME --format json`: the network's shape in a few numbers. */
    async exportSummary(name: string) {
      requireSignedIn(actor);
      const id = await findNetworkIdByName(db, name);
      if (!id) throw new DomainError('not_found', undefined, `No hay una red llamada «${name}».`);
      const network = await requireNetwork(db, id);
      const [members, bodies] = await Promise.all([membersWithStatus(network, {}), listNetworkBodyRecords(db, id)]);
      const counts = countMembers(members);
      const commissions = await commissionSummaries(bodies);
      return {
        name: network.name,
        declaredMembers: network.declaredMembers,
        members: counts.members,
        states: counts.states,
        commissions: commissions.map((c) => ({
          name: c.name,
          commitment: c.commitmentCode ? `${c.commitmentCode} ${c.commitmentTitle}` : null,
          hasFocalPoint: c.focalPoint !== null,
          hasAlternate: c.alternate !== null,
        })),
      };
    },
  };

  async function summaries(records?: NetworkRecord[]): Promise<NetworkSummaryView[]> {
    const networks = records ?? (await listNetworkRecords(db));
    const members = await listMemberRows(db, null);
    const on = todayInMexico();
    return networks.map((network) => {
      const own = members.filter((member) => member.networkId === network.bodyId).map((member) => ({ member, status: statusOf(network, member, on) }));
      const counts = countMembers(own);
      return { id: network.bodyId, name: network.name, acronym: network.acronym, declaredMembers: network.declaredMembers, members: counts.members, states: counts.states };
    });
  }

  /** The year's points of the network's current members, weighted and ranked. */
  async function pointsOf(network: NetworkRecord, year: number): Promise<NetworkPointsView> {
    const [members, counts] = await Promise.all([membersWithStatus(network, {}), countMemberContributions(db, network.bodyId, year)]);
    const current = new Map(members.filter(({ status }) => isCurrentStatus(status)).map(({ member }) => [member.id, member]));
    const ranked = rankMembers(counts.filter((row) => current.has(row.memberId)), network.pointWeights);
    return {
      year,
      weights: network.pointWeights,
      published: network.rankingPublic,
      rows: ranked.map((row) => {
        const member = current.get(row.memberId)!;
        return {
          memberId: row.memberId,
          name: member.name,
          acronym: member.acronym,
          stateCode: member.stateCode,
          assemblies: row.assemblies,
          surveys: row.surveys,
          activities: row.activities,
          commissions: row.commissions,
          points: row.points,
          rank: row.rank,
        };
      }),
    };
  }

  return service;
}

export type { MemberFilter };
