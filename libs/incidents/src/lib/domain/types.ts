// Plain data shapes of the incident core: the same names as the Prisma enums (prisma/schema.prisma),
// declared here so the pure functions under utils/ need neither Prisma nor Nest.

export const INCIDENT_CATEGORIES = ['NATURAL_DISASTER', 'ACCIDENT', 'PUBLIC_HEALTH', 'SOCIAL_SECURITY', 'MASS_PETITION', 'OTHER'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** I is the gravest (特别重大); UNKNOWN: not yet graded. */
export const INCIDENT_SEVERITIES = ['I', 'II', 'III', 'IV', 'UNKNOWN'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export type GradedSeverity = Exclude<IncidentSeverity, 'UNKNOWN'>;

export const RECIPIENT_ROLES = ['PRINCIPAL_LEADER', 'SECTOR_LEADER', 'ON_DUTY_LEADER', 'ON_DUTY_OFFICER', 'OFFICE_DIRECTOR'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export type DeliveryStatus = 'SENT' | 'SEEN' | 'ACKNOWLEDGED';
export type ReportKind = 'PHONE' | 'WRITTEN' | 'FOLLOW_UP' | 'FINAL';
export type ClockState = 'PENDING' | 'MET' | 'MISSED' | 'SUPERSEDED';
