// How the UI words a refusal: a reason code it knows is said in the UI language, and outside
// English the core's own (English) sentence is never a line of its own.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import ru from '../../renderer/i18n/ru.json';
import { describeError } from '../../renderer/lib/errors';
import { ERROR_REASONS } from '../../shared/domain/error-reasons';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: 'en',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

describe('describeError', () => {
  it('translates every reason code in both languages', () => {
    for (const language of ['en', 'ru'] as const) {
      const t = i18n.getFixedT(language);
      for (const reason of ERROR_REASONS) {
        const text = describeError(t, { kind: 'invalid_request', message: 'x', reason }, language);
        expect(text.action, `${language} ${reason}`).not.toBe(`errorReasons.${reason}`);
        expect(text.action, `${language} ${reason}`).not.toBe(t('errors.invalid_request.action'));
      }
    }
  });

  it('fills the reason’s values and keeps the English sentence out of the Russian lines', () => {
    const error = {
      kind: 'invalid_request' as const,
      message: '"videos/a.mp4" is a relative path; Wan Studio needs the full path.',
      reason: 'relative_path' as const,
      params: { path: 'videos/a.mp4' },
    };
    const russian = describeError(i18n.getFixedT('ru'), error, 'ru');
    expect(russian.action).toBe(
      '«videos/a.mp4» — относительный путь. Укажите полный путь — от диска или от /.',
    );
    expect(russian.detailReadable).toBe(false);
    expect(russian.detail).toBe(error.message); // still there, for "technical details"
  });

  it('shows the core’s sentence inline only in English and only without a translated reason', () => {
    const plain = { kind: 'storage' as const, message: 'The disk said no.' };
    expect(describeError(i18n.getFixedT('en'), plain, 'en').detailReadable).toBe(true);
    expect(describeError(i18n.getFixedT('ru'), plain, 'ru').detailReadable).toBe(false);
    const noKey = {
      kind: 'invalid_key' as const,
      message: 'No APIXO API key is set.',
      reason: 'no_key' as const,
    };
    const text = describeError(i18n.getFixedT('en'), noKey, 'en');
    expect(text.title).toBe('No API key');
    expect(text.action).not.toMatch(/did not accept/);
    expect(text.detailReadable).toBe(false);
  });
});
