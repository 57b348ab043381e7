import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { contentDisposition, XLSX_CONTENT_TYPE } from '@siban/exports';
import { badInput } from '@siban/graphql-core';
import { AuthenticatedUser, CurrentUser } from '@siban/identity';
import type { Response } from 'express';
import { ScheduleExportService } from './schedule-export.service';

/**
 * File downloads that GraphQL cannot carry: the printable table. The global guard asks for the
 * bearer token (and answers domain errors with their HTTP status).
 */
@Controller()
export class ScheduleExportController {
  constructor(private readonly exports: ScheduleExportService) {}

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
    res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    res.setHeader('Content-Disposition', contentDisposition(fileName));
    return new StreamableFile(content);
  }
}
