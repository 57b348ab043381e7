import './module-aliases';
import 'reflect-metadata';
import { ConfigError, loadAppConfig } from '@siban/config';
import { DataDirLockedError } from '@siban/db';
import { Logger } from 'nestjs-pino';
import { startService } from './app/bootstrap';

/** Errors whose message already says what to do: printed as one line, without a stack. */
function isPlainStartError(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof DataDirLockedError;
}

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
    service.stop().then(
      () => process.exit(0),
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
  if (isPlainStartError(error)) console.error(`siban: ${error.message}`);
  else console.error('siban: failed to start:', error);
  process.exit(1);
});
