import fs from 'node:fs';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@siban/config';
import { DatabaseHandle, openDatabase, PrismaService } from '@siban/db';
import { createValidationPipe, GraphQLExceptionFilter } from '@siban/graphql-core';
import { PasswordHasher } from '@siban/identity';
import { seedDistrict } from '@siban/organization';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';

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
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GraphQLExceptionFilter(app.getHttpAdapter()));
  // Whose X-Forwarded-For names the client (sign-in limits are per client address): TRUST_PROXY.
  app.set('trust proxy', options.config.trustProxy);
  app.disable('x-powered-by');
  await app.init();
  return app;
}

export interface RunningService {
  app: INestApplication;
  url: string;
  stop(): Promise<void>;
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
    await app.listen(config.port, config.host);
  } catch (error) {
    if (app) await app.close();
    else await database.close();
    throw error;
  }
  const server = app.getHttpServer();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const running = app;
  return {
    app: running,
    url: `http://127.0.0.1:${port}`,
    stop: () => running.close(),
  };
}
