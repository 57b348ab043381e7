import { Role } from '@siban/db';
import { mayReadUsername } from './may-read-username';

describe('who may read a username', () => {
  const secretary = { officeId: 'party', roles: [Role.SECRETARY] };

  it('shows it within the same office, and to admins of any office', () => {
    expect(mayReadUsername(secretary, { officeId: 'party' })).toBe(true);
    expect(mayReadUsername({ officeId: 'reception', roles: [Role.ADMIN] }, { officeId: 'party' })).toBe(true);
  });

  it('hides it from other offices, whatever their other roles, and from nobody signed in', () => {
    expect(
      mayReadUsername({ officeId: 'reception', roles: [Role.RECEPTION_STAFF, Role.DIRECTOR, Role.COORDINATOR] }, { officeId: 'party' }),
    ).toBe(false);
    expect(mayReadUsername(undefined, { officeId: 'party' })).toBe(false);
  });
});
