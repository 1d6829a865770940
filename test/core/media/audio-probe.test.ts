import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeAudio } from '../../../main/core/media/audio-probe';

const FIXTURES = join(import.meta.dirname, '../../fixtures/audio');
const fixture = (name: string) => readFile(join(FIXTURES, name));

describe('probeAudio (fixtures made with ffmpeg)', () => {
  it.each([
    ['voice-4s.wav', 'wav', 4000],
    ['short-2s.wav', 'wav', 2000],
    ['music-12s.mp3', 'mp3', 12000],
    ['long-31s.mp3', 'mp3', 31000],
    ['vbr-6s.mp3', 'mp3', 6000],
  ])('%s is %s of about %i ms', async (name, format, ms) => {
    const probe = probeAudio(await fixture(name));
    expect(probe.format).toBe(format);
    if (probe.format === 'unknown') return;
    // MP3 carries the encoder's delay and padding frames (up to ~¼ s at 8 kHz); WAV is exact.
    expect(Math.abs(probe.durationMs - ms)).toBeLessThan(format === 'wav' ? 1 : 300);
    expect(probe.channels).toBe(1);
  });

  it('refuses text named .wav, an empty file and an image', async () => {
    expect(probeAudio(await fixture('not-audio.wav')).format).toBe('unknown');
    expect(probeAudio(new Uint8Array()).format).toBe('unknown');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(probeAudio(png).format).toBe('unknown');
  });

  it('refuses a RIFF that is not WAVE and a WAV with no data chunk', () => {
    const avi = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('AVI ')]);
    expect(probeAudio(avi).format).toBe('unknown');
    const header = Buffer.alloc(36);
    header.write('RIFF', 0);
    header.write('WAVE', 8);
    header.write('fmt ', 12);
    header.writeUInt32LE(16, 16);
    expect(probeAudio(header)).toEqual({ format: 'unknown', reason: 'WAV without audio data' });
  });

  it('measures an MP3 behind its ID3v2 tag (ffmpeg writes one)', async () => {
    const mp3 = await fixture('music-12s.mp3');
    expect(mp3.subarray(0, 3).toString()).toBe('ID3');
    expect(probeAudio(mp3).format).toBe('mp3');
    // Without the tag's length the frames are not found: the tag is really being skipped.
    expect(probeAudio(Buffer.concat([Buffer.from('JUNK'), mp3])).format).toBe('unknown');
  });
});
