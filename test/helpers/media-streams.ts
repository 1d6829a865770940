// What streams a media file holds, as Debian's ffprobe reports them ("video", "audio").
import { execFileSync } from 'node:child_process';

export function streamTypes(path: string): string[] {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_type',
    '-of',
    'csv=p=0',
    path,
  ]);
  return out.toString().trim().split('\n');
}
