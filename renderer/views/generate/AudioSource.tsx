// The audio a wan-2-5-video clip is made to (speech, music): drop a file here, choose one, or give
// a link. Main judges it by its content (WAV/MP3, 3–30 s, at most 15 MB); this shows what main
// found, lets it be played, and warns when audio and clip differ in length.
import { useRef, useState } from 'react';
import { audioFit } from '../../../shared/domain/audio';
import { MODELS } from '../../../shared/domain/models';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { LinkInput } from '../../components/LinkInput';
import { useTranslation } from '../../i18n/use-translation';
import { formatBytes, formatSeconds } from '../../lib/format';
import { linkError } from '../../lib/link-message';
import { mediaUrl } from '../../lib/media';
import { fileLimitText } from '../../lib/send-files';
import { useApp } from '../../state/app';
import { type AddedAudio, useAudio } from '../../state/audio';
import { useGenerate } from '../../state/generate';

const isAudioFile = (file: File) => /^audio\//.test(file.type) || /\.(wav|mp3)$/i.test(file.name);

export function AudioSource() {
  const { t } = useTranslation();
  const model = useGenerate((state) => state.form.model);
  const audio = useAudio((state) => state.audio);
  const [link, setLink] = useState('');
  // Why the link just tried cannot be used; cleared as soon as the user edits it.
  const [linkProblem, setLinkProblem] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const rules = MODELS[model].audio;
  if (!rules) return null;

  function addLink(): void {
    const problem = linkError(t, link);
    setLinkProblem(problem);
    if (problem || !link.trim()) return;
    void useAudio.getState().addLink(link);
    setLink('');
  }

  return (
    // Drops here are audio; the window-wide drop (reference images) never sees them.
    <section
      className={dragging ? 'drop-zone drop-zone-images is-dragging' : 'drop-zone drop-zone-images'}
      aria-label={t('audio.label')}
      data-testid="audio-drop"
      onDragOver={(event) => {
        event.preventDefault();
        event.stopPropagation();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        event.stopPropagation();
        setDragging(false);
        const file = [...event.dataTransfer.files].find(isAudioFile) ?? event.dataTransfer.files[0];
        if (file) void useAudio.getState().addFile(file);
      }}
    >
      <div className="drop-visual" aria-hidden="true">
        <Icon name="audio" size={22} />
      </div>
      <div className="drop-body">
        <strong>{t('audio.title')}</strong>
        <p className="hint">
          {t('audio.rules', { min: rules.minSeconds, max: rules.maxSeconds, limit: fileLimitText('audio') })}
        </p>
        <div className="drop-actions">
          <Button
            size="sm"
            icon="upload"
            onClick={() => fileInput.current?.click()}
            data-testid="audio-choose"
          >
            {t('audio.choose')}
          </Button>
          <span className="drop-caption">{t('audio.dropHere')}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".wav,.mp3,audio/wav,audio/mpeg"
            hidden
            data-testid="audio-file-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void useAudio.getState().addFile(file);
            }}
          />
        </div>
        {audio ? <AudioCard audio={audio} /> : null}
        <Field label={t('audio.link')} hint={t('audio.linkHint')} error={linkProblem}>
          {(control) => (
            <LinkInput
              control={control}
              value={link}
              placeholder="https://example.com/voice.mp3"
              onChange={(value) => {
                setLinkProblem(undefined);
                setLink(value);
              }}
              onAdd={addLink}
              addLabel={t('images.check')}
              testId="audio-url"
            />
          )}
        </Field>
      </div>
    </section>
  );
}

function AudioCard({ audio }: { audio: AddedAudio }) {
  const { t } = useTranslation();
  const duration = useGenerate((state) => state.form.duration);
  const base = useApp((state) => state.info?.mediaBaseUrl);
  const inspection = audio.inspection;
  const status = audio.state === 'failed' ? 'refused' : (inspection?.status ?? 'checking');
  const fit = inspection?.durationMs != null ? audioFit(inspection.durationMs, duration) : 'fits';
  const src = mediaUrl(base, inspection?.relPath);
  return (
    <div className="image-card audio-card" data-status={status} data-testid="audio-card">
      <div className="image-thumb" aria-hidden="true">
        <Icon name="audio" size={26} />
      </div>
      <div className="image-info">
        <strong className="image-name">{inspection?.name ?? audio.label}</strong>
        {audio.state === 'checking' ? <span className="hint">{t('audio.checking')}</span> : null}
        {inspection?.status === 'ready' ? (
          <span className="hint" data-testid="audio-facts">
            {inspection.format.toUpperCase()} · {formatSeconds(inspection.durationMs ?? 0)} ·{' '}
            {formatBytes(inspection.bytes)}
          </span>
        ) : null}
        {audio.error || inspection?.message ? (
          <span className="field-error" role="alert" data-testid="audio-error">
            {audio.error ?? inspection?.message}
          </span>
        ) : null}
        {inspection?.status === 'ready' && fit !== 'fits' ? (
          <span className="hint audio-fit" data-testid="audio-fit">
            {t(`audio.fit.${fit}`, { clip: duration })}
          </span>
        ) : null}
        {src && inspection?.status === 'ready' ? (
          // biome-ignore lint/a11y/useMediaCaption: the user's own audio has no captions to offer
          <audio controls preload="metadata" src={src} className="audio-player" />
        ) : null}
      </div>
      <Button
        size="sm"
        tone="ghost"
        icon="close"
        onClick={() => useAudio.getState().clear()}
        data-testid="audio-remove"
      >
        {t('audio.remove')}
      </Button>
    </div>
  );
}
