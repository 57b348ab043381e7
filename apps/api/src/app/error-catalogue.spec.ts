import fs from 'node:fs';
import path from 'node:path';
import { bilingualValidationMessage, DomainError, VALIDATION_MESSAGES_ZH } from '@siban/graphql-core';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { AppModule } from './app.module';

// Every message a client can be shown is Chinese first, then English (README, "Errors").
const BILINGUAL = /^[^A-Za-z]*[\u4e00-\u9fff].* \/ [A-Za-z0-9"'(]/s;
const LIBS = path.resolve(__dirname, '../../../../libs');

function errorFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : errorFiles(full);
    return entry.name.endsWith('.errors.ts') ? [full] : [];
  });
}

describe('the error catalogue', () => {
  const files = errorFiles(LIBS);

  it('finds the errors of every lib that declares them', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files.map((f) => [path.relative(LIBS, f), f]))(
    '%s: every factory’s message is Chinese first, then English',
    async (_name, file) => {
      const module: Record<string, unknown> = await import(file);
      const messages: string[] = [];
      for (const errors of Object.values(module)) {
        if (typeof errors !== 'object' || errors === null) continue;
        for (const [name, factory] of Object.entries(errors)) {
          if (typeof factory !== 'function') continue;
          // One value that reads as a string, a number and a list: factories take ids, counts, keys.
          const args = Array.from({ length: Math.max(factory.length, 2) }, () => ['x']);
          const error = factory(...args);
          expect(error).toBeInstanceOf(DomainError);
          messages.push(`${name}: ${(error as DomainError).message}`);
          for (const problem of (error as DomainError).problems ?? []) {
            if (problem.message !== 'x') messages.push(`${name} (problem): ${problem.message}`);
          }
        }
      }
      expect(messages.length).toBeGreaterThan(0);
      const text = (m: string) => m.slice(m.indexOf(': ') + 2);
    expect(messages.filter((m) => !BILINGUAL.test(text(m)))).toEqual([]);
    // One Chinese half and one English half: never "未找到领导 / leader / 领导 / leader not found".
    expect(messages.filter((m) => text(m).split(' / ').length !== 2)).toEqual([]);
    },
  );

  it('has Chinese for every class-validator constraint the inputs use', () => {
    expect(AppModule).toBeDefined(); // every lib, and so every input class, is loaded
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, { type: string; name?: string; message?: unknown; constraintCls?: unknown }[]>;
    };
    const used = new Map<string, string>();
    for (const metas of storage.validationMetadatas.values()) {
      for (const m of metas) {
        if (m.type !== ValidationTypes.CUSTOM_VALIDATION || !m.name) continue;
        const custom = typeof m.message === 'string' ? m.message : undefined;
        used.set(m.name, custom ?? used.get(m.name) ?? '');
      }
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter(([name, custom]) => !(name in VALIDATION_MESSAGES_ZH) && !BILINGUAL.test(custom)).map(([n]) => n);
    expect(missing).toEqual([]);
    for (const name of used.keys()) {
      expect(bilingualValidationMessage(name, `field must be ${name}`)).toMatch(BILINGUAL);
    }
  });
});
