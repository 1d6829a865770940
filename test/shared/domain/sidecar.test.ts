// The sidecar format: what a valid one looks like, and how every kind of bad one is refused with
// a reason (sidecars and embedded recipes come from anywhere, so nothing of them is trusted unread).
import { describe, expect, it } from 'vitest';
import {
  readSidecarText,
  SIDECAR_MAX_BYTES,
  type Sidecar,
  sidecarSchema,
} from '../../../shared/domain/sidecar';

function valid(): Sidecar {
  return {
    format: 'wan-studio.sidecar',
    version: 1,
    writtenAt: 1_700_000_000_000,
    app: 'Wan Studio 1.0.0',
    generation: {
      id: '01HZX3V6Q8W3M0E9T9K6S2R4YD',
      origin: 'generated',
      sourceName: null,
      model: 'wan-2-5',
      backend: 'demo',
      params: {
        model: 'wan-2-5',
        mode: 'text-to-video',
        prompt: 'a lighthouse at dusk, waves',
        negativePrompt: 'blur',
        resolution: '720p',
        duration: 5,
        aspectRatio: '16:9',
        seed: 1234,
        promptExpansion: false,
        provider: 'auto',
      },
      requestType: 'async',
      taskId: 'task_abc',
      estimatedCostUsd: 0.3,
      createdAt: 1_700_000_000_000,
      submittedAt: 1_700_000_001_000,
      completedAt: 1_700_000_090_000,
      remoteCreateTime: null,
      remoteCompleteTime: null,
      costTimeMs: 89_000,
      referenceImagePath: null,
      imageSource: null,
    },
    curation: { favourite: true, rating: 4, notes: 'keep', tags: ['coast'] },
    project: { name: 'Film' },
    lineage: {
      parents: [
        { kind: 'continues', generationId: '01HZX3V6Q8W3M0E9T9K6S2R4YA', frameMs: 4900, position: null },
      ],
    },
    video: {
      fileName: 'a.mp4',
      bytes: 10,
      sha256: 'a'.repeat(64),
      width: 1280,
      height: 720,
      durationMs: 5000,
    },
  };
}

const text = (value: unknown) => JSON.stringify(value);

describe('sidecar format', () => {
  it('reads a valid sidecar back exactly', () => {
    const reading = readSidecarText(text(valid()));
    expect(reading).toEqual({ ok: true, sidecar: valid() });
    expect(sidecarSchema.parse(valid())).toEqual(valid());
  });

  it('refuses what is not a sidecar, with the reason', () => {
    expect(readSidecarText('not json')).toEqual({ ok: false, reason: 'The recipe is not valid JSON.' });
    expect(readSidecarText(text({ title: 'x' }))).toEqual({ ok: false, reason: 'Not a Wan Studio recipe.' });
    expect(readSidecarText('null')).toMatchObject({ ok: false, reason: 'Not a Wan Studio recipe.' });
  });

  it('a newer version is refused by name, not misread', () => {
    expect(readSidecarText(text({ ...valid(), version: 2 }))).toEqual({
      ok: false,
      reason: 'The recipe is from a newer Wan Studio (format version 2).',
    });
  });

  it('too large to be ours: refused before parsing', () => {
    const huge = text({ ...valid(), app: 'x'.repeat(SIDECAR_MAX_BYTES) });
    expect(readSidecarText(huge)).toEqual({ ok: false, reason: 'The recipe is too large to be ours.' });
  });

  it.each([
    [
      'a seed out of range',
      (s: Sidecar) => Object.assign(s.generation.params, { seed: -1 }),
      'generation.params.seed',
    ],
    ['an unknown model', (s: Sidecar) => Object.assign(s.generation, { model: 'sora' }), 'generation.model'],
    ['a rating of 9', (s: Sidecar) => Object.assign(s.curation, { rating: 9 }), 'curation.rating'],
    ['an unknown field', (s: Sidecar) => Object.assign(s, { script: 'rm -rf' }), ''],
    [
      'a path-like id',
      (s: Sidecar) => Object.assign(s.generation, { id: '../../etc/passwd' }),
      'generation.id',
    ],
    [
      'an unknown link kind',
      (s: Sidecar) => Object.assign(s.lineage.parents[0] ?? {}, { kind: 'x' }),
      'lineage.parents.0.kind',
    ],
    ['a non-hex sha256', (s: Sidecar) => Object.assign(s.video, { sha256: 'z'.repeat(64) }), 'video.sha256'],
    [
      'text-to-video with an image',
      (s: Sidecar) => Object.assign(s.generation.params, { imageUrl: 'https://x.test/a.png' }),
      'generation.params.imageUrl',
    ],
  ])('refuses %s and says where', (_name, spoil, where) => {
    const sidecar = valid();
    spoil(sidecar);
    const reading = readSidecarText(text(sidecar));
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.reason).toMatch(/^The recipe does not match its format/);
      if (where) expect(reading.reason).toContain(`at ${where}`);
    }
  });
});
