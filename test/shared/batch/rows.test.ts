// A CSV/JSONL file of shots: good rows become items, each bad row is reported with its line.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../shared/batch/csv';
import { parseRows } from '../../../shared/batch/rows';

describe('CSV rows', () => {
  const csv = [
    'prompt,negative_prompt,resolution,duration,aspect_ratio,seed,image,project,tags',
    'a fox in snow,blurry,1080p,10,9:16,42,,Winter,fox;snow',
    '"a lighthouse, at night","",720p,5,,,,,',
    'a ship,,4k,5,,,,,',
    '"a poem with ""quotes""',
    'and a line break",,720p,7,,,,,',
    'a product shot,,720p,5,,,https://example.com/shoe.jpg,Shop,',
    'a photo,,720p,5,,,shots/cup.png,,',
    'too,few',
  ].join('\r\n');

  it('keeps the good rows with every parameter and reports each bad row with its line', () => {
    const parsed = parseRows(csv, 'csv', (path) => `/base/${path}`);
    expect(parsed.items.map((entry) => entry.line)).toEqual([2, 3, 7, 8]);
    expect(parsed.items[0]?.item).toEqual({
      params: {
        mode: 'text-to-video',
        prompt: 'a fox in snow',
        negativePrompt: 'blurry',
        resolution: '1080p',
        duration: 10,
        aspectRatio: '9:16',
        seed: 42,
        promptExpansion: true,
        provider: 'auto',
      },
      project: 'Winter',
      tags: ['fox', 'snow'],
    });
    expect(parsed.items[1]?.item.params.prompt).toBe('a lighthouse, at night');
    expect(parsed.items[2]?.item).toMatchObject({
      params: { mode: 'image-to-video', imageUrl: 'https://example.com/shoe.jpg' },
      project: 'Shop',
    });
    expect(parsed.items[3]?.item).toMatchObject({
      params: { mode: 'image-to-video' },
      imagePath: '/base/shots/cup.png',
    });
    expect(parsed.problems).toEqual([
      { line: 4, message: expect.stringContaining('resolution') },
      { line: 5, message: expect.stringContaining('Duration must be 5 or 10 seconds') },
      { line: 9, message: 'has 2 fields; the header has 9' },
    ]);
  });

  it('refuses an unknown column on the header line, and relative paths without a base', () => {
    expect(parseRows('prompt,colour\nx,red', 'csv').problems).toEqual([
      { line: 1, message: expect.stringContaining('unknown column "colour"') },
    ]);
    expect(parseRows('prompt,image\nx,cup.png', 'csv').problems[0]).toEqual({
      line: 2,
      message: 'image: "cup.png" must be a link (https://…) or an absolute file path',
    });
  });

  it('reports an unclosed quote where its record starts', () => {
    expect(readCsv('prompt\n"open\nstill open')).toEqual({
      ok: false,
      line: 2,
      message: 'a quoted field is never closed',
    });
  });
});

describe('JSONL rows', () => {
  it('reads objects line by line and names bad JSON and bad fields', () => {
    const text = [
      '{"prompt":"a fox","resolution":"1080p","tags":["a"]}',
      '',
      '{"prompt":"a fox",',
      '[1,2]',
      '{"prompt":"","seed":-1}',
      '{"prompt":"x","colour":"red"}',
    ].join('\n');
    const parsed = parseRows(text, 'jsonl');
    expect(parsed.items).toHaveLength(1);
    expect(parsed.items[0]).toMatchObject({
      line: 1,
      item: { params: { prompt: 'a fox', resolution: '1080p' }, tags: ['a'] },
    });
    expect(parsed.problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6]);
    expect(parsed.problems[0]?.message).toContain('not valid JSON');
    expect(parsed.problems[1]?.message).toBe('each line must be a JSON object');
    expect(parsed.problems[2]?.message).toContain('Prompt is required');
    expect(parsed.problems[3]?.message).toBe('unknown column "colour"');
  });
});
