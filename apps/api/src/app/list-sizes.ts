import { ListSizes } from '@siban/graphql-core';

/**
 * The most items each list of objects in the schema is expected to hold, for the cost estimate
 * (README, Limits). Every such list is named here (a test walks the schema); lists that can grow
 * without bound are pages instead, whose size is the `first` the client asks for.
 */
export const LIST_SIZES: ListSizes = {
  // Pages: the connection field multiplies by `first` (at most 200).
  'NoticeConnection.nodes': 1,
  'NotificationConnection.nodes': 1,
  'UserConnection.nodes': 1,
  'IncidentConnection.nodes': 1,

  // A district's leaders and offices: a fixed, small set.
  'Query.leaders': 100,
  'Query.offices': 5,
  'Query.myLeaders': 10,
  'Query.myCalendarFeeds': 20,
  'PlanSubmissions.leaders': 100,
  'Leader.secretaries': 3,
  'User.assignedLeaders': 10,

  // A week: its revisions, entries, events and conflicts.
  'Query.scheduleRevisions': 5,
  'WeeklyPlan.entries': 30,
  'PlanEntry.attendees': 5,
  'MergedSchedule.days': 7,
  'MergedSchedule.events': 200,
  'MergedSchedule.conflicts': 20,
  'ScheduleRevision.days': 7,
  'ScheduleRevision.events': 200,
  'ScheduleRevision.acknowledgements': 20,
  'ScheduleDay.allDay': 10,
  'ScheduleDay.slots': 3,
  'ScheduleSlot.events': 10,
  'ScheduleEvent.leaders': 5,
  // The leaders a conflict involves: two booked at once, or every principal leader away.
  'ScheduleConflict.leaders': 5,
  'ScheduleChanges.added': 50,
  'ScheduleChanges.changed': 50,
  'ScheduleChanges.removed': 50,

  // The duty roster: a year holds at most 366 days, so about 800 seats of the default two posts;
  // a person's shifts in two months, a post's pool, a shift's history, a month's gaps.
  'Query.holidayCalendars': 10,
  'HolidayCalendar.holidays': 10,
  'HolidayCalendar.adjustedWorkdays': 10,
  'Query.dutyDayKinds': 366,
  'Query.dutyPosts': 5,
  'DutyPost.pool': 50,
  'Query.dutyRosterPeriods': 24,
  'DutyRoster.days': 366,
  'DutyRoster.posts': 5,
  'DutyRoster.shifts': 800,
  'DutyRoster.periods': 13,
  'Query.onDuty': 5,
  'Query.myDutyShifts': 30,
  'Query.dutyShifts': 800,
  'Query.dutyTallies': 100,
  'Query.dutyGaps': 20,
  'Query.dutyShiftHistory': 20,
  'Query.dutySwapRequests': 50,
  'DutyGeneration.periods': 13,
  'DutyGeneration.gaps': 20,
  'DutyGeneration.tallies': 100,
  'DutySwapResult.shifts': 2,
  'DutySwapResult.changes': 2,
  'DutyUnavailability.emptiedShifts': 30,
  // The duty handover log: a shift's items, and those still open across shifts.
  'Query.openDutyHandoverItems': 50,
  'DutyHandover.items': 20,
  'DutyHandover.closedItems': 20,
  // An incident's history: logging, updates, notes, corrections (deliveries and clocks to come).
  'IncidentDetail.timeline': 200,
};
