// "Send these Files to main", the same call in every host: files over the limit for their purpose
// are refused here, with the limit, before a byte is sent; the rest go by the host's transport
// (a granted path in Electron, an HTTP upload in the browser host) and come back as references
// to name in a contract call.
import { FILE_LIMITS, type FileKind } from '../../shared/contract/file-limits';
import type { SentFile } from '../../shared/contract/file-refs';
import i18n from '../i18n';
import { sendFilesToMain } from '../studio';
import { formatBytes } from './format';

export async function sendFiles(files: readonly File[], kind: FileKind): Promise<SentFile[]> {
  const limit = FILE_LIMITS[kind];
  const refused = files.map((file) =>
    file.size > limit
      ? {
          name: file.name,
          error: i18n.t('files.tooLarge', { size: formatBytes(file.size), limit: formatBytes(limit) }),
        }
      : null,
  );
  const sent = await sendFilesToMain(
    files.filter((_, index) => !refused[index]),
    kind,
  );
  let next = 0;
  return refused.map((early) => early ?? (sent[next++] as SentFile));
}

export function fileLimitText(kind: FileKind): string {
  return formatBytes(FILE_LIMITS[kind]);
}
