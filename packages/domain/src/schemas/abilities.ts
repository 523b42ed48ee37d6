/**
 * What the signed-in person may do with a record, as the server's policy decides it. The API sends
 * these with each record it shows so the web app offers only what will be accepted, without a copy
 * of the rules. The server still checks every write.
 */
import { z } from 'zod';

/** An abilities object: each key a yes/no the policy answered for this person and this record. */
export const abilitiesOf = <const Key extends string>(id: string, description: string, keys: Record<Key, string>) =>
  z
    .strictObject(Object.fromEntries(Object.entries(keys).map(([key, meaning]) => [key, z.boolean().describe(meaning as string)])) as Record<Key, z.ZodBoolean>)
    .meta({ id, description });

const EDIT = 'Cambiar los datos del registro.';
const ARCHIVE = 'Archivarlo y restaurarlo.';
const PUBLISH = 'Publicarlo en el portal y retirarlo.';

export const OrganizationAbilitiesSchema = abilitiesOf('OrganizationAbilities', 'Lo que la persona puede hacer con una organización.', {
  edit: EDIT,
  archive: ARCHIVE,
});
export type OrganizationAbilities = z.infer<typeof OrganizationAbilitiesSchema>;

export const BodyAbilitiesSchema = abilitiesOf('BodyAbilities', 'Lo que la persona puede hacer con un órgano.', {
  edit: EDIT,
  archive: ARCHIVE,
  addRecords: 'Registrar sus sesiones, sus integrantes y los órganos que dependen de él.',
});
export type BodyAbilities = z.infer<typeof BodyAbilitiesSchema>;

export const MembershipAbilitiesSchema = abilitiesOf('MembershipAbilities', 'Lo que la persona puede hacer con una integración.', {
  addFocalPoint: 'Registrar enlaces de la organización en el órgano.',
});
export type MembershipAbilities = z.infer<typeof MembershipAbilitiesSchema>;

export const SessionAbilitiesSchema = abilitiesOf('SessionAbilities', 'Lo que la persona puede hacer con una sesión.', {
  edit: EDIT,
  archive: ARCHIVE,
  publish: PUBLISH,
  addRecords: 'Registrar sus participaciones y sus acuerdos.',
});
export type SessionAbilities = z.infer<typeof SessionAbilitiesSchema>;

export const ParticipationAbilitiesSchema = abilitiesOf('ParticipationAbilities', 'Lo que la persona puede hacer con una participación.', {
  edit: EDIT,
  reportFollowUp: 'Informar su seguimiento.',
});
export type ParticipationAbilities = z.infer<typeof ParticipationAbilitiesSchema>;

export const AgreementAbilitiesSchema = abilitiesOf('AgreementAbilities', 'Lo que la persona puede hacer con un acuerdo.', {
  edit: EDIT,
  archive: ARCHIVE,
  publish: PUBLISH,
  reportFollowUp: 'Informar su seguimiento.',
});
export type AgreementAbilities = z.infer<typeof AgreementAbilitiesSchema>;

export const PlanAbilitiesSchema = abilitiesOf('PlanAbilities', 'Lo que la persona puede hacer con un plan.', {
  edit: EDIT,
  archive: ARCHIVE,
  publish: PUBLISH,
  addRecords: 'Agregar líneas y abrir periodos de reporte.',
});
export type PlanAbilities = z.infer<typeof PlanAbilitiesSchema>;

export const RecordAbilitiesSchema = abilitiesOf('RecordAbilities', 'Lo que la persona puede hacer con un registro que se edita y se archiva.', {
  edit: EDIT,
  archive: ARCHIVE,
});
export type RecordAbilities = z.infer<typeof RecordAbilitiesSchema>;

export const ReportAbilitiesSchema = abilitiesOf('ReportAbilities', 'Lo que la persona puede hacer con un reporte periódico.', {
  file: 'Registrar actividades, valores y avances en el reporte y enviarlo.',
  review: 'Aceptarlo o devolverlo con observaciones.',
});
export type ReportAbilities = z.infer<typeof ReportAbilitiesSchema>;

export const ReportingPeriodAbilitiesSchema = abilitiesOf('ReportingPeriodAbilities', 'Lo que la persona puede hacer con un periodo de reporte.', {
  edit: 'Cambiar la fecha límite y cerrar el periodo, mientras está abierto.',
});
export type ReportingPeriodAbilities = z.infer<typeof ReportingPeriodAbilitiesSchema>;

/** What the person may start, wherever they are: the buttons that create records and the admin pages. */
export const MeAbilitiesSchema = z
  .strictObject({
    manageAccounts: z.boolean().describe('Administrar cuentas.'),
    createOrganization: z.boolean().describe('Registrar organizaciones.'),
    createTopLevelBody: z.boolean().describe('Registrar un órgano que no depende de otro.'),
    manageAnyBody: z.boolean().describe('Administrar al menos un órgano: sesiones, planes, actividades e importaciones.'),
    manageAllBodies: z.boolean().describe('Administrar todos los órganos (administración).'),
    /** The bodies a secretariat manages (its own and those under them), for the body pickers; empty when `manageAllBodies`. */
    managedBodyIds: z.array(z.uuid()).describe('Órganos que administra la secretaría técnica: el suyo y los que dependen de él.'),
  })
  .meta({ id: 'MeAbilities', description: 'Lo que la persona puede iniciar: registros nuevos y páginas de administración.' });
export type MeAbilities = z.infer<typeof MeAbilitiesSchema>;
