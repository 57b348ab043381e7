import { noticeScope } from './notice-scope';

describe('noticeScope', () => {
  it("limits a director to their own office's notices", () => {
    expect(noticeScope({ roles: ['DIRECTOR'], officeId: 'office-gov' })).toEqual({ senderOfficeId: 'office-gov' });
  });

  it("opens every office's notices to an admin, also one who is a director", () => {
    expect(noticeScope({ roles: ['ADMIN'], officeId: 'office-party' })).toEqual({});
    expect(noticeScope({ roles: ['DIRECTOR', 'ADMIN'], officeId: 'office-party' })).toEqual({});
  });
});
