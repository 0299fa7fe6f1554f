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

const sent = (orgUnits: string) => ({ orgUnits, visibleToReviewers: true });
const notSent = (orgUnits: string) => ({ orgUnits, visibleToReviewers: false });

describe('resolveRecipients', () => {
  it.each([
    { roles: ['legal-reviewer'], theCase: sent('|jjfzb|'), expected: ['u1'], why: 'active holders only' },
    { roles: ['department-head'], theCase: sent('|jjfzb|'), expected: ['u3', 'u6'], why: 'department heads of the case units only' },
    { roles: ['department-head'], theCase: sent('|dzb|jjfzb|'), expected: ['u3', 'u4', 'u6'], why: 'every owning unit' },
    { roles: ['town-head'], theCase: sent('|jjfzb|'), expected: ['u5'], why: 'town-wide roles whatever the unit' },
    { roles: ['town-head', 'legal-reviewer'], theCase: sent('|x|'), expected: ['u1', 'u5'], why: 'several roles' },
    { roles: [], theCase: sent('|jjfzb|'), expected: [], why: 'nobody to tell' },
    // issue 9 §6: the same rule as /cases
    { roles: ['legal-reviewer'], theCase: notSent('|jjfzb|'), expected: [], why: 'no legal reviewer for a case never sent to review' },
    { roles: ['legal-reviewer', 'town-head'], theCase: notSent('|jjfzb|'), expected: ['u5'], why: 'the town head sees every case' },
    { roles: ['auditor'], theCase: notSent('|dzb|'), expected: ['u6'], why: 'an auditor sees every case, whatever its unit' },
    { roles: ['department-head'], theCase: sent('|dzb|'), expected: ['u4'], why: 'an auditor who is also another unit’s head is not told as that head' },
    { roles: ['legal-reviewer'], theCase: null, expected: ['u1'], why: 'a notice about no case: every active holder' },
  ])('$why', ({ roles, theCase, expected }) => {
    expect(resolveRecipients(users, roles, theCase).map((u) => u.id)).toEqual(expected);
  });
});
