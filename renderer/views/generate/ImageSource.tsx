// The reference image for image-to-video: a public http(s) URL, typed or dropped. Dragging an image
// out of a web page carries its URL; a file from disk has no public URL, so we say so plainly.
// (No preview: the CSP allows images only from our own origin, and fetching a stranger's URL from
// the UI would leak the user's IP for an image they may not have meant to load.)
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useGenerate } from '../../state/generate';

function urlFromDrop(data: DataTransfer): string | null {
  const uriList = data.getData('text/uri-list');
  const fromList = uriList
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('#'));
  if (fromList) return fromList;
  const html = data.getData('text/html');
  if (html) {
    const img = new DOMParser().parseFromString(html, 'text/html').querySelector('img[src]');
    const src = img?.getAttribute('src');
    if (src) return src;
  }
  const text = data.getData('text/plain').trim();
  return /^https?:\/\//i.test(text) ? text : null;
}

export function ImageSource({ error }: { error: string | undefined }) {
  const { t } = useTranslation();
  const imageUrl = useGenerate((state) => state.form.imageUrl);
  const { update, touch } = useGenerate.getState();
  const [dragging, setDragging] = useState(false);
  const [dropMessage, setDropMessage] = useState<string | null>(null);

  function onDrop(event: DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setDragging(false);
    const url = urlFromDrop(event.dataTransfer);
    if (url && /^https?:/i.test(url)) {
      update({ imageUrl: url });
      touch('imageUrl');
      setDropMessage(null);
    } else if (event.dataTransfer.files.length > 0) {
      setDropMessage(t('generate.localFileNotYet'));
    } else {
      setDropMessage(t('generate.dropNoUrl'));
    }
  }

  let host: string | null = null;
  try {
    host = imageUrl ? new URL(imageUrl).host : null;
  } catch {
    host = null;
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for mouse drags; the URL field inside is the keyboard path
    <div
      className={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="image-drop"
    >
      <div className="drop-visual" aria-hidden="true">
        <Icon name="image" size={22} />
      </div>
      <div className="drop-body">
        <Field label={t('generate.imageUrl')} error={error} hint={t('generate.imageHint')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="url"
              inputMode="url"
              placeholder="https://example.com/still.jpg"
              value={imageUrl}
              onChange={(event) => update({ imageUrl: event.target.value })}
              onBlur={() => touch('imageUrl')}
            />
          )}
        </Field>
        <p className="drop-caption">{host ? t('generate.imageFrom', { host }) : t('generate.dropHere')}</p>
        {dropMessage ? (
          <p className="notice notice-info notice-compact" role="status">
            <Icon name="info" size={16} className="notice-icon" />
            <span className="notice-text">{dropMessage}</span>
          </p>
        ) : null}
      </div>
    </div>
  );
}
