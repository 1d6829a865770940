// What `wan-studio` accepts: the usage text, the flags and their parsing. Kept free of zod and the
// core so `--help` and a bad flag answer without loading either.
import { parseArgs } from 'node:util';
import { StudioError } from '../core/errors';

export const USAGE = `Usage: wan-studio <command> [options]

Commands
  generate --prompt TEXT [--wait] [--json]   text-to-video (or image-to-video with --image-url/--image)
      --mode text-to-video|image-to-video  --image-url URL  --negative-prompt TEXT
      --image FILE (repeatable: one video per image; uploaded through the image hosting in settings)
      --resolution 720p|1080p  --duration 5|10  --aspect-ratio 16:9|9:16|1:1
      --seed N  --no-prompt-expansion  --provider auto|value|official  --count N  --project NAME
  wait [ID...]              finish unfinished generations (all of them when no id is given)
  status ID                 one generation (state, task id, file, sha256)
  list [--state S] [--limit N]        recent generations
  search TEXT [--limit N]   full-text search over prompts, notes and tags
  import FILE...            add existing MP4 files to the library
  key set [--session]       read the APIXO API key from standard input into the OS keychain
  key clear | key status
  balance                   remaining APIXO balance in USD

Options
  --library DIR   library folder (and its database)     --data DIR   settings and logs folder
  --demo          use the built-in APIXO simulator       --base-url URL   APIXO API base URL
  --json          machine-readable output                --help
  --base-url (or WAN_STUDIO_API_BASE_URL) gets the API key only for https://api.apixo.ai or a server on
  this computer (localhost); another https server also needs WAN_STUDIO_ALLOW_CUSTOM_API=1.`;

export const OPTIONS = {
  prompt: { type: 'string' },
  'negative-prompt': { type: 'string' },
  mode: { type: 'string' },
  'image-url': { type: 'string' },
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
} as const;

export type CliValues = ReturnType<typeof parse>['values'];

export function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

export function usageError(message: string): StudioError {
  return new StudioError({ kind: 'invalid_request', userMessage: `${message} (see wan-studio --help)` });
}
