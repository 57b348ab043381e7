import { canSeeRestricted, redactEntry, type Viewer, viewerKey } from './visibility';
import { at, entry, LEADERS, LEADERS_BY_ID } from '../../utils/test-fixtures';

// 王建国's plans are handled by the party office (区委办).
const restricted = entry({
  id: 'e1',
  leaderId: 'wang',
  title: '听取专项巡察情况汇报',
  place: '区委三号会议室',
  note: '不对外公开',
  confidentiality: 'RESTRICTED',
  attendeeLeaderIds: ['sun'],
  sessionOf: 'STANDING_COMMITTEE',
  kind: 'MEETING',
  slot: null,
  startAt: at('2026-11-24', '09:00'),
  endAt: at('2026-11-24', '10:30'),
});

const viewer = (v: Partial<Viewer>): Viewer => ({
  roles: ['SECRETARY'],
  officeCode: 'GOVERNMENT',
  leaderId: null,
  ...v,
});

describe('canSeeRestricted', () => {
  it('shows open entries to anyone', () => {
    expect(
      canSeeRestricted(viewer({ roles: [], officeCode: 'RECEPTION' }), { ...restricted, confidentiality: 'OPEN' }, LEADERS_BY_ID),
    ).toBe(true);
  });

  it('hides restricted entries from other offices', () => {
    expect(canSeeRestricted(viewer({}), restricted, LEADERS_BY_ID)).toBe(false);
    expect(canSeeRestricted(viewer({ roles: ['DIRECTOR', 'DUTY_OFFICER'], officeCode: 'CPPCC' }), restricted, LEADERS_BY_ID)).toBe(false);
  });

  it('shows restricted entries to coordinators and admins of any office', () => {
    expect(canSeeRestricted(viewer({ roles: ['COORDINATOR'] }), restricted, LEADERS_BY_ID)).toBe(true);
    expect(canSeeRestricted(viewer({ roles: ['ADMIN'], officeCode: 'CPPCC' }), restricted, LEADERS_BY_ID)).toBe(true);
  });

  it('shows restricted entries to the office handling the owner, not the leading office', () => {
    expect(canSeeRestricted(viewer({ officeCode: 'PARTY' }), restricted, LEADERS_BY_ID)).toBe(true);
    // 赵敏 sits on the standing committee but her plans are handled by the government office.
    const zhaos = { ...restricted, leaderId: 'zhao', leadOfficeCode: 'PARTY' };
    expect(canSeeRestricted(viewer({ officeCode: 'GOVERNMENT' }), zhaos, LEADERS_BY_ID)).toBe(true);
    expect(canSeeRestricted(viewer({ officeCode: 'PARTY' }), zhaos, LEADERS_BY_ID)).toBe(false);
  });

  it('shows restricted entries to the owning or attending leader only', () => {
    const leader = (leaderId: string) => viewer({ roles: ['LEADER'], officeCode: 'GOVERNMENT', leaderId });
    expect(canSeeRestricted(leader('wang'), restricted, LEADERS_BY_ID)).toBe(true);
    expect(canSeeRestricted(leader('sun'), restricted, LEADERS_BY_ID)).toBe(true);
    expect(canSeeRestricted(leader('li'), restricted, LEADERS_BY_ID)).toBe(false);
    // A leader id without the LEADER role grants nothing.
    expect(canSeeRestricted(viewer({ leaderId: 'wang' }), restricted, LEADERS_BY_ID)).toBe(false);
  });

  it('fails closed when the owner is unknown', () => {
    const orphan = { ...restricted, leaderId: 'retired' };
    expect(canSeeRestricted(viewer({ officeCode: 'PARTY' }), orphan, LEADERS_BY_ID)).toBe(false);
    expect(canSeeRestricted(viewer({ officeCode: '' }), orphan, LEADERS_BY_ID)).toBe(false);
  });
});

describe('redactEntry', () => {
  // Attendees stay: each attending leader is busy too, and their columns and feeds must say so.
  it('keeps when and who, and drops what and where', () => {
    expect(redactEntry(restricted)).toEqual({
      ...restricted,
      kind: 'OTHER',
      title: '忙碌 / Busy',
      place: '',
      note: '',
      leadOfficeCode: '',
      attendeeLeaderIds: ['sun'],
      sessionOf: null,
    });
  });

  it('keeps slot and whole-day timing and the confidentiality marker', () => {
    const leave = entry({
      id: 'e2',
      kind: 'LEAVE',
      slot: null,
      endDate: '2026-11-26',
      confidentiality: 'RESTRICTED',
      title: '病假',
    });
    const redacted = redactEntry(leave);
    expect([redacted.date, redacted.endDate, redacted.slot, redacted.confidentiality]).toEqual([
      '2026-11-24',
      '2026-11-26',
      null,
      'RESTRICTED',
    ]);
    expect(redacted.kind).toBe('OTHER');
  });

  it('does not share mutable state with the original', () => {
    const redacted = redactEntry(restricted);
    redacted.startAt?.setUTCFullYear(1999);
    expect(restricted.startAt?.getUTCFullYear()).toBe(2026);
    expect(restricted.title).toBe('听取专项巡察情况汇报');
    expect(restricted.attendeeLeaderIds).toEqual(['sun']);
  });
});

describe('viewerKey', () => {
  const offices = ['PARTY', 'GOVERNMENT', 'CONGRESS', 'CPPCC', 'RECEPTION'];
  const roleSets = [[], ['SECRETARY'], ['DIRECTOR'], ['LEADER'], ['COORDINATOR'], ['ADMIN'], ['LEADER', 'DIRECTOR'], ['RECEPTION_STAFF']];
  const leaderIds = [null, ...LEADERS.map((l) => l.id)];
  const viewers = offices.flatMap((officeCode) =>
    roleSets.flatMap((roles) => leaderIds.map((leaderId) => viewer({ roles, officeCode, leaderId }))),
  );
  const entries = LEADERS.flatMap((owner) =>
    [[], ...LEADERS.filter((l) => l.id !== owner.id).map((l) => [l.id])].map((attendeeLeaderIds) =>
      entry({ id: `${owner.id}:${attendeeLeaderIds.join()}`, leaderId: owner.id, attendeeLeaderIds, confidentiality: 'RESTRICTED' }),
    ),
  );

  it('gives one key to viewers who see every entry alike, whatever their other roles', () => {
    const seen = new Map<string, string>();
    for (const v of viewers) {
      const sight = entries.map((e) => (canSeeRestricted(v, e, LEADERS_BY_ID) ? '1' : '0')).join('');
      const key = viewerKey(v);
      expect({ key, sight }).toEqual({ key, sight: seen.get(key) ?? sight });
      seen.set(key, sight);
    }
    // Coordinators, each office, and each office's leaders apart.
    expect(seen.size).toBeGreaterThan(offices.length);
  });

  it('tells apart viewers who see differently', () => {
    expect(viewerKey(viewer({ roles: ['COORDINATOR'], officeCode: 'CPPCC' }))).toBe(viewerKey(viewer({ roles: ['ADMIN'] })));
    expect(viewerKey(viewer({ officeCode: 'PARTY' }))).not.toBe(viewerKey(viewer({ officeCode: 'GOVERNMENT' })));
    expect(viewerKey(viewer({ roles: ['LEADER'], leaderId: 'wang' }))).not.toBe(viewerKey(viewer({ roles: ['LEADER'], leaderId: 'li' })));
    expect(viewerKey(viewer({ leaderId: 'wang' }))).toBe(viewerKey(viewer({})));
  });
});
