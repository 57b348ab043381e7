import type { ScheduleDayView, ViewedEvent } from '../schedule/schedule-view';
import { circledNumber, eventsByHalfDay, weeklyTableFileName } from './weekly-table-content';
import { layOutWeeklyTable, type WeeklyTableInput } from './weekly-table-layout';

describe('weekly table content', () => {
  it('numbers conflicts ①, ⑳, ㉑, ㊿ and then in brackets', () => {
    expect([1, 20, 21, 35, 36, 50, 51].map(circledNumber)).toEqual(['①', '⑳', '㉑', '㉟', '㊱', '㊿', '[51]']);
  });

  it('names the file in Chinese after the district, week and revision', () => {
    expect(weeklyTableFileName('清河区', '2026-W49', 2)).toBe('清河区领导周工作安排表（2026年第49周·第2版）.xlsx');
  });

  it('puts a whole-day event in all three half-days, each half-day once', () => {
    const trip = { id: 'trip' } as ViewedEvent;
    const meeting = { id: 'meeting' } as ViewedEvent;
    const days: ScheduleDayView[] = [
      {
        date: '2026-12-03',
        allDay: [trip],
        slots: [
          { slot: 'MORNING', events: [meeting, trip] },
          { slot: 'AFTERNOON', events: [] },
          { slot: 'EVENING', events: [] },
        ],
      },
      { date: '2026-12-04', allDay: [trip], slots: [] },
    ];
    const byId = new Map(eventsByHalfDay(days).map((e) => [e.event.id, e.halfDays]));
    expect(byId.get('trip')).toEqual([
      { date: '2026-12-03', slot: 'MORNING' },
      { date: '2026-12-03', slot: 'AFTERNOON' },
      { date: '2026-12-03', slot: 'EVENING' },
      { date: '2026-12-04', slot: 'MORNING' },
      { date: '2026-12-04', slot: 'AFTERNOON' },
      { date: '2026-12-04', slot: 'EVENING' },
    ]);
    expect(byId.get('meeting')).toEqual([{ date: '2026-12-03', slot: 'MORNING' }]);
  });
});

describe('layOutWeeklyTable', () => {
  const base: WeeklyTableInput = {
    title: '表',
    subtitle: '副',
    paper: 'A4',
    days: ['2026-12-03', '2026-12-04'].map((date) => ({ date, label: date })),
    groups: [{ label: '区委', leaders: [{ id: 'L1', name: '王建国', title: '区委书记' }] }],
    items: [],
    notes: [],
  };
  const whole = (leaderId: string, text: string, dates: string[]) => ({
    leaderId,
    text,
    halfDays: dates.flatMap((date) => (['MORNING', 'AFTERNOON', 'EVENING'] as const).map((slot) => ({ date, slot }))),
  });

  it('draws a whole-day run as one block, and not when something else shares its half-days', () => {
    const alone = layOutWeeklyTable({ ...base, items: [whole('L1', '出差', ['2026-12-03', '2026-12-04'])] });
    expect(alone.merges).toContainEqual({ top: 4, left: 4, bottom: 6, right: 5 });
    expect(alone.cells.filter((c) => c.text === '出差')).toHaveLength(1);

    const clash = layOutWeeklyTable({
      ...base,
      items: [
        whole('L1', '出差', ['2026-12-03', '2026-12-04']),
        { leaderId: 'L1', text: '会议', halfDays: [{ date: '2026-12-04', slot: 'MORNING' }] },
      ],
    });
    expect(clash.merges.filter((m) => m.left >= 4)).toEqual([]);
    // The clash shows: both lines in the shared half-day, the trip in every other one.
    expect(clash.cells.find((c) => c.row === 4 && c.col === 5)?.text).toBe('出差\n会议');
    expect(clash.cells.filter((c) => c.text === '出差')).toHaveLength(5);
  });

  it('refuses items that would fall off the table', () => {
    expect(() => layOutWeeklyTable({ ...base, items: [{ leaderId: 'L9', text: 'x', halfDays: [] }] })).toThrow(/unknown leader/);
    expect(() => layOutWeeklyTable({ ...base, items: [whole('L1', 'x', ['2026-12-05'])] })).toThrow(/outside the table/);
    expect(() => layOutWeeklyTable({ ...base, groups: [...base.groups, ...base.groups] })).toThrow(/Duplicate/);
  });
});
