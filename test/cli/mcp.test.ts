// `wan-studio mcp` driven by the official MCP SDK's own client over stdio (a real child process on
// the built CLI, in demo mode against the built-in simulator): list tools, estimate, generate,
// wait, search, get, and refusals as tool errors with the app's sentences.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureCliBuilt, ROOT, runCli } from '../helpers/cli-process';

let dir = '';
let client: Client;

type ToolAnswer = {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: unknown;
};
async function call(name: string, args: Record<string, unknown> = {}): Promise<ToolAnswer> {
  return (await client.callTool({ name, arguments: args })) as ToolAnswer;
}
async function value<T>(name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await call(name, args);
  if (result.isError) throw new Error(`${name} failed: ${result.content[0]?.text}`);
  return JSON.parse(result.content[0]?.text ?? 'null') as T;
}

beforeAll(async () => {
  ensureCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'wan-mcp-'));
  // The user's confirmation threshold, set as a user would: generate above it needs confirmed: true.
  const threshold = runCli(
    [
      'budget',
      'set',
      '--confirm-above',
      '5',
      '--demo',
      '--data',
      join(dir, 'data'),
      '--library',
      join(dir, 'library'),
    ],
    {},
  );
  expect(await threshold.exited).toBe(0);
  client = new Client({ name: 'wan-studio-test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', '--demo', '--data', join(dir, 'data'), '--library', join(dir, 'library')],
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), WAN_STUDIO_DEMO_TIME_SCALE: '0.02' },
    stderr: 'pipe',
  });
  await client.connect(transport);
}, 120_000);

afterAll(async () => {
  await client?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('wan-studio mcp (official SDK client over stdio)', () => {
  let ids: string[] = [];

  it('lists its tools, each with a description and an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'balance',
      'estimate',
      'generate',
      'get',
      'search',
      'status',
      'wait',
    ]);
    for (const tool of tools) expect(tool.description?.length).toBeGreaterThan(30);
    const generate = tools.find((tool) => tool.name === 'generate');
    expect(generate?.inputSchema.properties).toHaveProperty('confirmed');
    expect(
      (generate?.inputSchema.properties as Record<string, { enum?: string[] }> | undefined)?.resolution?.enum,
    ).toEqual(['480p', '720p', '1080p']);
    expect(
      (generate?.inputSchema.properties as Record<string, { enum?: string[] }> | undefined)?.model?.enum,
    ).toEqual(['wan-2-5', 'wan-2-5-video']);
  });

  it('estimates without sending, and refuses a total above the threshold unless confirmed', async () => {
    const estimate = await value<{ count: number; totalUsd: number; needsConfirmation: boolean }>(
      'estimate',
      {
        prompt: 'a lighthouse in a storm',
        resolution: '1080p',
        duration: 10,
        count: 4,
      },
    );
    expect(estimate).toEqual({ count: 4, totalUsd: 5.2, needsConfirmation: true, confirmAboveUsd: 5 });
    const refused = await call('generate', {
      prompt: 'a lighthouse in a storm',
      resolution: '1080p',
      duration: 10,
      count: 4,
    });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]?.text).toBe(
      'This is estimated at $5.20, above your confirmation threshold of $5.00. Nothing was sent; confirm the total to send it.',
    );
    const search = await value<{ total: number }>('search', { text: 'lighthouse' });
    expect(search.total).toBe(0);
  });

  it('reports a bad argument as a tool error in the contract’s words', async () => {
    const refused = await call('generate', { prompt: 'a cat', mode: 'image-to-video' });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]?.text).toContain('Image-to-video needs an image file or link');
  });

  it('generates, waits (bounded) until the videos are on disk, then search and get find them', async () => {
    const sent = await value<{ ids: string[]; estimate: { count: number; totalUsd: number } }>('generate', {
      prompt: 'a paper boat on a rain puddle',
      seed: 7,
      count: 2,
      tags: ['mcp'],
    });
    expect(sent.estimate).toMatchObject({ count: 2, totalUsd: 0.8 });
    ids = sent.ids;
    expect(ids).toHaveLength(2);
    const waited = await value<{
      generations: { id: string; state: string; filePath: string; seed: number }[];
      unfinished: string[];
    }>('wait', { ids, timeoutSeconds: 90 });
    expect(waited.unfinished).toEqual([]);
    expect(waited.generations.map((generation) => generation.state)).toEqual(['done', 'done']);
    expect(waited.generations.map((generation) => generation.seed)).toEqual([7, 8]);
    for (const generation of waited.generations) expect(existsSync(generation.filePath)).toBe(true);

    const found = await value<{ total: number; generations: { id: string }[] }>('search', {
      text: 'paper boat',
    });
    expect(found.generations.map((generation) => generation.id).sort()).toEqual([...ids].sort());
    const one = await value<{
      prompt: string;
      params: { seed: number; resolution: string };
      tags: string[];
      filePath: string;
    }>('get', { id: ids[0] });
    expect(one).toMatchObject({
      prompt: 'a paper boat on a rain puddle',
      params: { seed: 7, resolution: '720p' },
      tags: ['mcp'],
    });
    const status = await value<{ generations: { state: string }[] }>('status', { ids });
    expect(status.generations.every((generation) => generation.state === 'done')).toBe(true);
    const balance = await value<{ demo: boolean }>('balance');
    expect(balance.demo).toBe(true);
  }, 120_000);

  it('names an unknown id', async () => {
    const refused = await call('get', { id: 'gen-nope' });
    expect(refused).toMatchObject({
      isError: true,
      content: [{ text: 'No generation gen-nope in this library.' }],
    });
  });
});
