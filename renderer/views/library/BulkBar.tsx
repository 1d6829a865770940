// What to do with a selection of two or more videos: favourite, rate, tag, move to a project,
// export, compare, delete. Every control is a labelled native control, so the keyboard reaches all.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../components/Button';
import {
  favouriteRecords,
  moveRecords,
  rateRecords,
  tagRecords,
  trashRecords,
} from '../../state/bulk-actions';
import { useCompare } from '../../state/compare';
import { useProjects } from '../../state/projects';
import { useSelection } from '../../state/selection';
import { appendToSequence, newSequenceFrom, useSequences } from '../../state/sequences';
import { exportToFolder } from './actions';

const NO_PROJECT = '__none__';
const NEW_SEQUENCE = '__new__';

export function BulkBar() {
  const { t } = useTranslation();
  const selected = useSelection((state) => state.selected);
  const clear = useSelection((state) => state.clear);
  const projects = useProjects((state) => state.projects);
  const [tag, setTag] = useState('');
  const sequences = useSequences((state) => state.list);
  const shown = selected.size >= 2;
  useEffect(() => {
    // The menu offers the sequences as they are now (another tab may have made one).
    if (shown) void useSequences.getState().refresh();
  }, [shown]);
  if (selected.size < 2) return null;
  const records = [...selected.values()];
  const allFavourite = records.every((record) => record.favourite);
  const comparable = records.filter((record) => record.video);

  return (
    <section className="bulk-bar" aria-label={t('bulk.label')} data-testid="bulk-bar">
      <strong className="bulk-count" aria-live="polite">
        {t('bulk.selected', { count: records.length })}
      </strong>
      <Button size="sm" icon="star" onClick={() => void favouriteRecords(records, !allFavourite)}>
        {allFavourite ? t('bulk.unfavourite') : t('bulk.favourite')}
      </Button>
      <ActionMenu
        label={t('bulk.rate')}
        options={[5, 4, 3, 2, 1, 0].map((n) => ({
          value: String(n),
          label: n === 0 ? t('bulk.noRating') : '★'.repeat(n),
        }))}
        onPick={(value) => void rateRecords(records, Number(value))}
      />
      <form
        className="bulk-field bulk-tag"
        onSubmit={(event) => {
          event.preventDefault();
          void tagRecords(records, tag).then(() => setTag(''));
        }}
      >
        <input
          className="input input-compact"
          value={tag}
          maxLength={64}
          placeholder={t('bulk.tagPlaceholder')}
          aria-label={t('bulk.tag')}
          onChange={(event) => setTag(event.target.value)}
        />
        <Button size="sm" type="submit" icon="tag" disabled={!tag.trim()}>
          {t('bulk.addTag')}
        </Button>
      </form>
      <ActionMenu
        label={t('bulk.moveTo')}
        options={[
          ...projects.map((project) => ({ value: project.id, label: project.name })),
          { value: NO_PROJECT, label: t('projects.none') },
        ]}
        onPick={(value) => void moveRecords(records, value === NO_PROJECT ? null : value)}
      />
      <ActionMenu
        label={t('sequences.addToSequence')}
        options={[
          { value: NEW_SEQUENCE, label: t('sequences.addToNew') },
          ...sequences.map((sequence) => ({ value: sequence.id, label: sequence.name })),
        ]}
        onPick={(value) => {
          void (value === NEW_SEQUENCE
            ? newSequenceFrom(comparable)
            : appendToSequence(
                value,
                comparable.map((record) => record.id),
              ));
        }}
      />
      <Button size="sm" icon="download" onClick={() => void exportToFolder(records)}>
        {t('library.export')}
      </Button>
      <Button
        size="sm"
        icon="play"
        disabled={comparable.length < 2 || comparable.length > 4}
        title={t('compare.hint')}
        onClick={() => useCompare.getState().open(comparable)}
      >
        {t('compare.open')}
      </Button>
      <Button size="sm" tone="danger" icon="trash" onClick={() => void trashRecords(records)}>
        {t('library.delete')}
      </Button>
      <IconButton icon="close" size="sm" aria-label={t('bulk.clear')} onClick={clear} />
    </section>
  );
}

/** A menu as a native select: its label shows as the first, unselectable entry; picking acts at once. */
function ActionMenu(props: {
  label: string;
  options: { value: string; label: string }[];
  onPick(value: string): void;
}) {
  return (
    <label className="bulk-field">
      <span className="visually-hidden">{props.label}</span>
      <select
        className="select select-compact"
        value=""
        onChange={(event) => props.onPick(event.target.value)}
      >
        <option value="" disabled>
          {props.label}
        </option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
