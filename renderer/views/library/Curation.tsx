// Favourite, rating, tags and notes for one generation. Each change is saved at once (notes when
// the field loses focus) and the store takes main's answer.
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import type { GenerationRecord } from '../../../shared/contract/contract';
import { IconButton } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useTranslation } from '../../i18n/use-translation';
import { useLibrary } from '../../state/library';
import { studio } from '../../studio';
import { applyCuration } from './actions';

export function RatingStars({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  return (
    <fieldset className="rating">
      <legend className="visually-hidden">{t('library.rating')}</legend>
      {[1, 2, 3, 4, 5].map((value) => (
        <button
          key={value}
          type="button"
          className={value <= record.rating ? 'rating-star is-on' : 'rating-star'}
          aria-label={t('library.rateAs', { count: value })}
          aria-pressed={value <= record.rating}
          onClick={() =>
            void applyCuration(() =>
              studio.library.setRating({ id: record.id, rating: record.rating === value ? 0 : value }),
            )
          }
        >
          <Icon name="star" size={16} />
        </button>
      ))}
    </fieldset>
  );
}

export function TagEditor({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const id = useId();
  const known = useLibrary((state) => state.tags);
  const [draft, setDraft] = useState('');

  function save(tags: string[]): void {
    void applyCuration(() => studio.library.setTags({ id: record.id, tags })).then(() =>
      useLibrary.getState().refreshTags(),
    );
  }

  function add(): void {
    const names = draft
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && !record.tags.includes(name));
    setDraft('');
    if (names.length > 0) save([...record.tags, ...names]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && record.tags.length > 0) {
      save(record.tags.slice(0, -1));
    }
  }

  return (
    <div className="tag-editor">
      <label htmlFor={id} className="field-label">
        {t('library.tags')}
      </label>
      <div className="tag-box">
        {record.tags.map((tag) => (
          <span key={tag} className="tag">
            <Icon name="tag" size={12} />
            {tag}
            <IconButton
              icon="close"
              size="sm"
              className="tag-remove"
              aria-label={t('library.removeTag', { tag })}
              onClick={() => save(record.tags.filter((name) => name !== tag))}
            />
          </span>
        ))}
        <input
          id={id}
          className="tag-input"
          value={draft}
          list={`${id}-known`}
          placeholder={record.tags.length === 0 ? t('library.addTagPlaceholder') : t('library.addTag')}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
          maxLength={64}
        />
        <datalist id={`${id}-known`}>
          {known.map((tag) => (
            <option key={tag.name} value={tag.name} />
          ))}
        </datalist>
      </div>
    </div>
  );
}

export function NotesField({ record }: { record: GenerationRecord }) {
  const { t } = useTranslation();
  const id = useId();
  const [notes, setNotes] = useState(record.notes);
  useEffect(() => setNotes(record.notes), [record.notes]);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('library.notes')}
      </label>
      <textarea
        id={id}
        className="textarea"
        rows={3}
        value={notes}
        maxLength={10_000}
        placeholder={t('library.notesPlaceholder')}
        onChange={(event) => setNotes(event.target.value)}
        onBlur={() => {
          if (notes !== record.notes)
            void applyCuration(() => studio.library.setNotes({ id: record.id, notes }));
        }}
      />
    </div>
  );
}
