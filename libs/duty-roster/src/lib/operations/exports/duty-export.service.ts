import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@siban/config';
import { Role } from '@siban/db';
import { describeInstant } from '@siban/district-time';
import { forbidden } from '@siban/graphql-core';
import { AuthenticatedUser } from '@siban/identity';
import { allowanceCells, allowanceRows, HeldShift } from '../utils/allowance-table';
import { toCsv } from '../utils/csv';
import { layOutRosterTable, RosterTableSeat } from '../utils/roster-table-layout';
import { DutyMonth, DutyMonthService } from './duty-month.service';
import { renderAllowanceXlsx, renderRosterXlsx } from './duty-xlsx';

/** Who may download the allowance sheet: it is the basis of payments. */
const ALLOWANCE_ROLES: Role[] = [Role.DUTY_COORDINATOR, Role.ADMIN, Role.DIRECTOR];

export interface DutyFile {
  fileName: string;
  content: Buffer;
}

/** 2026年10月 */
function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The printed tables of a published month: the allowance sheet (xlsx and CSV) and the roster (xlsx). */
@Injectable()
export class DutyExportService {
  constructor(
    private readonly months: DutyMonthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async allowance(user: AuthenticatedUser, month: string, format: 'xlsx' | 'csv'): Promise<DutyFile> {
    if (!user.roles.some((r) => ALLOWANCE_ROLES.includes(r))) {
      throw forbidden('值班补贴表仅限值班协调员、主任和管理员 / The allowance sheet is for duty coordinators, directors and admins');
    }
    const data = await this.months.load(month);
    const shifts: HeldShift[] = data.seats.flatMap((s) =>
      s.person
        ? [{ personId: s.person.id, date: s.date, templateId: s.templateId, postName: s.post.name, postPosition: s.post.position }]
        : [],
    );
    const kinds = new Map(
      data.days.flatMap(({ date, dayClass }) => (dayClass.kind === 'NO_CALENDAR' ? [] : [[date, dayClass.kind] as const])),
    );
    const cells = allowanceCells(allowanceRows(shifts, kinds, data.people));
    const title = `${this.config.districtName}总值班补贴统计表`;
    const fileName = `${title}（${monthLabel(month)}）.${format}`;
    if (format === 'csv') return { fileName, content: Buffer.from(toCsv(cells), 'utf8') };
    return {
      fileName,
      content: await renderAllowanceXlsx({
        title,
        subtitle: this.subtitleOf(data),
        note: '按班次开始日期计：周末指周六、周日（调休上班日除外），节假日以国务院办公厅节假日安排为准，调休上班日计为工作日。',
        cells,
        generatedAt: data.publishedAt,
      }),
    };
  }

  async roster(month: string): Promise<DutyFile> {
    const data = await this.months.load(month);
    const seats: RosterTableSeat[] = data.seats.map((s) => {
      const person = s.person ? data.people.get(s.person.id) : undefined;
      return { date: s.date, postId: s.post.id, seat: s.seat, name: person?.name ?? null, phone: person?.phone ?? null };
    });
    const severalTemplates = data.templates.length > 1;
    const title = `${this.config.districtName}总值班表`;
    const layout = layOutRosterTable({
      title,
      subtitle: this.subtitleOf(data),
      note: `班次以开始日期计：${data.templates.map((t) => `${t.name} ${t.startTime} 起 ${formatHours(t.durationMinutes)}`).join('；')}。调休上班日按工作日排班。`,
      posts: data.posts.map((p) => ({ id: p.id, heading: severalTemplates ? `${p.templateName}·${p.name}` : p.name })),
      days: data.days,
      seats,
    });
    return { fileName: `${title}（${monthLabel(month)}）.xlsx`, content: await renderRosterXlsx(layout, data.publishedAt) };
  }

  /** 2026年10月, 节假日：国庆节 10月1日—10月7日, 发布于 … (ideographic spaces between the parts). */
  private subtitleOf(data: DutyMonth): string {
    return [monthLabel(data.month), this.holidaysOf(data), `发布于 ${describeInstant(data.publishedAt).zh}`].filter(Boolean).join('\u3000');
  }

  /** 节假日：国庆节 10月1日—10月7日 */
  private holidaysOf(data: DutyMonth): string {
    const ranges: { name: string; from: string; to: string }[] = [];
    for (const { date, dayClass } of data.days) {
      if (dayClass.kind !== 'HOLIDAY') continue;
      const last = ranges.at(-1);
      if (last && last.name === dayClass.holiday) last.to = date;
      else ranges.push({ name: dayClass.holiday, from: date, to: date });
    }
    const day = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
    return ranges.length
      ? `节假日：${ranges.map((r) => `${r.name} ${day(r.from)}${r.to !== r.from ? `—${day(r.to)}` : ''}`).join('，')}`
      : '';
  }
}

function formatHours(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} 小时` : `${minutes} 分钟`;
}
