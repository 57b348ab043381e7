import { Injectable } from '@nestjs/common';
import { Office, PrismaService } from '@siban/db';
import { byKeys, LoaderRegistry } from '@siban/graphql-core';
import { IdentityErrors } from './identity.errors';

@Injectable()
export class OfficeService {
  constructor(private readonly prisma: PrismaService) {}

  list(): Promise<Office[]> {
    return this.prisma.office.findMany({ orderBy: { rotationOrder: 'asc' } });
  }

  findByCode(code: string): Promise<Office | null> {
    return this.prisma.office.findUnique({ where: { code } });
  }

  async getByCode(code: string, field = 'officeCode'): Promise<Office> {
    const office = await this.findByCode(code);
    if (!office) throw Object.assign(IdentityErrors.officeNotFound(code), { field });
    return office;
  }

  loader(loaders: LoaderRegistry) {
    return loaders.get<string, Office>('officeById', async (ids) =>
      byKeys(ids, await this.prisma.office.findMany({ where: { id: { in: [...ids] } } }), (o) => o.id),
    );
  }
}
