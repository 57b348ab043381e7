import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { contentDisposition, XLSX_CONTENT_TYPE } from '@siban/exports';
import { AuthenticatedUser, CurrentUser } from '@siban/identity';
import type { Response } from 'express';
import { DutyOperationsErrors } from '../duty-operations.errors';
import { CSV_CONTENT_TYPE } from '../utils/csv';
import { DutyExportService, DutyFile } from './duty-export.service';

const FILE = /^(\d{4}-\d{2})\.(xlsx|csv)$/;

function parseFile(file: string, formats: readonly string[]): { month: string; format: 'xlsx' | 'csv' } {
  const match = FILE.exec(file);
  if (!match || !formats.includes(match[2])) throw DutyOperationsErrors.badFile(file);
  return { month: match[1], format: match[2] as 'xlsx' | 'csv' };
}

function send(res: Response, file: DutyFile, contentType: string): StreamableFile {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  return new StreamableFile(file.content);
}

/** Downloads of a published month, with `Authorization: Bearer <token>` (the global guard). */
@Controller()
export class DutyExportController {
  constructor(private readonly exports: DutyExportService) {}

  /** GET /exports/duty-allowance/2026-10.xlsx or .csv: duty coordinators, directors, admins. */
  @Get('exports/duty-allowance/:file')
  async allowance(@CurrentUser() user: AuthenticatedUser, @Param('file') file: string, @Res({ passthrough: true }) res: Response) {
    const { month, format } = parseFile(file, ['xlsx', 'csv']);
    const result = await this.exports.allowance(user, month, format);
    return send(res, result, format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE);
  }

  /** GET /exports/duty-roster/2026-10.xlsx: anyone signed in (it is posted on the wall). */
  @Get('exports/duty-roster/:file')
  async roster(@Param('file') file: string, @Res({ passthrough: true }) res: Response) {
    const { month } = parseFile(file, ['xlsx']);
    return send(res, await this.exports.roster(month), XLSX_CONTENT_TYPE);
  }
}
