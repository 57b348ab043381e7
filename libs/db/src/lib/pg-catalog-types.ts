import pg from 'pg';

// Prisma's WASM schema engine reads catalog columns whose type OIDs @prisma/adapter-pg does not
// map ("char", name, oid, regproc, ...) and stops with "Column type 'name' could not be
// deserialized". Reporting them as text lets Migrate run on PostgreSQL
// (docs/prisma-binary-free.md). Used by the Migrate adapter only, never by the app.
const TEXT_OID = 25;
const CATALOG_OIDS = new Set([18, 19, 24, 26, 28, 29, 194, 2202, 2205, 2206, 3734, 3769, 4089, 4096]);

let patched = false;

export function reportCatalogTypesAsText(): void {
  if (patched) return;
  patched = true;
  const prototype = (pg as unknown as { Result: { prototype: { addFields(fields: pg.FieldDef[]): void } } }).Result.prototype;
  const addFields = prototype.addFields;
  prototype.addFields = function (this: unknown, fields: pg.FieldDef[]) {
    for (const field of fields) {
      if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return addFields.call(this, fields);
  };
}
