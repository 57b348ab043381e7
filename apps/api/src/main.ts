import './module-aliases';
import 'reflect-metadata';
import { loadAppConfig } from '@siban/config';
import { Logger } from 'nestjs-pino';
import { startService } from './app/bootstrap';
import { startFailureLine } from './app/start-failure';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const service = await startService(config);
  const logger = service.app.get(Logger);
  logger.log(`Siban is serving GraphQL at ${service.url}/graphql (database: ${config.database.kind})`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing in-flight requests, then closing sockets and the database`);
    // A request that never ends must not keep the process (and the PGlite folder) forever.
    const force = setTimeout(() => {
      logger.error(`shutdown took longer than ${config.shutdownGraceMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    // The listener stays open until nothing has arrived for a moment (see HttpDrain).
    service.stop({ graceMs: config.shutdownGraceMs, quietMs: 300 }).then(
      (result) => {
        if (result.unanswered === 0) process.exit(0);
        logger.error(`${result.unanswered} requests were still unanswered after ${result.ms} ms`);
        process.exit(1);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(startFailureLine(error));
  // The stack helps a developer, not an operator: shown only when asked for.
  if (['debug', 'trace'].includes(process.env.LOG_LEVEL ?? '')) console.error(error);
  process.exit(1);
});
