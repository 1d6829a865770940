import { describe, expect, it } from 'vitest';
import { aspectRatioAt, type SwitchableDraft, switchModel } from '../../shared/domain/model-switch';

const draft = (patch: Partial<SwitchableDraft> = {}): SwitchableDraft => ({
  model: 'wan-2-5-video',
  resolution: '720p',
  aspectRatio: '16:9',
  prompt: 'a fox',
  hasAudio: false,
  ...patch,
});

describe('switchModel', () => {
  it('keeps everything that fits', () => {
    expect(switchModel(draft(), 'wan-2-5')).toEqual({
      patch: { model: 'wan-2-5', resolution: '720p', aspectRatio: '16:9' },
      dropAudio: false,
      dropped: [],
    });
  });

  it('says what wan-2-5 cannot take: 480p, 4:3, audio, a 1000-character prompt', () => {
    const result = switchModel(
      draft({ resolution: '480p', aspectRatio: '3:4', prompt: 'x'.repeat(1000), hasAudio: true }),
      'wan-2-5',
    );
    expect(result.patch).toEqual({ model: 'wan-2-5', resolution: '720p', aspectRatio: '16:9' });
    expect(result.dropAudio).toBe(true);
    expect(result.dropped).toEqual([
      { setting: 'resolution', from: '480p', to: '720p' },
      { setting: 'aspectRatio', from: '3:4', to: '16:9' },
      { setting: 'audio' },
      { setting: 'promptTooLong', max: 800 },
    ]);
  });

  it('4:3 survives the switch at 1080p, and wan-2-5 → wan-2-5-video loses nothing', () => {
    expect(switchModel(draft({ resolution: '1080p', aspectRatio: '4:3' }), 'wan-2-5-video').dropped).toEqual(
      [],
    );
    expect(switchModel(draft({ model: 'wan-2-5', resolution: '1080p' }), 'wan-2-5-video').dropped).toEqual(
      [],
    );
  });
});

describe('aspectRatioAt', () => {
  it('falls back to the default where the ratio is not offered', () => {
    expect(aspectRatioAt('wan-2-5-video', '480p', '4:3')).toBe('16:9');
    expect(aspectRatioAt('wan-2-5-video', '720p', '4:3')).toBe('4:3');
    expect(aspectRatioAt('wan-2-5-video', '480p', '9:16')).toBe('9:16');
  });
});
