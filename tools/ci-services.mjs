// For .ci/run: starts PostgreSQL and Redis when they are stopped (this machine's own start
// commands, docs/ci.md), creates a fresh database for the run (`create`, printing shell exports)
// and drops it afterwards (`drop`). With SIBAN_REQUIRE_SERVICES=1 a service that still does not
// answer fails the run instead of being skipped.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import pg from 'pg';

const PG_ADMIN_URL = process.env.CI_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.CI_REDIS_URL ?? 'redis://127.0.0.1:6379';
const STATE = 'tmp/ci-database';

async function pgQuery(sql) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379), timeout: 2000 });
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(false));
  });
}

const log = (line) => process.stderr.write(`${line}\n`);
const required = process.env.SIBAN_REQUIRE_SERVICES === '1';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function pgAnswers() {
  try {
    await pgQuery('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

const START = {
  PostgreSQL: () => {
    const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
    if (versions.length === 0) throw new Error('no cluster under /etc/postgresql');
    return `pg_ctlcluster --skip-systemctl-redirect ${versions.sort().at(-1)} main start`;
  },
  Redis: () =>
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
};

/** Starts a stopped service with the machine's own command and waits (30 s at most) for it. */
async function ensureRunning(name, answers) {
  if (await answers()) return true;
  try {
    const command = START[name]();
    log(`${name} does not answer: starting it (${command})`);
    execSync(command, { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    log(`${name} could not be started: ${error.message.split('\n')[0]}`);
    return false;
  }
  for (let waited = 0; waited < 30_000; waited += 500) {
    if (await answers()) return true;
    await sleep(500);
  }
  return false;
}

if (process.argv[2] === 'create') {
  const missing = [];
  if (!(await ensureRunning('PostgreSQL', pgAnswers))) missing.push('PostgreSQL');
  if (!(await ensureRunning('Redis', () => redisAnswers(REDIS_URL)))) missing.push('Redis');
  if (required && missing.length) {
    log(`${missing.join(' and ')} not running and could not be started; SIBAN_REQUIRE_SERVICES=1 needs both`);
    process.exit(1);
  }
  try {
    const name = `siban_ci_${Date.now().toString(36)}_${process.pid}`;
    await pgQuery(`CREATE DATABASE ${name}`);
    fs.mkdirSync('tmp', { recursive: true });
    fs.writeFileSync(STATE, name);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    console.log(`export DATABASE_URL='${url}'`);
    log(`PostgreSQL answers: tests run on PGlite and on ${url}`);
  } catch (error) {
    console.log('unset DATABASE_URL');
    log(`PostgreSQL does not answer (${error.message}): tests run on PGlite only`);
  }
  if (await redisAnswers(REDIS_URL)) {
    console.log(`export REDIS_URL='${REDIS_URL}'`);
    log(`Redis answers at ${REDIS_URL}`);
  } else {
    console.log('unset REDIS_URL');
    log('Redis does not answer: the two-instance Redis test is skipped');
  }
} else if (process.argv[2] === 'drop' && fs.existsSync(STATE)) {
  const name = fs.readFileSync(STATE, 'utf8').trim();
  await pgQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  // Test suites make their own databases from templates named after this run's base URL host.
  fs.rmSync(STATE, { force: true });
}
