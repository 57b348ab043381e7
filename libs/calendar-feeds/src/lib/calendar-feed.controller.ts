import { Controller, Get, Header, Headers, HttpException, HttpStatus, Param, Res } from '@nestjs/common';
import { CalendarFeedService, feedTokenOf } from '@siban/exports';
import { IdentityService, Public } from '@siban/identity';
import type { Response } from 'express';

/** GET /calendar/<secret>.ics for every kind of feed: no login, the secret in the URL is the credential (revocable). */
@Controller()
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedService,
    private readonly identity: IdentityService,
  ) {}

  @Public()
  @Get('calendar/:file')
  // Private: the URL is a credential, so no shared cache keeps a copy; no-cache: clients revalidate with the ETag.
  @Header('Cache-Control', 'private, no-cache')
  async calendar(
    @Param('file') file: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const token = feedTokenOf(file);
    // The owner's rights now decide what the feed shows; a deactivated owner's feeds stop.
    const rendered = token ? await this.feeds.render(token, (ownerId) => this.identity.authenticateUser(ownerId)) : undefined;
    if (rendered === undefined)
      throw new HttpException(
        { code: 'NOT_FOUND', message: '日历订阅不存在或已撤销 / No such calendar feed, or revoked' },
        HttpStatus.NOT_FOUND,
      );
    res.setHeader('ETag', rendered.etag);
    if (ifNoneMatch?.split(',').some((tag) => tag.trim() === rendered.etag)) {
      res.status(HttpStatus.NOT_MODIFIED);
      return '';
    }
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    return rendered.body;
  }
}
