import { Prisma } from '../generated/prisma/client';

export function isUniqueViolation(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** A write naming a row that does not exist through a foreign key (P2003). */
export function isForeignKeyViolation(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';
}

/** The columns of the unique constraint a P2002 hit, as Prisma reports them. */
export function uniqueViolationFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  const meta = error.meta as
    | { target?: string[] | string; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } }
    | undefined;
  const target = meta?.target ?? meta?.driverAdapterError?.cause?.constraint?.fields ?? [];
  // PostgreSQL quotes mixed-case column names in its detail ("leaderId"); the API names fields bare.
  return (Array.isArray(target) ? target : [target]).map((field) => field.replace(/^"|"$/g, ''));
}
