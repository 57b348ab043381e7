// Roster data for the duty operations' e2e suites, written straight to the roster's tables: the
// generation and publishing API is another part of the roster. Template and posts are upserted on
// their codes, calendars on their year, people on their user or leader, so seeding elsewhere and
// these fixtures never clash.
import fs from 'node:fs';
import path from 'node:path';
import { Prisma, PrismaService } from '@siban/db';
import { DEFAULT_SHIFT_TEMPLATE } from '@siban/duty-roster';

const DATA = path.resolve(__dirname, '../../../../libs/duty-roster/data');

export const CHECK_IN = 'mutation ($shiftId: ID) { checkInDuty(shiftId: $shiftId) { shiftId personId checkedInAt late shiftStartsAt } }';

export interface DutyFixture {
  templateId: string;
  posts: { leader: string; officer: string };
  /** DutyPerson ids by the user's username or the leader's name. */
  person: Record<string, string>;
}

export async function loadHolidayCalendars(prisma: PrismaService, years = [2025, 2026]): Promise<void> {
  for (const year of years) {
    const content = JSON.parse(fs.readFileSync(path.join(DATA, `holidays-${year}.json`), 'utf8')) as Prisma.InputJsonObject;
    await prisma.holidayCalendar.upsert({
      where: { year },
      create: { year, source: String(content.source), content, loadedAt: new Date() },
      update: {},
    });
  }
}

/** The default template, a 带班领导 and a 值班员 post, the shipped calendars, and people for these users and leaders. */
export async function dutyFixture(
  prisma: PrismaService,
  people: { users: Record<string, string>; leaders: Record<string, string> },
): Promise<DutyFixture> {
  await loadHolidayCalendars(prisma);
  const template = await prisma.dutyShiftTemplate.upsert({
    where: { code: DEFAULT_SHIFT_TEMPLATE.code },
    create: { ...DEFAULT_SHIFT_TEMPLATE },
    update: {},
  });
  const post = (code: string, name: string, kind: 'LEADER' | 'STAFF', position: number) =>
    prisma.dutyPost.upsert({ where: { code }, create: { code, name, kind, templateId: template.id, position }, update: {} });
  const leader = await post('LEADER', '带班领导', 'LEADER', 0);
  const officer = await post('OFFICER', '值班员', 'STAFF', 1);
  const person: Record<string, string> = {};
  for (const [username, userId] of Object.entries(people.users)) {
    person[username] = (await prisma.dutyPerson.upsert({ where: { userId }, create: { kind: 'STAFF', userId }, update: {} })).id;
  }
  for (const [name, leaderId] of Object.entries(people.leaders)) {
    person[name] = (await prisma.dutyPerson.upsert({ where: { leaderId }, create: { kind: 'LEADER', leaderId }, update: {} })).id;
  }
  return { templateId: template.id, posts: { leader: leader.id, officer: officer.id }, person };
}

/**
 * A month of the roster: `holders(date)` names who holds the leader and officer posts that day
 * (null leaves the seat empty). Published (by `publishedById`) unless `draft`. Returns seat ids
 * by `${date}:leader` and `${date}:officer`.
 */
export async function rosterMonth(
  prisma: PrismaService,
  fixture: DutyFixture,
  month: string,
  holders: (date: string) => { leader: string | null; officer: string | null },
  options: { publishedById?: string; draft?: boolean; days?: number } = {},
): Promise<Record<string, string>> {
  const published = !options.draft && options.publishedById;
  await prisma.dutyRosterPeriod.upsert({
    where: { month },
    create: {
      month,
      ...(published ? { status: 'PUBLISHED', publishedAt: new Date(`${month}-01T00:00:00Z`), publishedById: options.publishedById } : {}),
    },
    update: {},
  });
  const [y, m] = month.split('-').map(Number);
  const days = options.days ?? new Date(Date.UTC(y, m, 0)).getUTCDate();
  const seats: Record<string, string> = {};
  for (let d = 1; d <= days; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    const who = holders(date);
    for (const [key, kind] of [
      ['leader', 'LEADER'],
      ['officer', 'STAFF'],
    ] as const) {
      const holder = who[key];
      const row = await prisma.dutyAssignment.create({
        data: {
          month,
          date,
          templateId: fixture.templateId,
          postId: fixture.posts[key],
          kind,
          personId: holder ? fixture.person[holder] : null,
        },
      });
      seats[`${date}:${key}`] = row.id;
    }
  }
  return seats;
}
