import fs from 'node:fs';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@siban/config';
import { DatabaseHandle, openDatabase, PrismaService } from '@siban/db';
import { DutyRosterSeeder } from '@siban/duty-roster';
import { createValidationPipe, GraphQLExceptionFilter, useBodyParsers } from '@siban/graphql-core';
import { PasswordHasher } from '@siban/identity';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import { seedDistrict } from './district-seed';
import { graphiqlMiddleware } from './graphiql';
import { DrainResult, HttpDrain, ShutdownState } from './http-drain';

export const SCHEMA_FILE = path.join('apps', 'api', 'schema.graphql');

/** The API's schema as SDL, sorted, as committed in apps/api/schema.graphql. */
export function schemaSdl(app: INestApplication): string {
  return printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
}

/** Builds the Nest application on an open database; nothing listens yet. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  useBodyParsers(app, options.config.requestLimits.maxBodyBytes);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GraphQLExceptionFilter(app.getHttpAdapter()));
  // Whose X-Forwarded-For names the client (sign-in limits are per client address): TRUST_PROXY.
  app.set('trust proxy', options.config.trustProxy);
  app.disable('x-powered-by');
  // Before app.init() registers Apollo on the same path, so a browser's GET gets the IDE.
  if (options.config.graphiql) app.use(graphiqlMiddleware('/graphql'));
  await app.init();
  return app;
}

export interface StopOptions {
  /** Time for the whole stop; HTTP gets most of it, closing jobs and the database the rest. */
  graceMs?: number;
  /** How long nothing must arrive before the listener closes (see HttpDrain). */
  quietMs?: number;
}

export interface RunningService {
  app: INestApplication;
  url: string;
  /**
   * Stops as a load balancer expects: readiness turns 503 at once, every connection already
   * made (the kernel's backlog included) is served, the listener closes, graphql-ws sockets get
   * a going-away close (1001), then the jobs, the event bus and the database close.
   */
  stop(options?: StopOptions): Promise<DrainResult>;
}

/**
 * Starts the service as `npm start` does: the embedded database is locked, migrated with Prisma
 * Migrate and seeded on first start; PostgreSQL is expected to be migrated already
 * (`npm run db:migrate`), and its offices are seeded when missing.
 */
export async function startService(
  config: AppConfig,
  extra: Partial<AppModuleOptions> & { migrate?: boolean } = {},
): Promise<RunningService> {
  const { migrate = config.database.kind === 'pglite', ...moduleOptions } = extra;
  const database: DatabaseHandle = await openDatabase(config.database, { migrate });
  let app: INestApplication | undefined;
  try {
    app = await createApp({ config, database, ...moduleOptions });
    // A developer's start refreshes the committed schema, so a review shows every API change.
    if (config.nodeEnv === 'development' && fs.existsSync(path.dirname(SCHEMA_FILE))) {
      fs.writeFileSync(SCHEMA_FILE, schemaSdl(app));
    }
    const prisma = app.get(PrismaService);
    const hasher = app.get(PasswordHasher);
    const seeded = await seedDistrict(prisma, (p) => hasher.hash(p), { demo: config.database.kind === 'pglite' || config.seedDemo });
    if (seeded.demoCreated) app.get(Logger).log('demo leaders and accounts created (see README for the passwords)');
    // After the district: the demo duty pools are drawn from its leaders and accounts.
    await app.get(DutyRosterSeeder).seed({ demo: seeded.demoCreated });
    await app.listen(config.port, config.host);
  } catch (error) {
    if (app) await app.close();
    else await database.close();
    throw error;
  }
  const server = app.getHttpServer();
  const drain = new HttpDrain(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const running = app;
  return {
    app: running,
    url: `http://127.0.0.1:${port}`,
    async stop({ graceMs = config.shutdownGraceMs, quietMs = 0 } = {}) {
      running.get(ShutdownState).draining = true;
      // What is left of the grace after HTTP closes the jobs and the database (measured: well
      // under a second on PGlite).
      const result = await drain.drain(Date.now() + graceMs - Math.min(2000, graceMs * 0.2), quietMs);
      // Nest closes the GraphQL module (graphql-ws sends 1001 "Going away"), stops pg-boss after
      // its running jobs, the event bus, then Prisma and the database with its folder lock.
      await running.close();
      return result;
    },
  };
}
