import { Injectable, PipeTransform } from '@nestjs/common';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { badInput } from './domain-error';

/**
 * Years the service accepts in input: dates, weeks and instants. Anything outside is a typing
 * mistake or a probe, and years like 0000 or +275760 break date arithmetic and the database.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const WEEK = /^(\d{4})-W(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoWeeksIn(year: number): number {
  // A year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year.
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = daysInMonth(year, 2) === 29;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

const inRange = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

/** An ISO week id such as 2026-W48 that exists, in a year the service accepts. */
export function isIsoWeek(value: unknown): value is string {
  const m = typeof value === 'string' ? WEEK.exec(value) : null;
  if (!m) return false;
  const [year, week] = [Number(m[1]), Number(m[2])];
  return inRange(year) && week >= 1 && week <= isoWeeksIn(year);
}

/** A calendar date YYYY-MM-DD that exists, in a year the service accepts. */
export function isDistrictDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return inRange(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export const WEEK_RULE = `周次应为 ${FIRST_YEAR}–${LAST_YEAR} 年间的 ISO 周，如 2026-W48 / must be an ISO week between ${FIRST_YEAR} and ${LAST_YEAR}, e.g. 2026-W48`;
export const DATE_RULE = `日期应为 ${FIRST_YEAR}–${LAST_YEAR} 年间的 YYYY-MM-DD / must be a date YYYY-MM-DD between ${FIRST_YEAR} and ${LAST_YEAR}`;

export function IsIsoWeek(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isIsoWeek', validator: { validate: isIsoWeek, defaultMessage: () => WEEK_RULE } }, options);
}

export function IsDistrictDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isDistrictDate', validator: { validate: isDistrictDate, defaultMessage: () => DATE_RULE } }, options);
}

/** Checks a week argument given as a plain `@Args('week')`, naming it in the error. */
@Injectable()
export class ParseWeekPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'week') {}

  transform(value: string): string {
    if (!isIsoWeek(value)) throw badInput(this.field, `${WEEK_RULE}: ${String(value).slice(0, 20)}`, 'BAD_WEEK');
    return value;
  }
}
