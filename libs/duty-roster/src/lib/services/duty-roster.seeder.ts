import { Injectable, Logger } from '@nestjs/common';
import { DutyPersonKind, LeaderBody, PrismaService, Role } from '@siban/db';
import { IdentityService, OfficeService } from '@siban/identity';
import { LeaderService } from '@siban/organization';
import { DEFAULT_SHIFT_TEMPLATE } from '../utils/shift-time';
import { DutyPeopleService } from './duty-people.service';
import { HolidayCalendarService } from './holiday-calendar.service';

/** The default posts: the leader on duty and the duty officer, on the default 24-hour shift. */
export const DEFAULT_POSTS = [
  { code: 'LEADER', name: '带班领导', kind: DutyPersonKind.LEADER, position: 0 },
  { code: 'OFFICER', name: '值班员', kind: DutyPersonKind.STAFF, position: 1 },
] as const;

/** The bodies whose leaders take turns as 带班领导 in the demo (the court and procuratorate do not). */
const DEMO_LEADER_BODIES: LeaderBody[] = ['STANDING_COMMITTEE', 'CONGRESS', 'GOVERNMENT', 'CPPCC'];

/**
 * What the roster needs on every start: the shipped holiday calendars for years not loaded yet,
 * the default shift template and posts (each only when missing, so edits are kept, and two
 * instances starting at once write them once). On a new demo database, demo pools too.
 */
@Injectable()
export class DutyRosterSeeder {
  private readonly logger = new Logger(DutyRosterSeeder.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly holidays: HolidayCalendarService,
    private readonly people: DutyPeopleService,
    private readonly leaders: LeaderService,
    private readonly identity: IdentityService,
    private readonly offices: OfficeService,
  ) {}

  async seed(options: { demo: boolean }): Promise<void> {
    const years = await this.holidays.seedShipped();
    if (years.length) this.logger.log({ years }, 'holiday calendars loaded from the shipped files');
    const { code, name, startTime, durationMinutes } = DEFAULT_SHIFT_TEMPLATE;
    await this.prisma.dutyShiftTemplate.createMany({ data: [{ code, name, startTime, durationMinutes }], skipDuplicates: true });
    const template = await this.prisma.dutyShiftTemplate.findUniqueOrThrow({ where: { code } });
    await this.prisma.dutyPost.createMany({ data: DEFAULT_POSTS.map((p) => ({ ...p, templateId: template.id })), skipDuplicates: true });
    if (options.demo) await this.seedDemoPools();
  }

  /** Leaders of the four bodies for 带班领导, the duty officers of the four offices for 值班员, when both pools are empty. */
  private async seedDemoPools(): Promise<void> {
    const posts = await this.prisma.dutyPost.findMany({
      where: { code: { in: DEFAULT_POSTS.map((p) => p.code) } },
      include: { members: true },
    });
    if (posts.some((p) => p.members.length > 0)) return;
    const leaders = (await this.leaders.list({})).filter((l) => DEMO_LEADER_BODIES.includes(l.body)).map((l) => l.id);
    const order = new Map((await this.offices.list()).map((o) => [o.id, o.rotationOrder]));
    const officers = (await this.identity.listUsers({ first: 200, role: Role.DUTY_OFFICER })).nodes
      .sort((a, b) => (order.get(a.officeId) ?? 0) - (order.get(b.officeId) ?? 0))
      .map((u) => u.id);
    for (const post of posts) {
      const ids = post.kind === DutyPersonKind.LEADER ? leaders : officers;
      const personIds = await this.people.ensure(post.kind, ids, 'personIds');
      await this.prisma.dutyPoolMember.createMany({
        data: personIds.map((personId, position) => ({ postId: post.id, personId, kind: post.kind, position })),
        skipDuplicates: true,
      });
    }
    this.logger.log({ leaders: leaders.length, officers: officers.length }, 'demo duty pools created');
  }
}
