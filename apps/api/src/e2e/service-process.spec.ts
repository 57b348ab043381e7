import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '@siban/organization';
import { gqlOk, login, waitFor } from '@siban/testing';

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

function startProcess(dataDir: string, port: number): Started {
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
    expect(fs.existsSync(path.join(dataDir, 'siban.lock'))).toBe(false);

    const third = startProcess(dataDir, freePort());
    running.push(third);
    await waitUntilReady(third);
    const token = await login(third.url, 'kept.user', 'kept-password');
    expect((await gqlOk(third.url, token, '{ me { displayName } }')).me.displayName).toBe('保留的用户');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 240_000);

  it('stops with one clear line on bad configuration', async () => {
    const bad = startProcess(path.join(root, 'other'), 70000);
    expect(await bad.exited).toBe(1);
    expect(bad.output().trim()).toBe('siban: Invalid configuration: PORT Too big: expected number to be <=65535');
  }, 60_000);
});
