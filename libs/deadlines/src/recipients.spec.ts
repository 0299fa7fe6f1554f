import { UserEntity } from '@app/persistence';
import { resolveRecipients } from './recipients';

const user = (id: string, roles: string[], orgUnit: string, active = true) =>
  Object.assign(new UserEntity(), { id, username: id, roles: JSON.stringify(roles), orgUnit, active });

const users = [
  user('u1', ['legal-reviewer'], 'sfs'),
  user('u2', ['legal-reviewer'], 'sfs', false),
  user('u3', ['department-head'], 'jjfzb'),
  user('u4', ['department-head'], 'dzb'),
  user('u5', ['town-head'], 'dzb'),
  user('u6', ['auditor', 'department-head'], 'jjfzb'),
  Object.assign(new UserEntity(), { id: 'u7', roles: 'not json', orgUnit: 'sfs', active: true }),
];

describe('resolveRecipients', () => {
  it.each([
    { roles: ['legal-reviewer'], orgUnits: '|jjfzb|', expected: ['u1'], why: 'active holders only' },
    { roles: ['department-head'], orgUnits: '|jjfzb|', expected: ['u3', 'u6'], why: 'department heads of the case units only' },
    { roles: ['department-head'], orgUnits: '|dzb|jjfzb|', expected: ['u3', 'u4', 'u6'], why: 'every owning unit' },
    { roles: ['town-head'], orgUnits: '|jjfzb|', expected: ['u5'], why: 'town-wide roles whatever the unit' },
    { roles: ['town-head', 'legal-reviewer'], orgUnits: '|x|', expected: ['u1', 'u5'], why: 'several roles' },
    { roles: [], orgUnits: '|jjfzb|', expected: [], why: 'nobody to tell' },
  ])('$why', ({ roles, orgUnits, expected }) => {
    expect(resolveRecipients(users, roles, orgUnits).map((u) => u.id)).toEqual(expected);
  });
});
