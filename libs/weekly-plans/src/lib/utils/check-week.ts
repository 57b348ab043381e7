import { isWeekId } from '@siban/district-time';
import { WeeklyPlanErrors } from '../weekly-plans.errors';

/** The week argument of an operation, or a BAD_WEEK input error naming its field. */
export function checkWeek(week: string, field = 'week'): string {
  if (!isWeekId(week)) throw WeeklyPlanErrors.badWeek(week, field);
  return week;
}
