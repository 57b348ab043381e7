import { describeDate } from '@siban/district-time';
import type { Announcement, NotificationDraft } from '@siban/notifications';
import type { PeopleDirectory } from './services/duty-people.service';

// What the duty roster tells people, as announcements (README, "Writes that tell people"): queued
// in the writer's transaction, delivered once. A leader hears through the account linked to them.

export const DUTY_NOTIFICATION = {
  PUBLISHED: 'DUTY_ROSTER_PUBLISHED',
  CHANGED: 'DUTY_SHIFT_CHANGED',
  SWAP_REQUESTED: 'DUTY_SWAP_REQUESTED',
  SWAP_ANSWERED: 'DUTY_SWAP_ANSWERED',
  SWAP_DECIDED: 'DUTY_SWAP_DECIDED',
  GAP: 'DUTY_GAP',
} as const;

interface HeldShift {
  date: string;
  postName: string;
  personId: string | null;
}

const datesOf = (shifts: readonly HeldShift[]) => ({
  zh: shifts.map((s) => `${describeDate(s.date).zh}（${s.postName}）`).join('、'),
  en: shifts.map((s) => s.date).join(', '),
});

/** Publishing a month: everyone on it hears their own dates. */
export function publishedAnnouncement(key: string, month: string, shifts: readonly HeldShift[], people: PeopleDirectory): Announcement {
  const byAccount = new Map<string, HeldShift[]>();
  for (const shift of shifts) {
    const account = shift.personId ? people.get(shift.personId)?.accountId : null;
    if (account) byAccount.set(account, [...(byAccount.get(account) ?? []), shift]);
  }
  const [year, monthNumber] = month.split('-').map(Number);
  return {
    key,
    notifications: [...byAccount].map(([userId, mine]) => {
      const dates = datesOf(mine);
      return {
        userIds: [userId],
        draft: {
          kind: DUTY_NOTIFICATION.PUBLISHED,
          title: `${year}年${monthNumber}月值班表已发布 / Duty roster for ${month} published`,
          body: `您本月值班 ${mine.length} 次：${dates.zh}。/ You are on duty ${mine.length} time(s): ${dates.en}.`,
          subjectId: month,
        },
      };
    }),
    events: [],
  };
}

/** One message to the accounts of the given people (each once), e.g. both sides of a swap. */
export function peopleAnnouncement(
  key: string,
  personIds: readonly (string | null)[],
  people: PeopleDirectory,
  draft: NotificationDraft,
): Announcement {
  const accounts = [...new Set(personIds.flatMap((id) => (id ? [people.get(id)?.accountId ?? null] : [])))].filter(
    (id): id is string => id !== null,
  );
  return { key, notifications: accounts.length ? [{ userIds: accounts, draft }] : [], events: [] };
}

/** A change of a seat, told to who held it and who holds it now. */
export function shiftChangedDraft(date: string, postName: string, what: { zh: string; en: string }, subjectId: string): NotificationDraft {
  const day = describeDate(date);
  return {
    kind: DUTY_NOTIFICATION.CHANGED,
    title: `值班变动：${day.zh} ${postName} / Duty change: ${date}`,
    body: `${what.zh} / ${what.en}`,
    subjectId,
  };
}
