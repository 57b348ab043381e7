import path from 'node:path';
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';

// The scope rules of eslint.config.mjs, shown to bite: a lib importing a capability its scope may
// not use is a lint error, named by the rule and the scopes. Lint needs Nx's project graph,
// computed here (in `npm test` the lint step has already cached it).
describe('scope rules of @nx/enforce-module-boundaries', () => {
  let eslint: ESLint;
  beforeAll(async () => {
    process.env.NX_DAEMON = 'false';
    await createProjectGraphAsync({ exitOnError: false });
    eslint = new ESLint({ cwd: path.resolve(__dirname, '../../../..') });
  });

  const lint = async (filePath: string, importing: string, name: string) => {
    const [result] = await eslint.lintText(`import { ${name} } from '${importing}';\n\nexport const used = ${name};\n`, { filePath });
    return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
  };

  it.each([
    [
      'libs/notifications/src/lib/example.ts',
      '@siban/organization',
      'LeaderService',
      'scope:notifications',
      '"scope:identity", "scope:shared"',
    ],
    [
      'libs/organization/src/lib/example.ts',
      '@siban/notifications',
      'NotificationService',
      'scope:organization',
      '"scope:identity", "scope:shared"',
    ],
    [
      'libs/calendar-feeds/src/lib/example.ts',
      '@siban/weekly-plans',
      'ScheduleService',
      'scope:calendar-feeds',
      '"scope:identity", "scope:shared"',
    ],
    [
      'libs/incidents/src/lib/example.ts',
      '@siban/weekly-plans',
      'ScheduleService',
      'scope:incidents',
      '"scope:duty-roster", "scope:organization", "scope:notifications", "scope:identity", "scope:shared"',
    ],
  ])('refuses %s importing %s', async (file, importing, name, scope, allowed) => {
    expect(await lint(file, importing, name)).toEqual([
      `@nx/enforce-module-boundaries: A project tagged with "${scope}" can only depend on libs tagged with ${allowed}`,
    ]);
  });

  it('lets a capability import the shared domain services below it', async () => {
    expect(await lint('libs/weekly-plans/src/lib/example.ts', '@siban/organization', 'LeaderService')).toEqual([]);
    expect(await lint('libs/weekly-plans/src/lib/example.ts', '@siban/notifications', 'NotificationService')).toEqual([]);
    expect(await lint('libs/organization/src/lib/example.ts', '@siban/identity', 'OfficeService')).toEqual([]);
    expect(await lint('libs/incidents/src/lib/example.ts', '@siban/duty-roster', 'generateRoster')).toEqual([]);
  });
});
