// The CLI's recipe commands as a user runs them (the built dist/node/cli.js in a child process):
// generate --continues records lineage, export embeds the recipe (ffprobe reads it), import of
// the export restores it in another library, and rebuild brings a library back after its
// database is lost.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carriedOverLine } from '../../main/cli/commands/recipes';
import { readSidecarText } from '../../shared/domain/sidecar';
import { ensureCliBuilt, runCli } from '../helpers/cli-process';

let dir = '';
const env = { WAN_STUDIO_DEMO_TIME_SCALE: '0.02' };
const IMAGE = join(import.meta.dirname, '../fixtures/images/still-80x64.png');

beforeAll(async () => {
  ensureCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'wan-cli-recipes-'));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function run(args: string[], library = 'library') {
  const cli = runCli([...args, '--data', join(dir, `data-${library}`), '--library', join(dir, library)], env);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

const json = (output: string) => JSON.parse(output.slice(output.indexOf('{')));

describe('wan-studio recipes', () => {
  let parentId = '';
  let childId = '';
  let files: string[] = [];

  it('generate --image FILE --continues ID records the continuation', async () => {
    const parent = await run([
      'generate',
      '--demo',
      '--prompt',
      'a paper boat on a stream',
      '--seed',
      '7',
      '--wait',
      '--json',
    ]);
    expect(parent.code, parent.output).toBe(0);
    parentId = json(parent.output).id;
    const child = await run([
      'generate',
      '--demo',
      '--prompt',
      'the boat drifts on',
      '--image',
      IMAGE,
      '--continues',
      parentId,
      '--wait',
      '--json',
    ]);
    expect(child.code, child.output).toBe(0);
    childId = json(child.output).id;

    const unknown = await run([
      'generate',
      '--demo',
      '--prompt',
      'x',
      '--image',
      IMAGE,
      '--continues',
      '01JWMCKG00AAAAAAAAAAAAAAAA',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(/is not in the library/);
  }, 90_000);

  it('export --to DIR --sidecars: the recipe is in the MP4 (ffprobe) and next to it, with the lineage', async () => {
    const out = join(dir, 'out');
    const exported = await run(['export', parentId, childId, '--to', out, '--sidecars', '--json']);
    expect(exported.code, exported.output).toBe(0);
    const result = json(exported.output) as { copied: number; files: string[] };
    expect(result.copied).toBe(2);
    files = result.files;
    const childFile = join(out, result.files[1] ?? '');
    const tags = JSON.parse(
      execFileSync('ffprobe', ['-v', 'error', '-show_format', '-of', 'json', childFile], {
        encoding: 'utf8',
      }),
    ).format.tags as Record<string, string>;
    expect(readSidecarText(tags.comment ?? '')).toMatchObject({
      ok: true,
      sidecar: {
        generation: { id: childId, params: { prompt: 'the boat drifts on', mode: 'image-to-video' } },
        lineage: { parents: [{ kind: 'continues', generationId: parentId }] },
      },
    });
    expect(readSidecarText(await readFile(`${childFile}.json`, 'utf8'))).toMatchObject({ ok: true });

    const missingTo = await run(['export', parentId]);
    expect(missingTo.code).toBe(1);
    expect(missingTo.output).toMatch(/export needs --to DIR/);
  }, 90_000);

  it('import of the exported folder restores both recipes and their lineage in another library', async () => {
    // The parent's recipe comes from its MP4 alone, the child's from its sidecar.
    await rm(join(dir, 'out', `${files[0]}.json`));
    const imported = await run(['import', join(dir, 'out'), '--json'], 'other');
    expect(imported.code, imported.output).toBe(0);
    expect(json(imported.output)).toMatchObject({ imported: 2, withRecipe: 2, recipesIgnored: [] });
    const found = await run(['search', 'boat', '--json'], 'other');
    const ids = json(found.output).items.map((item: { id: string }) => item.id);
    expect(ids.sort()).toEqual([parentId, childId].sort());
  }, 90_000);

  it('rebuild --library DIR brings the generations back after the database is lost', async () => {
    await rm(join(dir, 'library', '.wanstudio', 'library.db'));
    const rebuilt = await run(['rebuild', '--json']);
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(json(rebuilt.output)).toMatchObject({ restored: 2, plain: 0, skipped: [] });
    const status = await run(['status', childId, '--json']);
    expect(json(status.output)).toMatchObject({ id: childId, state: 'done', prompt: 'the boat drifts on' });
    expect(existsSync(join(dir, 'library', '.wanstudio', 'library.db'))).toBe(true);
  }, 90_000);
});

describe('carriedOverLine', () => {
  const none = {
    projects: 0,
    presets: 0,
    prompts: 0,
    sequences: 0,
    budget: false,
    references: 0,
    balanceSnapshots: 0,
    sends: 0,
  };
  it('names only the parts that brought something over', () => {
    expect(carriedOverLine({ ...none, projects: 2, balanceSnapshots: 5, budget: true })).toBe(
      'brought over from the previous database: 2 projects, 5 balance history entries, the spending limits',
    );
  });
  it('says so when the previous database had nothing else', () => {
    expect(carriedOverLine(none)).toBe('the previous database had nothing else to bring over');
  });
  it('does not call parts that could not be read empty', () => {
    expect(carriedOverLine(none, ['presets'])).toBe('nothing brought over from the previous database');
  });
});
