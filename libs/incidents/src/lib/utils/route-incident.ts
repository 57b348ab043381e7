import type { IncidentCategory, IncidentSeverity, RecipientRole } from '../domain/types';

/** A routing rule as held in IncidentRoutingRule. */
export interface RoutingRule {
  category: IncidentCategory;
  severity: IncidentSeverity;
  roles: readonly RecipientRole[];
  /** Offices whose directors receive it as well. */
  officeCodes: readonly string[];
}

/**
 * The people behind each role at the time the district learned of the incident, as the caller
 * found them: the roster's onDuty, the organization's leaders and the offices' directors. Only
 * active accounts belong here.
 */
export interface RoutingDirectory {
  principalLeaders: readonly string[];
  /** The account of the rule's 分管领导, if it names one with an account. */
  sectorLeaders: readonly string[];
  onDutyLeaders: readonly string[];
  onDutyOfficers: readonly string[];
  /** The office that keeps the duty (its directors are OFFICE_DIRECTOR without an office of its own). */
  dutyOfficeCode: string;
  officeDirectors: Readonly<Record<string, readonly string[]>>;
}

export interface Recipient {
  userId: string;
  role: RecipientRole;
  officeCode?: string;
}

/**
 * The rule for an incident: its category and severity, else its category's rule for an
 * ungraded incident (the widest), so that nothing logged goes to nobody for want of a row.
 */
export function findRoutingRule<R extends RoutingRule>(
  rules: readonly R[],
  category: IncidentCategory,
  severity: IncidentSeverity,
): R | undefined {
  return (
    rules.find((r) => r.category === category && r.severity === severity) ??
    rules.find((r) => r.category === category && r.severity === 'UNKNOWN')
  );
}

/** The accounts one role names (an escalation step uses the same lookup). */
export function peopleInRole(role: RecipientRole, directory: RoutingDirectory): Recipient[] {
  switch (role) {
    case 'PRINCIPAL_LEADER':
      return directory.principalLeaders.map((userId) => ({ userId, role }));
    case 'SECTOR_LEADER':
      return directory.sectorLeaders.map((userId) => ({ userId, role }));
    case 'ON_DUTY_LEADER':
      return directory.onDutyLeaders.map((userId) => ({ userId, role }));
    case 'ON_DUTY_OFFICER':
      return directory.onDutyOfficers.map((userId) => ({ userId, role }));
    case 'OFFICE_DIRECTOR':
      return (directory.officeDirectors[directory.dutyOfficeCode] ?? []).map((userId) => ({
        userId,
        role,
        officeCode: directory.dutyOfficeCode,
      }));
  }
}

/**
 * Everyone a rule sends an incident to, once each: one person in several roles gets one
 * delivery, under the first role in the rule's order (then the named offices' directors).
 */
export function routeIncident(rule: RoutingRule, directory: RoutingDirectory): Recipient[] {
  const candidates = [
    ...rule.roles.flatMap((role) => peopleInRole(role, directory)),
    ...rule.officeCodes.flatMap((officeCode) =>
      (directory.officeDirectors[officeCode] ?? []).map((userId): Recipient => ({ userId, role: 'OFFICE_DIRECTOR', officeCode })),
    ),
  ];
  const seen = new Set<string>();
  return candidates.filter((r) => !seen.has(r.userId) && seen.add(r.userId));
}
