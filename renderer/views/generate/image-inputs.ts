// What a drop or a paste carries, in order of preference. An image dragged out of a web page comes
// with its address (text/uri-list, or an <img src> in text/html) and often with its bytes as a
// file too: the http(s) address is used as it is, so nothing needs uploading. Files from disk and
// pasted screenshots arrive as files; a data: image or a pasted link as text.

export type ImageInput = { kind: 'files'; files: File[] } | { kind: 'link'; url: string } | { kind: 'none' };

function firstUri(list: string): string | null {
  return (
    list
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line && !line.startsWith('#')) ?? null
  );
}

function imageSource(html: string): string | null {
  const img = new DOMParser().parseFromString(html, 'text/html').querySelector('img[src]');
  return img?.getAttribute('src') ?? null;
}

const isWebLink = (text: string) => /^https?:\/\//i.test(text);
const isLinkLike = (text: string) => /^(https?:|data:|blob:)/i.test(text);

export function readImageInput(data: DataTransfer | null): ImageInput {
  if (!data) return { kind: 'none' };
  const html = data.getData('text/html');
  const fromHtml = html ? imageSource(html) : null;
  const fromList = firstUri(data.getData('text/uri-list'));
  // The <img src> is the image itself; a uri-list from a linked image may be the page it links to.
  const dragged = [fromHtml, fromList].find((candidate) => candidate && isWebLink(candidate));
  if (dragged) return { kind: 'link', url: dragged };
  // Every file goes to main, even one that does not look like an image: it says what it really is.
  if (data.files.length > 0) return { kind: 'files', files: [...data.files] };
  // data: and blob: sources go to main too, which converts the first and explains the second.
  const other = [fromHtml, fromList, data.getData('text/plain').trim()].find(
    (candidate) => candidate && isLinkLike(candidate),
  );
  if (other) return { kind: 'link', url: other };
  return { kind: 'none' };
}

/** A paste into a text field is typing, not adding an image (unless it is an image). */
export function pasteTarget(target: EventTarget | null): 'text-field' | 'elsewhere' {
  const element = target as HTMLElement | null;
  if (!element) return 'elsewhere';
  const tag = element.tagName;
  return tag === 'TEXTAREA' ||
    (tag === 'INPUT' && (element as HTMLInputElement).type !== 'file') ||
    element.isContentEditable
    ? 'text-field'
    : 'elsewhere';
}
