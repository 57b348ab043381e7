import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { PrismaService } from '@siban/db';
import { AuthenticatedUser } from '@siban/identity';
import { ScheduleService } from '../schedule/schedule.service';
import { viewerOf } from '../schedule/utils/visibility';
import { checkWeek } from '../utils/check-week';
import { WeeklyPlanErrors } from '../weekly-plans.errors';
import { eventsByHalfDay, weeklyTableContent, weeklyTableFileName } from './weekly-table-content';
import { renderWeeklyTableXlsx } from './weekly-table-xlsx';

/** The printable weekly table (周工作安排表) of a published revision, as the viewer may see it. */
@Injectable()
export class ScheduleExportService {
  constructor(
    private readonly schedule: ScheduleService,
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async weeklyTable(user: AuthenticatedUser, week: string, number?: number): Promise<{ fileName: string; content: Buffer }> {
    checkWeek(week);
    const wanted = number ?? (await this.schedule.latestRevision(week))?.number;
    if (wanted === undefined) throw WeeklyPlanErrors.revisionNotFound(week, 0);
    const [view] = await this.schedule.revisionViews(week, viewerOf(user), [wanted]);
    const publishedAt = view.revision.publishedAt;
    const [inOfficeLeaders, submittedPlans] = await Promise.all([
      this.schedule.leaderInfos(false),
      // What the coordinator had when publishing: a plan submitted later was not in this revision.
      this.prisma.weeklyPlan.findMany({ where: { week, submittedAt: { lte: publishedAt } }, select: { leaderId: true } }),
    ]);
    // Every leader in office gets a row (未报 or free half-days say something), and a former
    // leader only where the week involves them.
    const inOffice = new Set(inOfficeLeaders.map((l) => l.id));
    const involved = new Set(view.events.flatMap((e) => e.leaderIds));
    const { changes } = view;
    const content = weeklyTableContent({
      districtName: this.config.districtName,
      paper: this.config.schedulePaper,
      week,
      revision: { number: view.revision.number, publishedAt },
      leaders: view.leaders.filter((l) => involved.has(l.id) || inOffice.has(l.id)),
      submitted: new Set(submittedPlans.map((p) => p.leaderId)),
      events: eventsByHalfDay(view.days),
      // A first revision is all new: nothing to mark.
      changes:
        view.revision.number > 1
          ? {
              added: new Set(changes.added.map((e) => e.id)),
              changed: new Set(changes.changed.map((c) => c.entryId)),
              removed: changes.removed.map((entry) => ({ entry, busy: changes.busyBefore.has(entry.id) })),
            }
          : undefined,
      acknowledgements: view.acknowledgements,
    });
    return {
      fileName: weeklyTableFileName(this.config.districtName, week, view.revision.number),
      content: await renderWeeklyTableXlsx(content),
    };
  }
}
