// Command-line parsing for `wan-studio`. Turns flags into the same generation parameters the UI
// sends, validated by the same schema, so the CLI and the app agree on every limit.
import { parseArgs } from 'node:util';
import {
  type GenerationParamsInput,
  generationParamsDraftSchema,
  generationParamsSchema,
} from '../core/apixo/params';
import { StudioError } from '../core/errors';
import { zodFieldErrors } from '../service/dispatch';

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

export function integerOption(
  values: CliValues,
  name: 'seed' | 'count' | 'limit' | 'duration',
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw usageError(`--${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

export function generationParamsFrom(values: CliValues) {
  const files = values.image ?? [];
  const mode = values.mode ?? (values['image-url'] || files.length > 0 ? 'image-to-video' : 'text-to-video');
  const input: Record<string, unknown> = {
    mode,
    prompt: values.prompt ?? '',
    negativePrompt: values['negative-prompt'],
    resolution: values.resolution ?? '720p',
    duration: integerOption(values, 'duration') ?? 5,
    aspectRatio: mode === 'text-to-video' ? (values['aspect-ratio'] ?? '16:9') : values['aspect-ratio'],
    imageUrl: values['image-url'],
    seed: integerOption(values, 'seed'),
    promptExpansion: !values['no-prompt-expansion'],
    provider: values.provider ?? 'auto',
  } satisfies Record<keyof GenerationParamsInput, unknown>;
  if (files.length > 0 && values['image-url']) throw usageError('give --image or --image-url, not both');
  // Image files get their link from the upload just before submit.
  const parsed = (files.length > 0 ? generationParamsDraftSchema : generationParamsSchema).safeParse(input);
  if (!parsed.success) {
    const [field, message] = Object.entries(zodFieldErrors(parsed.error))[0] ?? ['', 'invalid parameters'];
    throw usageError(`${field}: ${message}`);
  }
  return parsed.data;
}
