// Where the CLI sends the API key: --base-url and WAN_STUDIO_API_BASE_URL reach a loopback
// simulator; a public http URL (or another https server without the opt-in) is refused with one
// clear line before any request carries the key.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import { ensureCliBuilt, runCli } from '../helpers/cli-process';

const KEY = 'sk-cli-base-url-0123456789';
let dir = '';
let sim: Simulator;

beforeAll(async () => {
  ensureCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'wan-cli-base-url-'));
  sim = await startSimulator({ apiKeys: [KEY], balanceUsd: 7.5 });
}, 120_000);
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function balance(args: string[], env: Record<string, string>) {
  const cli = runCli(
    ['balance', '--json', '--data', join(dir, 'data'), '--library', join(dir, 'library'), ...args],
    {
      APIXO_API_KEY: KEY,
      WAN_STUDIO_API_BASE_URL: '',
      WAN_STUDIO_ALLOW_CUSTOM_API: '',
      ...env,
    },
  );
  return { code: await cli.exited, output: cli.output() };
}

describe('wan-studio --base-url and WAN_STUDIO_API_BASE_URL', () => {
  it('reach the loopback simulator', async () => {
    const byFlag = await balance(['--base-url', `${sim.url}/api/v1`], {});
    expect(byFlag.code, byFlag.output).toBe(0);
    expect(JSON.parse(byFlag.output)).toMatchObject({ usd: 7.5, demo: false });
    const byEnv = await balance([], { WAN_STUDIO_API_BASE_URL: `${sim.url}/api/v1` });
    expect(byEnv.code, byEnv.output).toBe(0);
    expect(JSON.parse(byEnv.output)).toMatchObject({ usd: 7.5 });
  }, 60_000);

  it.each([
    [['--base-url', 'http://evil.example/api/v1'], {}, /--base-url points at http:\/\/evil\.example/],
    [[], { WAN_STUDIO_API_BASE_URL: 'https://evil.example/api/v1' }, /WAN_STUDIO_ALLOW_CUSTOM_API=1/],
  ])(
    'refuses %s %o with one line',
    async (args, env, message) => {
      const { code, output } = await balance(args, env);
      expect(code).toBe(1);
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).toMatch(message);
    },
    60_000,
  );
});
