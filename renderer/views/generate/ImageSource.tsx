// The reference image(s) for image-to-video, from anything a person can give: files dropped here
// or anywhere on the window, images dragged out of a web page (their http(s) address is used as
// it is), a pasted image or link (Ctrl/Cmd+V), a typed link, or the file picker. Each is checked by
// main and shown with a preview; several images make a batch of one video each.

import { useEffect, useRef, useState } from 'react';
import { MODELS } from '../../../shared/domain/models';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { LinkInput } from '../../components/LinkInput';
import { useTranslation } from '../../i18n/use-translation';
import { linkError } from '../../lib/link-message';
import { fileLimitText } from '../../lib/send-files';
import { useApp } from '../../state/app';
import { useAudio } from '../../state/audio';
import { useGenerate } from '../../state/generate';
import { ImageCard } from './ImageCard';
import { type ImageInput, pasteTarget, readImageInput } from './image-inputs';
import { needsHosting, useImages } from './image-store';

const isAudio = (file: File) => /^audio\//.test(file.type) || /\.(wav|mp3)$/i.test(file.name);

function take(input: ImageInput): boolean {
  const { addFiles, addLink } = useImages.getState();
  if (input.kind === 'files') {
    // An audio file dropped anywhere goes to the audio input when the model takes audio.
    const audio = MODELS[useGenerate.getState().form.model].audio ? input.files.find(isAudio) : undefined;
    if (audio) void useAudio.getState().addFile(audio);
    const images = input.files.filter((file) => file !== audio);
    if (images.length > 0) void addFiles(images);
  } else if (input.kind === 'link') void addLink(input.url);
  return input.kind !== 'none';
}

/** The whole window accepts drops and pastes while image-to-video is open. */
function useWindowInputs(onDragging: (dragging: boolean) => void): void {
  useEffect(() => {
    const over = (event: globalThis.DragEvent) => {
      event.preventDefault(); // without this the browser would navigate to the dropped file
      onDragging(true);
    };
    const leave = (event: globalThis.DragEvent) => {
      if (event.relatedTarget === null) onDragging(false);
    };
    const drop = (event: globalThis.DragEvent) => {
      event.preventDefault();
      onDragging(false);
      take(readImageInput(event.dataTransfer));
    };
    const paste = (event: ClipboardEvent) => {
      const input = readImageInput(event.clipboardData);
      // Text pasted into a text field is typing; an image pasted anywhere is an image.
      if (input.kind === 'none' || (input.kind === 'link' && pasteTarget(event.target) === 'text-field'))
        return;
      event.preventDefault();
      take(input);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('paste', paste);
    };
  }, [onDragging]);
}

function HostingHint() {
  const { t } = useTranslation();
  const images = useImages((state) => state.images);
  const hosting = useImages((state) => state.hosting);
  const refresh = useImages((state) => state.refreshHosting);
  const demo = useApp((state) => state.info?.demoMode);
  const hasImages = images.length > 0;
  useEffect(() => {
    if (hasImages) void refresh();
  }, [hasImages, refresh]);
  if (!needsHosting(images) || !hosting || hosting.ready) return null;
  if (demo) {
    return (
      <p className="hint" data-testid="demo-local-images">
        {t('images.demoLocal')}
      </p>
    );
  }
  return (
    <div className="notice notice-warning" role="note" data-testid="hosting-needed">
      <Icon name="alert" size={18} className="notice-icon" />
      <div className="notice-text">
        <strong>{t('images.hostingNeeded')}</strong>
        <span>{t('images.hostingNeededExplain')}</span>
        <span className="notice-actions">
          <Button size="sm" tone="primary" onClick={() => useApp.getState().setView('settings')}>
            {t('images.setUpHosting')}
          </Button>
          <span className="hint">{t('images.orUseLink')}</span>
        </span>
      </div>
    </div>
  );
}

export function ImageSource({ error }: { error: string | undefined }) {
  const { t } = useTranslation();
  const imageUrl = useGenerate((state) => state.form.imageUrl);
  const { update, touch } = useGenerate.getState();
  const images = useImages((state) => state.images);
  const [dragging, setDragging] = useState(false);
  // Why the link just tried cannot be used; cleared as soon as the user edits it.
  const [linkProblem, setLinkProblem] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);
  useWindowInputs(setDragging);

  /** A link typed or pasted into the field is checked at once, so its preview shows. */
  function addTypedLink(): void {
    const url = imageUrl.trim();
    const problem = linkError(t, url, 'image');
    setLinkProblem(problem);
    if (problem || !url) return;
    void useImages.getState().addLink(url);
    update({ imageUrl: '' });
  }

  return (
    // Drops land on the window listener above, so the whole window is a drop target.
    <div
      className={dragging ? 'drop-zone drop-zone-images is-dragging' : 'drop-zone drop-zone-images'}
      data-testid="image-drop"
    >
      <div className="drop-visual" aria-hidden="true">
        <Icon name="image" size={22} />
      </div>
      <div className="drop-body">
        <div className="drop-actions">
          <Button size="sm" icon="upload" onClick={() => fileInput.current?.click()}>
            {t('images.choose')}
          </Button>
          <span className="drop-caption">
            {t('images.dropHere')} {t('files.imageLimit', { limit: fileLimitText('image') })}
          </span>
          <input
            ref={fileInput}
            type="file"
            accept="image/*,.heic,.heif,.avif"
            multiple
            hidden
            data-testid="image-file-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length > 0) void useImages.getState().addFiles(files);
            }}
          />
        </div>
        {images.length > 0 ? (
          <ul className="image-list" aria-label={t('images.added', { count: images.length })}>
            {images.map((image) => (
              <ImageCard key={image.key} image={image} />
            ))}
          </ul>
        ) : null}
        {images.length > 1 ? <p className="hint">{t('images.batchHint', { count: images.length })}</p> : null}
        <HostingHint />
        <Field
          label={images.length > 0 ? t('images.addLink') : t('generate.imageUrl')}
          error={linkProblem ?? (images.length > 0 ? undefined : error)}
          hint={t('images.linkHint')}
        >
          {(control) => (
            <LinkInput
              control={control}
              value={imageUrl}
              placeholder="https://example.com/still.jpg"
              onChange={(value) => {
                setLinkProblem(undefined);
                update({ imageUrl: value });
              }}
              onBlur={() => touch('imageUrl')}
              onAdd={addTypedLink}
              addLabel={t('images.check')}
              testId="image-url"
            />
          )}
        </Field>
      </div>
    </div>
  );
}
