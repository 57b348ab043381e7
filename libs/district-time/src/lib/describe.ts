import type { HalfDay, LocalDate, Timed } from './types';
import { addDays, localDateOf, localTimeOf } from './week';

/** Human-readable text for the bilingual messages (Chinese first, English after). */
export interface Bilingual {
  zh: string;
  en: string;
}

export const HALF_DAY_LABELS: Readonly<Record<HalfDay, Readonly<Bilingual>>> = Object.freeze({
  MORNING: Object.freeze({ zh: '上午', en: 'morning' }),
  AFTERNOON: Object.freeze({ zh: '下午', en: 'afternoon' }),
  EVENING: Object.freeze({ zh: '晚上', en: 'evening' }),
});

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Messages are read against one week's table, so the year would only be noise.
export function describeDate(date: LocalDate): Bilingual {
  const [, month, day] = date.split('-').map(Number);
  return { zh: `${month}月${day}日`, en: `${day} ${MONTHS_EN[month - 1]}` };
}

/**
 * Local date and time of an instant. As the end of a range, midnight reads as 24:00 of the day
 * before, so a window that ends with a day says that day rather than the next one.
 */
export function describeInstant(instant: Date, asEnd = false): Bilingual {
  let date = localDateOf(instant);
  let time = localTimeOf(instant);
  if (asEnd && time === '00:00') {
    date = addDays(date, -1);
    time = '24:00';
  }
  const day = describeDate(date);
  return { zh: `${day.zh} ${time}`, en: `${day.en} ${time}` };
}

/** When something happens, as entered (slot, exact times or whole days), in Shanghai time. */
export function describeTiming(item: Timed): Bilingual {
  if (item.startAt) {
    const start = describeInstant(item.startAt);
    if (!item.endAt) return { zh: `${start.zh} 起`, en: `${start.en} onwards` };
    const end = describeInstant(item.endAt, true);
    const startDay = describeDate(localDateOf(item.startAt));
    if (end.zh.startsWith(`${startDay.zh} `)) {
      const endTime = end.zh.slice(startDay.zh.length + 1);
      return { zh: `${start.zh}–${endTime}`, en: `${start.en}–${endTime}` };
    }
    return { zh: `${start.zh} 至 ${end.zh}`, en: `${start.en} to ${end.en}` };
  }
  const first = describeDate(item.date);
  const last = item.endDate && item.endDate > item.date ? describeDate(item.endDate) : null;
  if (item.slot) {
    const slot = HALF_DAY_LABELS[item.slot];
    return last
      ? { zh: `${first.zh} ${slot.zh} 至 ${last.zh} ${slot.zh}`, en: `${first.en} ${slot.en} to ${last.en} ${slot.en}` }
      : { zh: `${first.zh} ${slot.zh}`, en: `${first.en} ${slot.en}` };
  }
  return last
    ? { zh: `${first.zh}至${last.zh} 全天`, en: `${first.en} to ${last.en}, all day` }
    : { zh: `${first.zh} 全天`, en: `${first.en}, all day` };
}
