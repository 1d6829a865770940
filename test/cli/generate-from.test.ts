// `wan-studio generate --from FILE` as a user runs it (the built CLI in a child process, demo mode):
// bad rows named by line, nothing sent until the file is valid or --skip-bad, a dry run that shows
// the count and total, a grid plan, and --yes above the confirmation threshold.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../helpers/cli-process';

let dir = '';
const common = () => ['--demo', '--data', join(dir, 'data'), '--library', join(dir, 'library')];

async function run(args: string[]) {
  const cli = runCli([...args, ...common()], { WAN_STUDIO_DEMO_TIME_SCALE: '0.02' });
  const code = await cli.exited;
  return { code, output: cli.output() };
}
async function listed(): Promise<{
  total: number;
  items: { prompt: string; state: string; seed: number }[];
}> {
  const { output } = await run(['list', '--limit', '100', '--json']);
  return JSON.parse(output);
}

beforeAll(async () => {
  ensureCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'wan-from-'));
  // The user's confirmation threshold: a plan above it needs --yes.
  expect((await run(['budget', 'set', '--confirm-above', '5'])).code).toBe(0);
  await mkdir(join(dir, 'shots'));
  await writeFile(
    join(dir, 'shots.csv'),
    [
      'prompt,resolution,duration,seed,project,tags',
      'a fox in snow,720p,5,11,Winter,fox;snow',
      'a ship,4k,5,,,',
      'an owl at dusk,720p,7,,,',
      'a tram in fog,720p,5,12,Winter,',
    ].join('\n'),
  );
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('generate --from', () => {
  it('a dry run lists the good rows, names each bad row by line, and sends nothing', async () => {
    const { code, output } = await run(['generate', '--from', join(dir, 'shots.csv'), '--dry-run']);
    expect(code).toBe(1);
    expect(output).toContain('line 2: a fox in snow  (text-to-video, 720p, 5s, 16:9, seed 11)');
    expect(output).toContain('line 3: resolution');
    expect(output).toContain('line 4: duration: Duration must be 5 or 10 seconds');
    expect(output).toContain('2 videos, about $0.80; 2 bad rows');
    expect((await listed()).total).toBe(0);
  }, 60_000);

  it('refuses to send while rows are bad, then --skip-bad sends only the good ones, with project and tags', async () => {
    const held = await run(['generate', '--from', join(dir, 'shots.csv')]);
    expect(held.code).toBe(1);
    expect(held.output).toContain('2 bad rows in');
    expect(held.output).toContain('nothing was sent');
    expect((await listed()).total).toBe(0);

    const sent = await run(['generate', '--from', join(dir, 'shots.csv'), '--skip-bad', '--wait', '--json']);
    expect(sent.code, sent.output).toBe(0);
    const results = JSON.parse(sent.output.slice(sent.output.indexOf('[')));
    expect(results.map((result: { prompt: string }) => result.prompt)).toEqual([
      'a fox in snow',
      'a tram in fog',
    ]);
    for (const result of results) expect(existsSync(result.filePath)).toBe(true);
    const search = await run(['search', 'fox', '--json']);
    expect(JSON.parse(search.output).items).toHaveLength(1);
  }, 90_000);

  it('a grid plan above the threshold needs --yes, then sends prompts × seeds × resolutions', async () => {
    const plan = {
      template: 'a {subject} under {neon|paper} lanterns',
      variables: { subject: ['heron', 'bicycle'] },
      seeds: [1, 2],
      resolutions: ['720p', '1080p'],
      durations: [10],
      batchSeed: 4,
    };
    await writeFile(join(dir, 'grid.json'), JSON.stringify(plan));
    const refused = await run(['generate', '--from', join(dir, 'grid.json')]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('8 videos cost about $8.40, above $5.00; nothing was sent. Add --yes');
    const before = (await listed()).total;
    expect(before).toBe(2);
    const sent = await run(['generate', '--from', join(dir, 'grid.json'), '--yes', '--json']);
    expect(sent.code, sent.output).toBe(0);
    const after = await listed();
    expect(after.total).toBe(10);
    const grid = after.items.filter((item) => item.prompt.includes('lanterns'));
    expect(new Set(grid.map((item) => item.seed))).toEqual(new Set([1, 2]));
    expect(grid.every((item) => /^a (heron|bicycle) under (neon|paper) lanterns$/.test(item.prompt))).toBe(
      true,
    );
    await run(['wait']);
  }, 90_000);

  it('refuses an unknown file type before opening anything', async () => {
    const { code, output } = await run(['generate', '--from', join(dir, 'shots.txt')]);
    expect(code).toBe(1);
    expect(output).toContain('--from takes a .csv, .jsonl or .json (batch plan) file');
  });
});
