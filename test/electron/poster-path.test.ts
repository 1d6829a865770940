import { describe, expect, it } from 'vitest';
import { posterPathFor } from '../../main/electron/poster-path';

describe('posterPathFor', () => {
  it('puts the poster beside the video with a .jpg extension', () => {
    expect(posterPathFor('/lib/Default/2026-11/fox-01ABC.mp4')).toBe('/lib/Default/2026-11/fox-01ABC.jpg');
    expect(posterPathFor('C:\\lib\\clip.MP4')).toBe('C:\\lib\\clip.jpg');
  });

  it('has no poster for anything that is not an MP4', () => {
    expect(posterPathFor('/lib/clip.mp4.txt')).toBeNull();
    expect(posterPathFor('/lib/clip')).toBeNull();
  });
});
