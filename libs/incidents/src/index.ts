export * from './lib/domain/labels';
export * from './lib/domain/types';
export * from './lib/utils/escalation';
export * from './lib/utils/logging-decision';
export * from './lib/utils/on-duty-at';
export * from './lib/utils/report-clocks';
export * from './lib/utils/route-incident';
export * from './lib/incidents.module';
