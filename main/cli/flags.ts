// What `wan-studio` accepts: the usage text, the flags and their parsing. Kept free of zod and the
// core so `--help` and a bad flag answer without loading either.

import { DEFAULT_MODEL, MODEL_IDS, MODELS } from '../../shared/domain/models';
import { StudioError } from '../core/errors';
import { parseCommandLine } from '../service/command-line';

export const USAGE = `Usage: wan-studio <command> [options]

Commands
  generate --prompt TEXT [--wait] [--json]   text-to-video (or image-to-video with --image-url/--image)
      --mode text-to-video|image-to-video  --image-url URL  --negative-prompt TEXT
      --image FILE (repeatable: one video per image; uploaded through the image hosting in settings)
      --resolution 720p|1080p  --duration 5|10  --aspect-ratio 16:9|9:16|1:1
      --model ${MODEL_IDS.join('|')} (default ${DEFAULT_MODEL}; wan-2-5-video adds 480p, 4:3 and 3:4 at 720p/1080p,
        prompts up to ${MODELS['wan-2-5-video'].promptMax} characters, optional for image-to-video)
      --audio FILE|URL  wan-2-5-video: the video is made to this WAV/MP3 (3–30 s, at most 15 MB)
      --seed N  --no-prompt-expansion  --provider auto|value|official  --count N  --project NAME
      --continues ID  record the new videos as continuations of generation ID (with --image of its last frame)
  generate --from FILE [--dry-run] [--skip-bad] [--yes] [--wait] [--json]
      many videos from a .csv or .jsonl file of rows (prompt, negative_prompt, mode, resolution,
      duration, aspect_ratio, seed, prompt_expansion, provider, image (file or link), project, tags)
      or a .json batch plan (template with {variable} and {a|b} choices, grid of seeds × resolutions
      × durations × aspect ratios); each bad row is named with its line and nothing is sent until
      the file is valid (--skip-bad sends the good rows); a total above $5 needs --yes
  mcp                       a Model Context Protocol server on stdin/stdout, for AI assistants
  wait [ID...]              finish unfinished generations (all of them when no id is given)
  status ID                 one generation (state, task id, file, sha256)
  list [--state S] [--limit N]        recent generations
  search TEXT [--limit N]   full-text search over prompts, notes and tags
  import FILE|DIR...        add MP4 files (a folder: the videos in it) to the library; a Wan Studio
                            export or a sidecar next to the file (clip.mp4.json) brings back its recipe
  export ID... --to DIR [--sidecars]   copies carrying their recipe in the MP4 metadata
                            (--sidecars: clip.mp4.json next to each); Ctrl-C leaves no half file
  rebuild --library DIR     rebuild a lost or damaged library database from the folder's videos and
                            sidecars (the old database is kept aside)
  key set [--session]       read the APIXO API key from standard input into the OS keychain
  key clear | key status
  balance                   remaining APIXO balance in USD
  budget show | clear       spending caps (by estimated cost) and what was sent against them
  budget set [--daily N] [--monthly N] [--project NAME N] [--confirm-above N] [--low-balance N]
                            a cap of 0 stops all sending; "none" removes a cap
  spend [--since YYYY-MM-DD] [--json]   estimated spend per day and project, failed spend, balance gaps
  generate refuses (sending nothing) a batch over a cap, and one above --confirm-above without --yes

Options
  --library DIR   library folder (and its database)     --data DIR   settings and logs folder
  --demo          use the built-in APIXO simulator       --base-url URL   APIXO API base URL
  --json          machine-readable output                --help
  --base-url (or WAN_STUDIO_API_BASE_URL) gets the API key only for https://api.apixo.ai or a server on
  this computer (localhost); another https server also needs WAN_STUDIO_ALLOW_CUSTOM_API=1.`;

export const OPTIONS = {
  prompt: { type: 'string' },
  from: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'skip-bad': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'negative-prompt': { type: 'string' },
  mode: { type: 'string' },
  'image-url': { type: 'string' },
  model: { type: 'string' },
  audio: { type: 'string' },
  image: { type: 'string', multiple: true },
  resolution: { type: 'string' },
  duration: { type: 'string' },
  'aspect-ratio': { type: 'string' },
  seed: { type: 'string' },
  'no-prompt-expansion': { type: 'boolean' },
  provider: { type: 'string' },
  count: { type: 'string' },
  project: { type: 'string' },
  wait: { type: 'boolean' },
  json: { type: 'boolean' },
  state: { type: 'string' },
  limit: { type: 'string' },
  session: { type: 'boolean' },
  library: { type: 'string' },
  data: { type: 'string' },
  demo: { type: 'boolean' },
  'base-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  daily: { type: 'string' },
  monthly: { type: 'string' },
  'confirm-above': { type: 'string' },
  'low-balance': { type: 'string' },
  since: { type: 'string' },
  to: { type: 'string' },
  sidecars: { type: 'boolean' },
  continues: { type: 'string' },
} as const;

export type CliValues = ReturnType<typeof parse>['values'];

export function parse(argv: string[]) {
  return parseCommandLine(argv, OPTIONS, 'wan-studio --help');
}

export function usageError(message: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage: `${message} (see wan-studio --help)` });
}
