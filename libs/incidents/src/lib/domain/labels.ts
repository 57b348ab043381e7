import type { Bilingual } from '@siban/district-time';
import type { IncidentCategory, IncidentSeverity, RecipientRole, ReportKind } from './types';

export const CATEGORY_LABELS: Readonly<Record<IncidentCategory, Bilingual>> = Object.freeze({
  NATURAL_DISASTER: { zh: '自然灾害', en: 'Natural disaster' },
  ACCIDENT: { zh: '事故灾难', en: 'Accident' },
  PUBLIC_HEALTH: { zh: '公共卫生', en: 'Public health' },
  SOCIAL_SECURITY: { zh: '社会安全', en: 'Social security' },
  MASS_PETITION: { zh: '群体性上访/集访', en: 'Mass petition' },
  OTHER: { zh: '其他', en: 'Other' },
});

export const SEVERITY_LABELS: Readonly<Record<IncidentSeverity, Bilingual>> = Object.freeze({
  I: { zh: '特别重大（I级）', en: 'Extremely serious (I)' },
  II: { zh: '重大（II级）', en: 'Serious (II)' },
  III: { zh: '较大（III级）', en: 'Major (III)' },
  IV: { zh: '一般（IV级）', en: 'Ordinary (IV)' },
  UNKNOWN: { zh: '尚未定级', en: 'Not yet graded' },
});

export const ROLE_LABELS: Readonly<Record<RecipientRole, Bilingual>> = Object.freeze({
  PRINCIPAL_LEADER: { zh: '主要领导', en: 'Principal leader' },
  SECTOR_LEADER: { zh: '分管领导', en: 'Leader in charge' },
  ON_DUTY_LEADER: { zh: '带班领导', en: 'On-duty leader' },
  ON_DUTY_OFFICER: { zh: '值班员', en: 'Duty officer' },
  OFFICE_DIRECTOR: { zh: '办公室主任', en: 'Office director' },
});

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, Bilingual>> = Object.freeze({
  PHONE: { zh: '电话报告', en: 'Phone report' },
  WRITTEN: { zh: '书面报告', en: 'Written report' },
  FOLLOW_UP: { zh: '续报', en: 'Follow-up report' },
  FINAL: { zh: '终报', en: 'Final report' },
});
