import type {
  CommissionUpdateSchema,
  CommissionView,
  FocalTermCreateSchema,
  FocalTermUpdateSchema,
  FocalTermView,
  NetworkBodyCreateSchema,
  NetworkBodyView,
} from '@telar/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { canManageBody, requireBodyManager, requireSignedIn } from '../../platform/auth/policy.js';
import { findBodyScope } from '../../platform/auth/scope.repository.js';
import type { Database } from '../../platform/db/client.js';
import { DomainError, invalidField, notFound } from '../../platform/errors.js';
import { auditCreate, writeVersionedUpdate } from '../../platform/records/versioned-write.js';
import { createBodyService, findBody } from '../bodies/index.js';
import { findOrganizationView, findPersonView, insertPerson, listMembershipsOfBody } from '../directory/index.js';
import { todayInMexico } from './networks.service.js';
import {
  findFocalTerm,
  findNetworkBodyRecord,
  findNetworkBodyRow,
  findNetworkRecord,
  findPlanNodePlanId,
  insertFocalTerm,
  insertNetworkBody,
  listCommitments,
  listFocalTerms,
  listNetworkBodyRecords,
  listTermsOfRole,
  updateFocalTerm,
  updateNetworkBody,
} from './networks.repository.js';

/** The day before an ISO day: a new term closes the previous one then. */
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The bodies under a network — its board, its coordination and its thematic commissions, one per
 * commitment of its plan — with each commission's mechanisms and the dated terms of its focal point and
 * alternate. Each is a body of its own (`bodies.parent_id` is the network): its members are memberships
 * and its sessions and agreements the sessions module's. The network's secretariat (or the body's own)
 * manages them; contacts reach only who manages.
 */
export function createCommissionService(db: Database, actor: Actor) {
  const requireNetwork = async (tx: Database, id: string) => {
    const network = await findNetworkRecord(tx, id);
    if (!network) throw notFound();
    return network;
  };
  const requireNetworkBody = async (tx: Database, bodyId: string) => {
    const body = await findNetworkBodyRecord(tx, bodyId);
    if (!body) throw notFound();
    return body;
  };
  const bodyView = (body: { bodyId: string; name: string; role: NetworkBodyView['role']; planNodeId: string | null }): NetworkBodyView => ({
    bodyId: body.bodyId,
    name: body.name,
    role: body.role,
    planNodeId: body.planNodeId,
  });

  /** Makes the child body through the bodies module (its rules and audit), then its `network_bodies` row. */
  const addBody = async (tx: Database, network: { bodyId: string; level: string; stateCode: string | null }, data: z.output<typeof NetworkBodyCreateSchema>) => {
    const body = await createBodyService(tx, actor).create({
      kind: data.role === 'commission' ? 'commission' : 'working_group',
      name: data.name,
      acronym: data.acronym,
      parentId: network.bodyId,
      level: network.level as 'national',
      stateCode: network.stateCode,
    });
    await insertNetworkBody(tx, { bodyId: body.id, networkId: network.bodyId, role: data.role, planNodeId: data.planNodeId });
    await auditCreate(tx, actor, 'network_body', body.id, { networkId: network.bodyId, role: data.role, planNodeId: data.planNodeId });
    return bodyView({ bodyId: body.id, name: body.name, role: data.role, planNodeId: data.planNodeId });
  };

  const termView = (term: Awaited<ReturnType<typeof listFocalTerms>>[number], withContacts: boolean): FocalTermView => ({
    id: term.id,
    role: term.role,
    person: {
      id: term.person.id,
      name: term.person.name,
      position: term.person.position,
      organizationName: term.person.organizationName,
      ...(withContacts ? { email: term.person.email, phone: term.person.phone } : {}),
    },
    startOn: term.startOn,
    endOn: term.endOn,
    version: term.version,
  });

  const service = {
    async createBody(networkId: string, data: z.output<typeof NetworkBodyCreateSchema>): Promise<NetworkBodyView> {
      requireBodyManager(actor, await findBodyScope(db, networkId));
      return db.transaction(async (tx) => {
        const network = await requireNetwork(tx, networkId);
        const body = await findBodyLevel(tx, networkId);
        if (data.planNodeId) {
          const planId = await findPlanNodePlanId(tx, data.planNodeId);
          if (!planId || planId !== network.planId) throw invalidField('planNodeId', 'El compromiso no es del plan de la red.');
          if ((await listNetworkBodyRecords(tx, networkId)).some((b) => b.planNodeId === data.planNodeId)) {
            throw new DomainError('duplicate', [{ path: 'planNodeId', message: 'Ese compromiso ya tiene su comisión.' }]);
          }
        }
        return addBody(tx, { bodyId: networkId, ...body }, data);
      });
    },

    /** One commission per commitment (a top-level node of the network's plan) that lacks one, named after it. */
    async commissionsFromPlan(networkId: string): Promise<{ created: NetworkBodyView[] }> {
      requireBodyManager(actor, await findBodyScope(db, networkId));
      return db.transaction(async (tx) => {
        const network = await requireNetwork(tx, networkId);
        if (!network.planId) throw invalidField('planId', 'La red no tiene plan: elija su plan de compromisos primero.');
        const body = await findBodyLevel(tx, networkId);
        const taken = new Set((await listNetworkBodyRecords(tx, networkId)).map((b) => b.planNodeId).filter(Boolean));
        const created: NetworkBodyView[] = [];
        for (const commitment of await listCommitments(tx, network.planId)) {
          if (taken.has(commitment.id)) continue;
          const name = `Comisión ${commitment.code}. ${commitment.title}`.slice(0, 300);
          created.push(await addBody(tx, { bodyId: networkId, ...body }, { role: 'commission', name, acronym: null, planNodeId: commitment.id }));
        }
        return { created };
      });
    },

    async getCommission(bodyId: string): Promise<CommissionView> {
      requireSignedIn(actor);
      const body = await requireNetworkBody(db, bodyId);
      const [network, terms, memberships, scope] = await Promise.all([
        requireNetwork(db, body.networkId),
        listFocalTerms(db, [bodyId]),
        listMembershipsOfBody(db, bodyId),
        findBodyScope(db, bodyId),
      ]);
      // The commission's members are its body's memberships (the directory's): the organisations sitting in it today.
      const today = todayInMexico();
      const members = [
        ...new Map(
          memberships
            .filter((membership) => !membership.endDate || membership.endDate >= today)
            .map(({ organization }) => [organization.id, { organizationId: organization.id, name: organization.name, acronym: organization.acronym }]),
        ).values(),
      ];
      const manages = canManageBody(actor, scope);
      return {
        bodyId,
        name: body.name,
        role: body.role,
        network: { id: network.bodyId, name: network.name },
        commitment: body.planNodeId ? { id: body.planNodeId, code: body.commitmentCode!, title: body.commitmentTitle! } : null,
        communication: body.communication ?? null,
        work: body.work ?? null,
        focalPoints: terms.map((term) => termView(term, manages)),
        members,
        version: body.version,
        abilities: { canManage: manages },
      };
    },

    async updateCommission(bodyId: string, { version, ...changes }: z.output<typeof CommissionUpdateSchema>): Promise<CommissionView> {
      requireBodyManager(actor, await findBodyScope(db, bodyId));
      const values = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      await db.transaction(async (tx) => {
        await requireNetworkBody(tx, bodyId);
        await writeVersionedUpdate(tx, actor, {
          entity: 'network_body',
          id: bodyId,
          version,
          values,
          find: findNetworkBodyRow,
          write: (d, id, v, vals) => updateNetworkBody(d, id, v, vals),
        });
      });
      return service.getCommission(bodyId);
    },

    /**
     * A new term of a role: the person chosen from the directory or written (a new `people` row); the
     * current term of the role closes the day before. Terms of a role never overlap.
     */
    async addFocalTerm(bodyId: string, data: z.output<typeof FocalTermCreateSchema>): Promise<CommissionView> {
      requireBodyManager(actor, await findBodyScope(db, bodyId));
      await db.transaction(async (tx) => {
        const body = await requireNetworkBody(tx, bodyId);
        if (body.role !== 'commission') throw invalidField('role', 'Solo las comisiones tienen punto focal y suplente.');
        let personId = data.personId;
        if (personId) {
          if (!(await findPersonView(tx, personId))) throw invalidField('personId', 'La persona no existe en el directorio.');
        } else {
          const person = data.person!;
          if (person.organizationId && !(await findOrganizationView(tx, person.organizationId))) throw invalidField('person.organizationId', 'La organización no existe.');
          personId = (await insertPerson(tx, person)).id;
          // The audit names the person but keeps contacts out of the trail.
          await auditCreate(tx, actor, 'person', personId, { name: person.name, position: person.position, organizationId: person.organizationId });
        }
        const terms = await listTermsOfRole(tx, bodyId, data.role);
        for (const term of terms) {
          if (term.startOn >= data.startOn) throw invalidField('startOn', `Ya hay un periodo de este cargo que empieza el ${term.startOn}; el nuevo debe empezar después.`);
          if (term.endOn && term.endOn >= data.startOn) throw invalidField('startOn', `El periodo anterior termina el ${term.endOn}; el nuevo debe empezar después.`);
        }
        const open = terms.find((term) => !term.endOn);
        if (open) {
          await writeVersionedUpdate(tx, actor, { entity: 'focal_term', id: open.id, version: open.version, values: { endOn: dayBefore(data.startOn) }, find: findFocalTerm, write: updateFocalTerm });
        }
        const { id } = await insertFocalTerm(tx, { bodyId, personId, role: data.role, startOn: data.startOn });
        await auditCreate(tx, actor, 'focal_term', id, { bodyId, personId, role: data.role, startOn: data.startOn });
      });
      return service.getCommission(bodyId);
    },

    /** Ends (or reopens) a term; it may not reach into the next term of the same role. */
    async updateFocalTerm(id: string, { version, endOn }: z.output<typeof FocalTermUpdateSchema>): Promise<CommissionView> {
      requireSignedIn(actor);
      const term = await findFocalTerm(db, id);
      if (!term || term.archivedAt) throw notFound();
      requireBodyManager(actor, await findBodyScope(db, term.bodyId));
      await db.transaction(async (tx) => {
        if (endOn && endOn < term.startOn) throw invalidField('endOn', 'La fecha de término es anterior a la de inicio.');
        const next = (await listTermsOfRole(tx, term.bodyId, term.role as 'focal_point')).find((other) => other.startOn > term.startOn);
        if (next && (!endOn || endOn >= next.startOn)) throw invalidField('endOn', `El periodo siguiente empieza el ${next.startOn}; este debe terminar antes.`);
        await writeVersionedUpdate(tx, actor, { entity: 'focal_term', id, version, values: { endOn }, find: findFocalTerm, write: updateFocalTerm });
      });
      return service.getCommission(term.bodyId);
    },
  };
  return service;
}

/** The network body's level and state, which its bodies inherit. */
async function findBodyLevel(db: Database, networkId: string) {
  const body = await findBody(db, networkId);
  if (!body) throw notFound();
  return { level: body.level, stateCode: body.stateCode };
}
