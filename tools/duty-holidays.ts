import fs from 'node:fs';
import { loadAppConfig } from '@siban/config';
import { openDatabase, PrismaClient } from '@siban/db';
import { parseHolidayCalendarJson, storeHolidayCalendar } from '@siban/duty-roster';

// `npm run duty:holidays -- <file.json>`: checks a year's holiday calendar file (format in the
// README, "Duty roster") and loads it into DATABASE_URL or the embedded folder, replacing that
// year's calendar, as the loadHolidayCalendar mutation does. On the embedded database the service
// must be stopped (it owns the folder); on PostgreSQL it may run.
async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run duty:holidays -- <file.json>');
  const parsed = parseHolidayCalendarJson(fs.readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  ${p.field || '(file)'}: ${p.message}`);
    throw new Error(`${file} has ${parsed.problems.length} problem(s):\n${lines.join('\n')}`);
  }
  const config = loadAppConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || 'x'.repeat(32) });
  const database = await openDatabase(config.database);
  const prisma = new PrismaClient({ adapter: database.adapter });
  try {
    const { calendar } = parsed;
    await storeHolidayCalendar(prisma, calendar, null, new Date());
    console.log(
      `loaded the ${calendar.year} holiday calendar: ${calendar.holidays.length} holidays, ${calendar.adjustedWorkdays.length} adjusted working days (${calendar.source})`,
    );
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`duty:holidays failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
