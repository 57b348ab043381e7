import { Controller, Get, Header, HttpException, HttpStatus, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { badInput } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser, Public } from '@siban/identity';
import type { Response } from 'express';
import { CalendarFeedService } from './calendar-feed.service';
import { ScheduleExportService } from './schedule-export.service';

/**
 * File downloads that GraphQL cannot carry: the printable table and calendar feeds. The global
 * guard asks for the bearer token (and answers domain errors with their HTTP status).
 */
@Controller()
export class ScheduleExportController {
  constructor(
    private readonly exports: ScheduleExportService,
    private readonly feeds: CalendarFeedService,
  ) {}

  /** GET /exports/weekly-schedule/2026-W48.xlsx?revision=2 with `Authorization: Bearer <token>`. */
  @Get('exports/weekly-schedule/:file')
  async weeklyTable(
    @CurrentUser() user: AuthenticatedUser,
    @Param('file') file: string,
    @Query('revision') revision: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const week = file.replace(/\.xlsx$/, '');
    const number = revision === undefined ? undefined : Number(revision);
    if (number !== undefined && (!Number.isInteger(number) || number < 1)) {
      throw badInput('revision', '版本号须为正整数 / revision must be a positive integer');
    }
    const { fileName, content } = await this.exports.weeklyTable(user, week, number);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return new StreamableFile(content);
  }

  /** GET /calendar/<secret>.ics: no login, the secret in the URL is the credential (revocable). */
  @Public()
  @Get('calendar/:file')
  @Header('Cache-Control', 'no-store')
  async calendar(@Param('file') file: string, @Res({ passthrough: true }) res: Response) {
    const text = file.endsWith('.ics') ? await this.feeds.render(file.slice(0, -4)) : undefined;
    if (text === undefined)
      throw new HttpException(
        { code: 'NOT_FOUND', message: '日历订阅不存在或已撤销 / No such calendar feed, or revoked' },
        HttpStatus.NOT_FOUND,
      );
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    return text;
  }
}
