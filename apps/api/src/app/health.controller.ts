import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { PrismaService } from '@siban/db';
import { Public } from '@siban/identity';
import type { Response } from 'express';

@Controller()
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  /** The process is up. */
  @Public()
  @Get('healthz')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  /** The database answers; load balancers stop sending traffic when it does not. */
  @Public()
  @Get('readyz')
  async ready(@Res({ passthrough: true }) res: Response) {
    const database = await this.prisma.isReachable();
    res.status(database ? 200 : 503);
    return { status: database ? 'ready' : 'unavailable', database: database ? 'up' : 'down' };
  }
}
