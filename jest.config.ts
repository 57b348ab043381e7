import fs from 'node:fs';
import path from 'node:path';
import type { Config } from 'jest';

// Every project with a Jest config, found on disk (no Nx project graph needed to run the tests).
const projects = ['apps', 'libs'].flatMap((group) =>
  fs
    .readdirSync(path.join(__dirname, group))
    .map((name) => path.join(__dirname, group, name, 'jest.config.ts'))
    .filter((file) => fs.existsSync(file)),
);

export default {
  projects,
  // e2e suites start the whole service and wait for scheduled jobs; unit tests finish far sooner.
  testTimeout: 60_000,
} satisfies Config;
