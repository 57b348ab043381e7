// `npm run bench:roster`: the time to generate a year of the duty roster (pure function, no
// database), for pools of 40 and 10, with the 2026 holidays and some leave. Prints figures only.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { classifyRange, generateRoster, parseHolidayCalendarJson, type PostSpec, type Tally } from '../src/index';

const calendarFile = path.join(__dirname, '..', 'data', 'holidays-2026.json');
const parsed = parseHolidayCalendarJson(fs.readFileSync(calendarFile, 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const from = '2026-01-01';
const to = '2026-12-31';
const { kinds } = classifyRange(from, to, [parsed.calendar]);
const template = { id: 'day24', startTime: '08:30', durationMinutes: 1440 };
const posts: PostSpec[] = [
  { id: 'leader', templateId: 'day24', days: 'EVERY_DAY', seats: 1 },
  { id: 'officer', templateId: 'day24', days: 'EVERY_DAY', seats: 1 },
  { id: 'second', templateId: 'day24', days: 'HOLIDAYS', seats: 1 },
];
const RUNS = 5;

function run(size: number) {
  const ids = (prefix: string) => Array.from({ length: size }, (_, i) => `${prefix}${i + 1}`);
  const pools = { leader: ids('L'), officer: ids('O'), second: ids('S') };
  // Everyone takes a week of leave somewhere in the year.
  const unavailability = Object.values(pools)
    .flat()
    .map((personId, i) => {
      const start = new Date(Date.UTC(2026, 0, 5 + ((i * 37) % 350)));
      const end = new Date(start.getTime() + 6 * 86_400_000);
      return { personId, from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10), reason: '年休假' };
    });
  const input = { from, to, templates: [template], posts, dayKinds: kinds, pools, unavailability };
  generateRoster(input); // warm-up
  const times: number[] = [];
  let result = generateRoster(input);
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = generateRoster(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const spread = (pool: string[], count: keyof Tally) => {
    const values = pool.map((p) => (result.tallies.get(p) as Tally)[count]);
    return Math.max(...values) - Math.min(...values);
  };
  const spreads = Object.entries(pools)
    .map(([post, pool]) => `${post} ${spread(pool, 'total')}/${spread(pool, 'weekend')}/${spread(pool, 'holiday')}`)
    .join(', ');
  console.log(
    `pool ${String(size).padStart(2)} x 3 posts, ${from}..${to}: ${result.assignments.length} seats filled, ${result.gaps.length} gaps; ` +
      `median ${times[RUNS >> 1].toFixed(1)} ms, max ${times[RUNS - 1].toFixed(1)} ms (${RUNS} runs); spread total/weekend/holiday: ${spreads}`,
  );
}

console.log(`generateRoster, one year (Node ${process.version})`);
run(40);
run(10);
