// Generate: what to make on the left, how to make it on the right, cost and submit at the bottom.
// Ctrl/Cmd+Enter submits from anywhere in the form.
import { useEffect, useRef, useState } from 'react';
import { MODELS } from '../../../shared/domain/models';
import { Segmented } from '../../components/Segmented';
import { useTranslation } from '../../i18n/use-translation';
import { asContractError, serverFieldErrors } from '../../lib/errors';
import { useApp } from '../../state/app';
import { readyAudio, useAudio } from '../../state/audio';
import { createWithSpendChecks } from '../../state/budget';
import { afterSend } from '../../state/continuation-target';
import { toParamsInput, useGenerate } from '../../state/generate';
import { switchGenerateMode } from '../../state/generate-draft';
import { useToasts } from '../../state/toasts';
import { ActiveStrip } from './ActiveStrip';
import { AudioSource } from './AudioSource';
import { estimateFor, isRefusedImage } from './estimate';
import type { FieldName } from './field-errors';
import { GenerateTools } from './GenerateTools';
import { HoldToggle } from './HoldToggle';
import { ImageSource } from './ImageSource';
import { readyImages, useImages } from './image-store';
import { LineageNote } from './LineageNote';
import { ModelPicker } from './ModelPicker';
import { OutputOptions } from './OutputOptions';
import { PromptFields } from './PromptFields';
import { PromptTips } from './PromptTips';
import { SubmitBar } from './SubmitBar';
import { loadFormCheck, useFormCheck } from './use-form-check';

export function GenerateView() {
  const { t } = useTranslation();
  const form = useGenerate((state) => state.form);
  const touched = useGenerate((state) => state.touched);
  const attempted = useGenerate((state) => state.attempted);
  const remixToken = useGenerate((state) => state.remixToken);
  const lineage = useGenerate((state) => state.lineage);
  const { setAttempted } = useGenerate.getState();
  const [submitting, setSubmitting] = useState(false);
  const sending = useRef(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);

  // A remix lands here with every field filled: put the cursor in the prompt to tweak it.
  useEffect(() => {
    if (remixToken > 0) formRef.current?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }, [remixToken]);

  // Server errors describe the form as it was sent; any edit makes them stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every form change
  useEffect(() => {
    setServerErrors({});
    setSubmitError(null);
  }, [form]);

  const added = useImages((state) => state.images);
  const audio = useAudio((state) => state.audio);
  const takesAudio = MODELS[form.model].audio !== null;
  const imageToVideo = form.mode === 'image-to-video';
  // Refused images are shown (with why) but never sent, so they count for nothing.
  const images = added.filter((image) => !isRefusedImage(image));
  const estimate = estimateFor(form, added);
  const formCheck = useFormCheck();
  const imageCount = imageToVideo ? images.length : 0;
  const allErrors = formCheck ? formCheck(t, form, imageCount) : {};
  const visibleErrors: Partial<Record<FieldName, string>> = {};
  for (const [field, message] of Object.entries(allErrors) as [FieldName, string][]) {
    if (attempted || touched[field]) visibleErrors[field] = message;
  }
  for (const [field, message] of Object.entries(serverErrors)) visibleErrors[field as FieldName] ??= message;

  /**
   * One send at a time, from the first click on: `submitting` (state) is seen by a second click
   * only after a render, and the form check may still be loading (an await) before anything is
   * sent — a double click then went out twice, paid twice.
   */
  async function submit(): Promise<void> {
    if (sending.current) return;
    sending.current = true;
    setSubmitting(true); // busy at once, also while the check loads
    try {
      await send();
    } finally {
      sending.current = false;
      setSubmitting(false);
    }
  }

  async function send(): Promise<void> {
    setAttempted(true);
    let errors: Partial<Record<FieldName, string>>;
    try {
      errors = formCheck ? allErrors : (await loadFormCheck())(t, form, imageCount);
    } catch (error) {
      setSubmitError(error); // its code could not be loaded (the host restarting): nothing was sent
      return;
    }
    if (Object.keys(errors).length > 0) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    // Added images go by their ids (one video each); a link typed but not added goes as the link.
    const useImagesList = imageToVideo && images.length > 0;
    const ready = readyImages(images);
    if (useImagesList && ready.length !== images.length) {
      setSubmitError({ kind: 'invalid_image', message: t('images.notAllReady') });
      return;
    }
    // An added audio must be checked and usable before anything is sent.
    const audioReady = takesAudio ? readyAudio(audio) : null;
    if (takesAudio && audio && !audioReady) {
      setSubmitError({
        kind: 'invalid_audio',
        message: audio.error ?? audio.inspection?.message ?? t('audio.notReady'),
      });
      return;
    }
    try {
      const params = toParamsInput(form);
      if (useImagesList) delete params.imageUrl;
      const created = await createWithSpendChecks({
        params,
        count: form.count,
        seedMode: form.seedMode,
        projectId: form.projectId,
        ...(useImagesList ? { references: ready.map((image) => image.sha256 ?? '') } : {}),
        ...(audioReady?.sha256 ? { audio: audioReady.sha256 } : {}),
        ...(lineage ? { lineage } : {}),
      });
      if (!created) return; // the user chose not to pay
      void afterSend(
        lineage,
        created.map((record) => record.id),
      );
      // Sent once: what the user makes next from this form comes from nothing unless they say so.
      useGenerate.getState().setLineage(null);
      setAttempted(false);
      useToasts.getState().show({
        tone: 'success',
        title: t('generate.queued', { count: created.length }),
        detail: t('generate.queuedDetail'),
        action: { label: t('generate.openQueue'), run: () => useApp.getState().setView('queue') },
      });
    } catch (error) {
      const fields = serverFieldErrors(error);
      setServerErrors(fields);
      if (Object.keys(fields).length === 0 || asContractError(error).kind !== 'validation')
        setSubmitError(error);
    }
  }

  return (
    <form
      ref={formRef}
      className="generate"
      aria-label={t('generate.formLabel')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <div className="generate-main">
        <ModelPicker />
        <Segmented
          label={t('generate.mode')}
          hideLabel
          value={form.mode}
          options={[
            { value: 'text-to-video', label: t('generate.textToVideo') },
            { value: 'image-to-video', label: t('generate.imageToVideo') },
          ]}
          onChange={switchGenerateMode}
        />
        <GenerateTools />
        <LineageNote />
        {form.mode === 'image-to-video' ? <ImageSource error={visibleErrors.imageUrl} /> : null}
        <PromptFields errors={visibleErrors} />
        {takesAudio ? <AudioSource /> : null}
        <ActiveStrip />
        <PromptTips />
      </div>
      <aside className="generate-side" aria-label={t('generate.optionsLabel')}>
        <OutputOptions errors={visibleErrors} />
        <HoldToggle />
        <SubmitBar submitting={submitting} error={submitError} estimate={estimate} />
      </aside>
    </form>
  );
}
