import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/parse-csv.js';
import { writeCsv } from '../csv/write-csv.js';
import { MEMBER_TABLE_HEADERS, type MemberRow, memberTableRow, readMemberTable, writeMemberTableHeader } from './member-table.js';

const HEADER = ['Nombre', 'Siglas', 'Entidad federativa', 'Sector', 'Fecha de ingreso', 'Fecha de baja', 'Contacto', 'Correo', 'Teléfono'];

describe('readMemberTable', () => {
  it('reads a directory with every column', () => {
    const result = readMemberTable([
      [],
      HEADER,
      ['Red por los Derechos de la Infancia en México, A.C.', 'REDIM', 'Ciudad de México', 'OSC', '15/03/2021', '', 'Ana Pérez', 'Ana@Redim.org.mx', '55 1234 5678'],
      ['', '', '', '', '', '', '', '', ''],
      ['Universidad de Guadalajara (UDG)', '', '14', 'Universidad', '2022-01-10', '31 de diciembre de 2024', '', '', ''],
      ['Secretaría de Salud', '', 'MX-OAX', 'Gobierno', '', '', '', '', ''],
      ['Fundación Nacional', '', '', 'Otro', '', '', '', '', ''],
    ]);
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.members).toEqual([
      {
        row: 3,
        name: 'Red por los Derechos de la Infancia en México, A.C.',
        acronym: 'REDIM',
        stateCode: 'MX-CMX',
        sector: 'civil_society',
        joinedOn: '2021-03-15',
        leftOn: null,
        contactName: 'Ana Pérez',
        contactEmail: 'ana@redim.org.mx',
        contactPhone: '55 1234 5678',
      },
      { row: 5, name: 'Universidad de Guadalajara', acronym: 'UDG', stateCode: 'MX-JAL', sector: 'academia', joinedOn: '2022-01-10', leftOn: '2024-12-31', contactName: null, contactEmail: null, contactPhone: null },
      { row: 6, name: 'Secretaría de Salud', acronym: null, stateCode: 'MX-OAX', sector: 'government', joinedOn: null, leftOn: null, contactName: null, contactEmail: null, contactPhone: null },
      { row: 7, name: 'Fundación Nacional', acronym: null, stateCode: null, sector: 'other', joinedOn: null, leftOn: null, contactName: null, contactEmail: null, contactPhone: null },
    ]);
  });

  it('takes headers in other wordings and orders; only name and sector are needed', () => {
    const result = readMemberTable([
      ['Correo electrónico', 'Estado', 'NOMBRE DE LA ORGANIZACIÓN', 'Acrónimo', 'Tipo de organización'],
      ['x@y.mx', 'Yucatán', 'Colectivo Uno', 'CU', 'Sector privado'],
    ]);
    expect(result.issues).toEqual([]);
    expect(result.members[0]).toMatchObject({ name: 'Colectivo Uno', acronym: 'CU', stateCode: 'MX-YUC', sector: 'private_sector', contactEmail: 'x@y.mx' });
    expect(readMemberTable([['Organización', 'Sector'], ['Solo Nombre', 'Academia']]).members.map((m) => m.name)).toEqual(['Solo Nombre']);
  });

  it('reads the state by name, by code or both, and refuses a name and a code that disagree', () => {
    const result = readMemberTable([
      ['Nombre', 'Sector', 'Entidad federativa', 'Clave de entidad (ISO 3166-2)'],
      ['A', 'OSC', '', 'MX-SON'],
      ['B', 'OSC', 'Sonora', 'MX-SON'],
      ['C', 'OSC', 'Sonora', 'MX-SIN'],
    ]);
    expect(result.members.map((m) => [m.name, m.stateCode])).toEqual([
      ['A', 'MX-SON'],
      ['B', 'MX-SON'],
    ]);
    expect(result.issues).toEqual([{ row: 4, column: 'Clave de entidad (ISO 3166-2)', message: 'La clave «MX-SIN» no es la de «Sonora».' }]);
  });

  it('takes a close header with a warning, reads past the status, and ignores an unknown column with a warning', () => {
    const result = readMemberTable([['Organizacion', 'Sector', 'Telefono', 'Estatus', 'Observaciones'], ['A', 'OSC', '1', 'Activo', 'x']]);
    expect(result.issues).toEqual([]);
    expect(result.members[0]).toMatchObject({ name: 'A', contactPhone: '1' });
    expect(result.warnings.map((w) => [w.row, w.column])).toEqual([[1, 'Observaciones']]);
    const close = readMemberTable([['Nombree', 'Sector'], ['A', 'OSC']]);
    expect(close.warnings).toEqual([{ row: 1, column: 'Nombree', message: 'La columna «Nombree» se tomó como «Nombre».' }]);
    expect(close.members).toHaveLength(1);
  });

  it('says the file is empty, or lacks the name or the sector column, once', () => {
    expect(readMemberTable([]).issues).toEqual([{ row: 1, column: null, message: 'El archivo está vacío: la primera fila debe tener los encabezados.' }]);
    expect(readMemberTable([['Siglas', 'Sector'], ['A', 'OSC'], ['B', 'OSC']])).toEqual({
      members: [],
      issues: [{ row: 1, column: null, message: 'Falta la columna «Nombre» con el nombre de cada organización.' }],
      warnings: [],
    });
    expect(readMemberTable([['Nombre'], ['A'], ['B']]).issues).toEqual([
      { row: 1, column: null, message: 'Falta la columna «Sector»: escriba el de cada organización (Gobierno, Organización de la sociedad civil, Academia, Sector privado, Organismo internacional, Otro).' },
    ]);
  });

  it('refuses a column given twice', () => {
    expect(readMemberTable([['Nombre', 'Sector', 'Organización'], ['A', 'OSC', 'A']]).issues).toEqual([{ row: 1, column: 'Organización', message: 'La columna «Nombre» aparece más de una vez.' }]);
  });

  it('reports every unreadable cell with its row and the column as written, guessing nothing', () => {
    const result = readMemberTable([
      ['Organización', 'Entidad', 'Sector', 'Ingreso', 'Fecha de baja', 'E-mail'],
      ['A', 'Jaliscos', 'Sociedad', '31/02/2023', '2020-01-01', 'no-es-correo'],
      ['', 'Oaxaca', 'OSC', '', '', ''],
      ['B', '', 'Gobierno', '2024-05-01', '2024-04-30', ''],
      ['C', '', 'Otro', 'pronto', '', ''],
      ['D', '', '', '', '', ''],
      ['E', 'Jalisco', 'Academia', '', '', ''],
    ]);
    expect(result.issues).toEqual([
      { row: 2, column: 'Entidad', message: 'No se reconoce la entidad «Jaliscos»; escriba su nombre, su clave INEGI (01 a 32) o su clave ISO (MX-JAL).' },
      { row: 2, column: 'Sector', message: expect.stringMatching(/^No se reconoce el sector «Sociedad»; escriba uno de: Gobierno, Organización de la sociedad civil, /) },
      { row: 2, column: 'Ingreso', message: 'La fecha «31/02/2023» no existe en el calendario.' },
      { row: 2, column: 'E-mail', message: '«no-es-correo» no es un correo electrónico válido.' },
      { row: 3, column: 'Organización', message: 'Falta el nombre de la organización.' },
      { row: 4, column: 'Fecha de baja', message: 'La fecha de baja es anterior a la de ingreso.' },
      { row: 5, column: 'Ingreso', message: 'No se reconoce la fecha «pronto»; escríbala como DD/MM/AAAA o AAAA-MM-DD.' },
      { row: 6, column: 'Sector', message: expect.stringMatching(/^Falta el sector; escriba uno de: Gobierno, /) },
    ]);
    // Only the clean rows are members.
    expect(result.members.map((m) => m.row)).toEqual([7]);
  });

  it('refuses an organisation listed twice, however its name is written', () => {
    const result = readMemberTable([['Organización', 'Sector'], ['Red por la Infancia, A.C.', 'OSC'], ['Otra', 'OSC'], ['RED POR LA INFANCIA', 'OSC'], ['Red por la Infancia (RPI)', 'OSC']]);
    expect(result.issues).toEqual([
      { row: 4, column: 'Organización', message: 'La organización «RED POR LA INFANCIA» ya aparece en la fila 2.' },
      { row: 5, column: 'Organización', message: 'La organización «Red por la Infancia» ya aparece en la fila 2.' },
    ]);
    expect(result.members.map((m) => m.row)).toEqual([2, 3]);
  });

  it('bounds the length of names and texts', () => {
    const result = readMemberTable([['Organización', 'Sector', 'Siglas', 'Teléfono'], ['x'.repeat(301), 'OSC', 'S'.repeat(41), '1'.repeat(51)]]);
    expect(result.issues.map((i) => [i.column, i.message])).toEqual([
      ['Organización', 'El nombre pasa de 300 caracteres.'],
      ['Siglas', 'Siglas: máximo 40 caracteres.'],
      ['Teléfono', 'Teléfono: máximo 50 caracteres.'],
    ]);
  });
});

describe('member table export', () => {
  const members: Omit<MemberRow, 'row'>[] = [
    { name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM', stateCode: 'MX-CMX', sector: 'civil_society', joinedOn: '2021-03-15', leftOn: null, contactName: 'Ana Pérez', contactEmail: 'ana@redim.org.mx', contactPhone: '+52 55 1234 5678' },
    { name: 'Gobierno del Estado de México', acronym: null, stateCode: 'MX-MEX', sector: 'government', joinedOn: null, leftOn: '2025-01-31', contactName: null, contactEmail: null, contactPhone: null },
    { name: 'Coahuila Crece, "Juntos"', acronym: 'CC', stateCode: 'MX-COA', sector: 'other', joinedOn: '2020-02-29', leftOn: null, contactName: '=Nombre', contactEmail: null, contactPhone: null },
    { name: 'Sin Datos', acronym: null, stateCode: null, sector: 'international', joinedOn: null, leftOn: null, contactName: null, contactEmail: null, contactPhone: null },
  ];
  const FULL_HEADER = ['Nombre', 'Siglas', 'Entidad federativa', 'Clave de entidad (ISO 3166-2)', 'Sector', 'Fecha de ingreso', 'Fecha de baja', 'Estatus', 'Contacto', 'Correo del contacto', 'Teléfono del contacto'];

  it('writes the header the import reads, contacts only when asked', () => {
    expect(writeMemberTableHeader()).toEqual(FULL_HEADER);
    expect(MEMBER_TABLE_HEADERS).toEqual(FULL_HEADER);
    expect(writeMemberTableHeader(false)).toEqual(FULL_HEADER.slice(0, 8));
    expect(memberTableRow({ ...members[0]!, statusLabel: 'Activo' })).toEqual([
      'Red por los Derechos de la Infancia en México',
      'REDIM',
      'Ciudad de México',
      'MX-CMX',
      'Organización de la sociedad civil',
      '2021-03-15',
      '',
      'Activo',
      'Ana Pérez',
      'ana@redim.org.mx',
      '+52 55 1234 5678',
    ]);
    expect(memberTableRow(members[0]!, false)).toHaveLength(8);
  });

  it('round-trips through rows and through CSV', () => {
    const rows = [writeMemberTableHeader(), ...members.map((member) => memberTableRow({ ...member, statusLabel: 'Activo' }))];
    const direct = readMemberTable(rows);
    expect(direct.issues).toEqual([]);
    expect(direct.warnings).toEqual([]);
    expect(direct.members.map(({ row: _row, ...member }) => member)).toEqual(members);

    const csv = writeCsv(rows.slice(1), FULL_HEADER.map((header, i) => ({ header, value: (row: string[]) => row[i] })));
    const fromCsv = readMemberTable(parseCsv(csv.replace(/^\uFEFF/, '')));
    expect(fromCsv.issues).toEqual([]);
    expect(fromCsv.members.map(({ row: _row, ...member }) => member)).toEqual(members);
    expect(fromCsv.members.map((m) => m.row)).toEqual([2, 3, 4, 5]);
  });

  it('round-trips the public file, without contacts', () => {
    const rows = [writeMemberTableHeader(false), ...members.map((member) => memberTableRow(member, false))];
    const read = readMemberTable(rows);
    expect(read.issues).toEqual([]);
    expect(read.members.map(({ row: _row, ...member }) => member)).toEqual(members.map((m) => ({ ...m, contactName: null, contactEmail: null, contactPhone: null })));
  });
});
