import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { PrismaService } from '@siban/db';
import { Public } from '@siban/identity';
import { EventBus } from '@siban/pubsub';
import type { Response } from 'express';
import { ShutdownState } from './http-drain';

@Controller()
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly bus: EventBus,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process is up. */
  @Public()
  @Get('healthz')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  /**
   * The database accepts a write (and Redis, when configured, answers), and the service is not
   * shutting down; load balancers stop sending traffic when not.
   */
  @Public()
  @Get('readyz')
  async ready(@Res({ passthrough: true }) res: Response) {
    if (this.shutdown.draining) {
      res.status(503);
      return { status: 'stopping' };
    }
    const [database, events] = await Promise.all([this.prisma.acceptsWrites(), this.bus.healthy()]);
    const ready = database && events;
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'unavailable', database: database ? 'up' : 'down', events: events ? 'up' : 'down' };
  }
}
