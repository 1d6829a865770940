// The browser host's half of "send these Files to main": each file is PUT to the host's upload
// route as the request body (the browser streams it from disk; nothing is base64'd into a socket
// frame), and the page gets back an upload id to name in a contract call.
import { UPLOAD_PATH, UPLOAD_TOKEN_HEADER } from '../../shared/contract/file-limits';
import type { SendFiles, SentFile } from '../../shared/contract/file-refs';

export function uploadFiles(token: Promise<string | null>): SendFiles {
  return async (files, kind) => {
    const sent: SentFile[] = [];
    const given = await token;
    // One at a time: a batch of large videos should not compete for the same loopback pipe.
    for (const file of files) {
      const name = file.name || 'pasted image';
      try {
        const response = await fetch(`${UPLOAD_PATH}?kind=${kind}&name=${encodeURIComponent(name)}`, {
          method: 'PUT',
          headers: { [UPLOAD_TOKEN_HEADER]: given ?? '' },
          body: file,
        });
        const body = (await response.json().catch(() => null)) as { id?: string; error?: string } | null;
        sent.push(
          response.ok && body?.id
            ? { name, ref: { via: 'upload', id: body.id } }
            : { name, error: body?.error ?? `HTTP ${response.status}` },
        );
      } catch (error) {
        sent.push({ name, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return sent;
  };
}
