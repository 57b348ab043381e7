import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockHolder } from '@siban/db';
import { DEMO_PASSWORD } from '@siban/organization';
import { gqlOk, login, waitFor } from '@siban/testing';
import WebSocket from 'ws';

// The service as `npm start` runs it, in a process of its own, on a new embedded data folder:
// first start migrates and seeds, a second start on the folder is refused, SIGTERM ends it
// cleanly, and a restart keeps the data.
const WORKSPACE = path.resolve(__dirname, '../../../..');

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function startProcess(dataDir: string, port: number, env: NodeJS.ProcessEnv = {}): Started {
  let output = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: WORKSPACE,
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      SWC_NODE_PROJECT: 'tsconfig.base.json',
      NODE_OPTIONS: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function waitUntilReady(started: Started, timeoutMs = 90_000): Promise<void> {
  const ready = async () => {
    if (started.child.exitCode !== null) throw new Error(`service exited early:\n${started.output()}`);
    try {
      return (await fetch(`${started.url}/readyz`)).status === 200 || undefined;
    } catch {
      return undefined; // Not listening yet.
    }
  };
  await waitFor('the service to be ready', ready, timeoutMs).catch((error: Error) => {
    throw new Error(`${error.message}:\n${started.output()}`);
  });
}

type WriteOutcome = { ok: true; id: string } | { ok: false; failure: string };

/** One sendNotice over a connection of its own; how it ended, never a rejection. */
async function sendNotice(url: string, token: string, title: string): Promise<WriteOutcome> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation ($input: SendNoticeInput!) { sendNotice(input: $input) { id } }',
        variables: { input: { title, body: '停机测试 / shutdown test', officeCodes: ['PARTY'] } },
      }),
    });
    const body = (await response.json()) as { data?: { sendNotice: { id: string } }; errors?: { message: string }[] };
    if (response.status === 200 && body.data?.sendNotice) return { ok: true, id: body.data.sendNotice.id };
    return { ok: false, failure: `HTTP ${response.status} ${JSON.stringify(body.errors)}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, failure: cause?.code ?? cause?.message ?? String(error) };
  }
}

/** An authenticated graphql-ws socket; resolves once acknowledged, with how it will close. */
async function openSubscriptionSocket(url: string, token: string): Promise<{ closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => JSON.parse(data.toString()).type === 'connection_ack' && resolve());
    socket.on('error', reject);
  });
  return { closed };
}

function freePort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

describe('the service process on the embedded database', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'siban-process-'));
  const dataDir = path.join(root, 'pglite');
  const running: Started[] = [];

  afterAll(async () => {
    for (const started of running) if (started.child.exitCode === null) started.child.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('migrates, seeds and serves on first start; refuses a second start; stops on SIGTERM; keeps data', async () => {
    const first = startProcess(dataDir, freePort());
    running.push(first);
    await waitUntilReady(first);
    expect(await (await fetch(`${first.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const admin = await login(first.url, 'admin', DEMO_PASSWORD);
    const offices = await gqlOk(first.url, admin, '{ offices { code } }');
    expect(offices.offices).toHaveLength(5);
    await gqlOk(
      first.url,
      admin,
      'mutation { createUser(input: { username: "kept.user", displayName: "保留的用户", password: "kept-password", officeCode: "CPPCC", roles: [SECRETARY] }) { id } }',
    );

    const second = startProcess(dataDir, freePort());
    running.push(second);
    expect(await second.exited).toBe(1);
    const lines = second.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^siban: The data folder .* is in use by another Siban process \(pid \d+\)/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('SIGTERM received');
    expect(lockHolder(dataDir)).toBeUndefined();

    const third = startProcess(dataDir, freePort());
    running.push(third);
    await waitUntilReady(third);
    const token = await login(third.url, 'kept.user', 'kept-password');
    expect((await gqlOk(third.url, token, '{ me { displayName } }')).me.displayName).toBe('保留的用户');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 240_000);

  it('on SIGTERM with 100 writes in flight: readiness fails at once, every write is answered and kept, sockets get a going-away close', async () => {
    const burstDir = path.join(root, 'burst');
    // A write takes 70-400 ms on PGlite here: 100 of them drained in 7.8-14.5 s, within the
    // default grace (25 s).
    const first = startProcess(burstDir, freePort());
    running.push(first);
    await waitUntilReady(first);
    const admin = await login(first.url, 'admin', DEMO_PASSWORD);
    const socket = await openSubscriptionSocket(first.url, admin);

    const writes = Array.from({ length: 100 }, (_, i) => sendNotice(first.url, admin, `停机 burst ${i}`));
    // SIGTERM lands while the burst is being served: after its first answer.
    await Promise.race(writes);
    const signalled = Date.now();
    first.child.kill('SIGTERM');
    const readiness = await fetch(`${first.url}/readyz`);
    const outcomes = await Promise.all(writes);
    const drainedMs = Date.now() - signalled;
    const failures = outcomes.filter((outcome) => !outcome.ok).map((outcome) => (outcome as { failure: string }).failure);
    console.log(
      `shutdown burst: ${outcomes.length - failures.length} of ${outcomes.length} answered within ${drainedMs} ms of SIGTERM; failures: ${JSON.stringify(failures)}`,
    );
    expect(readiness.status).toBe(503);
    expect(failures).toEqual([]);
    expect(await first.exited).toBe(0);
    expect(await socket.closed).toEqual({ code: 1001, reason: 'Going away' });

    const second = startProcess(burstDir, freePort());
    running.push(second);
    await waitUntilReady(second);
    const token = await login(second.url, 'admin', DEMO_PASSWORD);
    const kept = await gqlOk<{ notices: { nodes: { id: string }[] } }>(second.url, token, '{ notices(first: 200) { nodes { id } } }');
    const keptIds = new Set(kept.notices.nodes.map((notice) => notice.id));
    const answered = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.id] : []));
    expect(answered.filter((id) => !keptIds.has(id))).toEqual([]);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 240_000);

  it('stops with one clear line on bad configuration', async () => {
    const bad = startProcess(path.join(root, 'other'), 70000);
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim()).toBe('siban: Invalid configuration: PORT Too big: expected number to be <=65535');
  }, 60_000);

  it('stops with one clear line when the data folder cannot be written', async () => {
    // A file where the folder should be fails even for root, unlike chmod.
    const blocker = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const blocked = startProcess(path.join(blocker, 'pglite'), freePort());
    expect(await blocked.exited).toBe(1);
    expect(blocked.output().trim()).toBe(
      `siban: cannot open ${path.join(blocker, 'pglite', 'jwt-secret')}: a file is in the way where a folder is expected (ENOTDIR)`,
    );
  }, 60_000);
});
