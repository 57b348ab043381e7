import { badInput, conflict, forbidden, notFound } from '@siban/graphql-core';

/** Errors of the duty operations: check-in, handover, contact numbers, exports. */
export const DutyOperationsErrors = {
  shiftNotFound: (id: string, field = 'shiftId') => notFound('值班班次 / duty shift', id, field),
  itemNotFound: (id: string) => notFound('交接事项 / handover item', id, 'itemId'),
  personNotFound: (id: string) => notFound('值班人员 / duty person', id, 'personId'),
  notPublished: (month: string, field = 'month') =>
    conflict(`值班表尚未发布：${month} / The duty roster of ${month} is not published`, field, 'NOT_PUBLISHED'),
  notYourShift: () => forbidden('这不是您的值班班次 / This is not your duty shift'),
  noShiftNow: () => conflict('您当前没有可签到的值班班次 / You have no duty shift open for check-in now', 'shiftId', 'NO_SHIFT_NOW'),
  checkInNotOpen: (opensAt: string) =>
    conflict(`签到时间未到，${opensAt} 起可签到 / Check-in opens at ${opensAt}`, 'shiftId', 'CHECK_IN_NOT_OPEN'),
  shiftOver: () => conflict('该班次已结束 / This shift is over', 'shiftId', 'SHIFT_OVER'),
  alreadyCheckedIn: () => conflict('已签到 / Already checked in', 'shiftId', 'ALREADY_CHECKED_IN'),
  handoverNotStarted: () =>
    conflict('班次尚未开始，不能记录交接班 / The shift has not started: no handover to record yet', 'shiftId', 'SHIFT_NOT_STARTED'),
  handoverClosed: (until: string) =>
    conflict(`交接班记录已于 ${until} 截止 / The handover log closed at ${until}`, 'shiftId', 'HANDOVER_CLOSED'),
  handoverEmpty: () =>
    badInput('summary', '请填写值班情况、来电或待办事项 / Write the events, the calls or an open item', 'HANDOVER_EMPTY'),
  itemAlreadyClosed: () => conflict('该事项已办结 / This item is already closed', 'itemId', 'ALREADY_CLOSED'),
  notOnDuty: () =>
    forbidden('只有当前值班人员或值班协调员可以办结事项 / Only whoever is on duty now, or a duty coordinator, can close an item'),
  badPhone: () =>
    badInput('phone', '电话号码应为 4–32 位数字，可含 +、空格和 - / A phone number has 4 to 32 digits, with an optional +, spaces and -'),
  badMonth: (value: string) =>
    badInput('month', `月份应为 2000–2100 年间的 YYYY-MM / must be a month YYYY-MM between 2000 and 2100: ${value.slice(0, 20)}`),
  badFile: (value: string) =>
    badInput('file', `文件名应为 YYYY-MM.xlsx 或 YYYY-MM.csv / File must be YYYY-MM.xlsx or YYYY-MM.csv: ${value.slice(0, 30)}`),
  noCalendar: (years: number[]) =>
    conflict(`尚未导入节假日安排：${years.join('、')} 年 / No holiday calendar loaded for ${years.join(', ')}`, 'month', 'NO_CALENDAR'),
  feedTarget: () =>
    badInput('input', '值班日历订阅只能指定 leaderId（或不指定，即本人） / A duty feed follows you, or one leader (leaderId); no office'),
  feedLeaderForbidden: () =>
    forbidden('只能订阅本人或所服务领导的值班日历 / You can subscribe to your own duty shifts, or those of a leader you serve'),
};
