// `wan-studio budget`, `spend` and generate's money checks, as a user runs them against a loopback
// simulator that counts every submit: over a cap, or above the confirmation threshold without
// --yes, the command exits non-zero with the sentence and the simulator receives nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../main/demo/simulator';
import { ensureCliBuilt, runCli } from '../helpers/cli-process';

const KEY = 'sk-cli-budget-0123456789';
let dir = '';
let sim: Simulator;

beforeAll(async () => {
  ensureCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'wan-cli-budget-'));
  sim = await startSimulator({ apiKeys: [KEY], balanceUsd: 50 });
}, 120_000);
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const cli = runCli([...args, '--data', join(dir, 'data'), '--library', join(dir, 'library')], {
    APIXO_API_KEY: KEY,
    WAN_STUDIO_API_BASE_URL: `${sim.url}/api/v1`,
    WAN_STUDIO_ALLOW_CUSTOM_API: '',
  });
  return { code: await cli.exited, output: cli.output() };
}

describe('wan-studio budget and spend', () => {
  it('refuses a batch over the daily cap and sends nothing', async () => {
    const set = await run(['budget', 'set', '--daily', '1', '--confirm-above', '2']);
    expect(set.code, set.output).toBe(0);
    expect(set.output).toContain('daily:   $0.00 sent today, $1.00');
    const refused = await run(['generate', '--prompt', 'three lanterns', '--count', '3']);
    expect(refused.code).toBe(1);
    expect(refused.output.trim()).toBe(
      'wan-studio: Over budget: $1.20 more would bring $0.00 already sent to $1.20, $0.20 over the daily cap of $1.00. Nothing was sent.',
    );
    expect(sim.stats.submitsAccepted).toBe(0);
  }, 60_000);

  it('refuses a batch above the confirmation threshold without --yes, and sends it with --yes', async () => {
    await run(['budget', 'set', '--daily', '10']);
    const unconfirmed = await run(['generate', '--prompt', 'six lanterns', '--count', '6']);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.output).toMatch(/estimated at \$2\.40, above your confirmation threshold of \$2\.00/);
    expect(sim.stats.submitsAccepted).toBe(0);
    const confirmed = await run(['generate', '--prompt', 'six lanterns', '--count', '6', '--yes', '--json']);
    expect(confirmed.code, confirmed.output).toBe(0);
    expect(sim.stats.submitsAccepted).toBe(6);
  }, 60_000);

  it('shows what was sent, by day and project, as text and JSON', async () => {
    const text = await run(['spend']);
    expect(text.code, text.output).toBe(0);
    expect(text.output).toContain('$2.40 sent in 6 generation(s)');
    const json = await run(['spend', '--json', '--since', '2020-01-01']);
    expect(JSON.parse(json.output)).toMatchObject({
      totalUsd: 2.4,
      count: 6,
      backend: 'apixo',
      failedUsd: 0,
    });
    const show = await run(['budget', 'show', '--json']);
    expect(JSON.parse(show.output)).toMatchObject({
      dailySpentUsd: 2.4,
      settings: { dailyUsd: 10, confirmAboveUsd: 2 },
    });
  }, 60_000);

  it('refuses bad budget input with one clear line and keeps the caps', async () => {
    const cases: [string[], RegExp][] = [
      [['budget', 'set', '--daily', 'lots'], /--daily must be an amount in USD/],
      [['budget', 'set'], /budget set needs --daily/],
      [['budget', 'raise'], /budget takes show, set or clear/],
      [['budget', 'set', '--project', 'Nope', '5'], /no project named "Nope"/],
      [['spend', '--since', '2026-02-30'], /--since must be a date/],
    ];
    for (const [args, message] of cases) {
      const { code, output } = await run(args);
      expect(code, args.join(' ')).not.toBe(0);
      expect(output).toMatch(message);
    }
    const show = await run(['budget', 'show', '--json']);
    expect(JSON.parse(show.output).settings.dailyUsd).toBe(10);
  }, 60_000);
});
