import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const e = error as Partial<BodyParserError> | null;
  return typeof e?.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500;
}

/**
 * Express answers a body it cannot read (too large, malformed JSON) with an HTML page; clients
 * of this API read GraphQL errors, so those answers keep their status and take the GraphQL shape.
 */
export function bodyErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent || !isBodyParserError(error)) return next(error);
  const tooLarge = error.type === 'entity.too.large';
  res.status(tooLarge ? 413 : error.status).json({
    errors: [
      tooLarge
        ? { message: '请求过大 / Request too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }
        : { message: '请求体无法解析 / The request body could not be read', extensions: { code: 'BAD_REQUEST' } },
    ],
  });
}

/** JSON and form bodies up to `maxBytes`, with GraphQL-shaped refusals (create the app with `bodyParser: false`). */
export function useBodyParsers(app: NestExpressApplication, maxBytes: number): void {
  app.useBodyParser('json', { limit: maxBytes });
  app.useBodyParser('urlencoded', { limit: maxBytes, extended: true });
  app.use(bodyErrorHandler);
}
