import { Controller, Get, HttpException, HttpStatus, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { contentDisposition, XLSX_CONTENT_TYPE } from '@siban/exports';
import { DomainError, HTTP_STATUS_OF } from '@siban/graphql-core';
import { bearerToken, IdentityService, Public } from '@siban/identity';
import type { Request, Response } from 'express';
import { ScheduleExportService } from './schedule-export.service';

function asHttp(error: unknown): never {
  if (error instanceof DomainError) {
    throw new HttpException({ code: error.code, field: error.field, message: error.message }, HTTP_STATUS_OF[error.code]);
  }
  throw error;
}

/** File downloads that GraphQL cannot carry: the printable table. */
@Controller()
export class ScheduleExportController {
  constructor(
    private readonly exports: ScheduleExportService,
    private readonly identity: IdentityService,
  ) {}

  /** GET /exports/weekly-schedule/2026-W48.xlsx?revision=2 with `Authorization: Bearer <token>`. */
  @Public()
  @Get('exports/weekly-schedule/:file')
  async weeklyTable(
    @Param('file') file: string,
    @Query('revision') revision: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const token = bearerToken(req.headers.authorization);
    const user = token ? await this.identity.authenticate(token) : undefined;
    if (!user) throw new HttpException({ code: 'UNAUTHENTICATED', message: '请先登录 / Sign in first' }, HttpStatus.UNAUTHORIZED);
    const week = file.replace(/\.xlsx$/, '');
    const number = revision === undefined ? undefined : Number(revision);
    if (number !== undefined && (!Number.isInteger(number) || number < 1)) {
      throw new HttpException(
        { code: 'BAD_USER_INPUT', field: 'revision', message: '版本号须为正整数 / revision must be a positive integer' },
        HttpStatus.BAD_REQUEST,
      );
    }
    const { fileName, content } = await this.exports.weeklyTable(user, week, number).catch(asHttp);
    res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    res.setHeader('Content-Disposition', contentDisposition(fileName));
    return new StreamableFile(content);
  }
}
