import { findRoutingRule, routeIncident, RoutingDirectory, RoutingRule } from './route-incident';

const directory: RoutingDirectory = {
  principalLeaders: ['secretary-zhang', 'mayor-li'],
  sectorLeaders: ['deputy-wang'],
  onDutyLeaders: ['deputy-wang'],
  onDutyOfficers: ['officer-chen', 'officer-zhao'],
  dutyOfficeCode: 'GOV',
  officeDirectors: { GOV: ['director-sun'], EMERGENCY: ['director-zhou'], PETITION: [] },
};

const rule = (over: Partial<RoutingRule>): RoutingRule => ({ category: 'ACCIDENT', severity: 'IV', roles: [], officeCodes: [], ...over });

describe('routeIncident', () => {
  it('sends an ordinary (IV) incident to the people on duty only', () => {
    expect(routeIncident(rule({ roles: ['ON_DUTY_LEADER', 'ON_DUTY_OFFICER'] }), directory)).toEqual([
      { userId: 'deputy-wang', role: 'ON_DUTY_LEADER' },
      { userId: 'officer-chen', role: 'ON_DUTY_OFFICER' },
      { userId: 'officer-zhao', role: 'ON_DUTY_OFFICER' },
    ]);
  });

  it('sends a grave incident to every role and the named offices, each person once under their first role', () => {
    const recipients = routeIncident(
      rule({
        severity: 'I',
        roles: ['PRINCIPAL_LEADER', 'SECTOR_LEADER', 'ON_DUTY_LEADER', 'ON_DUTY_OFFICER', 'OFFICE_DIRECTOR'],
        officeCodes: ['EMERGENCY', 'GOV', 'PETITION', 'NOWHERE'],
      }),
      directory,
    );
    expect(recipients).toEqual([
      { userId: 'secretary-zhang', role: 'PRINCIPAL_LEADER' },
      { userId: 'mayor-li', role: 'PRINCIPAL_LEADER' },
      { userId: 'deputy-wang', role: 'SECTOR_LEADER' },
      { userId: 'officer-chen', role: 'ON_DUTY_OFFICER' },
      { userId: 'officer-zhao', role: 'ON_DUTY_OFFICER' },
      { userId: 'director-sun', role: 'OFFICE_DIRECTOR', officeCode: 'GOV' },
      { userId: 'director-zhou', role: 'OFFICE_DIRECTOR', officeCode: 'EMERGENCY' },
    ]);
  });

  it('routes to nobody in a role nobody holds (no one on duty yet), not to somebody else', () => {
    expect(routeIncident(rule({ roles: ['ON_DUTY_LEADER'] }), { ...directory, onDutyLeaders: [] })).toEqual([]);
  });
});

describe('findRoutingRule', () => {
  const rules = [
    rule({ category: 'ACCIDENT', severity: 'IV' }),
    rule({ category: 'ACCIDENT', severity: 'UNKNOWN', roles: ['PRINCIPAL_LEADER'] }),
  ];

  it('takes the rule of the category and severity', () => {
    expect(findRoutingRule(rules, 'ACCIDENT', 'IV')).toBe(rules[0]);
  });

  it("falls back to the category's rule for an ungraded incident, the widest", () => {
    expect(findRoutingRule(rules, 'ACCIDENT', 'II')).toBe(rules[1]);
    expect(findRoutingRule(rules, 'PUBLIC_HEALTH', 'II')).toBeUndefined();
  });
});
