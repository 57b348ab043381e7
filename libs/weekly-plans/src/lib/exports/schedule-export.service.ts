import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { AuthenticatedUser } from '@siban/identity';
import { describeDate, describeInstant, localTimeOf, parseWeekId, weekDays } from '@siban/district-time';
import type { HalfDay } from '../domain/types';
import { ViewedEvent } from '../schedule/schedule-view';
import { ScheduleService } from '../schedule/schedule.service';
import { viewerOf } from '../schedule/utils/visibility';
import { checkWeek } from '../utils/check-week';
import { WeeklyPlanErrors } from '../weekly-plans.errors';
import { renderWeeklyTableXlsx, WeeklyTableInput } from './weekly-table-xlsx';

const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

function cellLine(event: ViewedEvent): string {
  const e = event.entry;
  if (e.busy) return '忙碌';
  const time = e.startAt && e.endAt ? `${localTimeOf(e.startAt)}-${localTimeOf(e.endAt)} ` : !e.slot ? '全天 ' : '';
  return `${time}${e.title}${e.place ? `（${e.place}）` : ''}`;
}

/** The printable weekly table (周工作安排表) of a published revision, as the viewer may see it. */
@Injectable()
export class ScheduleExportService {
  constructor(
    private readonly schedule: ScheduleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async weeklyTable(user: AuthenticatedUser, week: string, number?: number): Promise<{ fileName: string; content: Buffer }> {
    checkWeek(week);
    const wanted = number ?? (await this.schedule.latestRevision(week))?.number;
    if (wanted === undefined) throw WeeklyPlanErrors.revisionNotFound(week, 0);
    const [view] = await this.schedule.revisionViews(week, viewerOf(user), [wanted]);
    // Every leader in office gets a column (an empty column says "nothing planned"), and a former
    // leader only where the week involves them.
    const inOffice = new Set((await this.schedule.leaderInfos(false)).map((l) => l.id));
    const involved = new Set(view.events.flatMap((e) => e.leaderIds));
    const columns = view.leaders.filter((l) => involved.has(l.id) || inOffice.has(l.id));
    const cells: WeeklyTableInput['cells'] = [];
    for (const day of view.days) {
      const put = (slot: HalfDay, event: ViewedEvent) => {
        for (const leaderId of event.leaderIds) cells.push({ leaderId, date: day.date, slot, lines: [cellLine(event)] });
      };
      for (const { slot, events } of day.slots) for (const event of events) put(slot, event);
    }
    const days = weekDays(week);
    const { year, week: n } = parseWeekId(week);
    const published = describeInstant(view.revision.publishedAt).zh;
    const content = await renderWeeklyTableXlsx({
      title: `${this.config.districtName}领导周工作安排表`,
      subtitle: `${year}年第${n}周（${describeDate(days[0]).zh}—${describeDate(days[6]).zh}）  第${view.revision.number}版  ${published} 发布`,
      days: days.map((date, i) => ({ date, label: `${describeDate(date).zh} ${WEEKDAYS[i]}` })),
      leaders: columns.map((l) => ({ id: l.id, label: `${l.name}\n${l.title}` })),
      cells,
      footer: '注：标“忙碌”者为不公开安排。',
      generatedAt: view.revision.publishedAt,
    });
    return { fileName: `weekly-schedule-${week}-r${view.revision.number}.xlsx`, content };
  }
}
