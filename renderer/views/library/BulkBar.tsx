// What to do with a selection of two or more videos: favourite, rate, tag, move to a project,
// export, compare, delete. Every control is a labelled native control, so the keyboard reaches all.
import { useEffect, useState } from 'react';
import { MAX_SELECTION } from '../../../shared/contract/selection-limit';
import { Button, IconButton } from '../../components/Button';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
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
  const unloadedSet = useSelection((state) => state.unloaded);
  const cappedTotal = useSelection((state) => state.cappedTotal);
  const atLimit = useSelection((state) => state.atLimit);
  const clear = useSelection((state) => state.clear);
  const projects = useProjects((state) => state.projects);
  const [tag, setTag] = useState('');
  const sequences = useSequences((state) => state.list);
  const count = selected.size + unloadedSet.size;
  const shown = count >= 2;
  useEffect(() => {
    // The menu offers the sequences as they are now (another tab may have made one).
    if (shown) void useSequences.getState().refresh();
  }, [shown]);
  if (!shown) return null;
  const records = [...selected.values()];
  const unloaded = [...unloadedSet];
  const ids = [...selected.keys(), ...unloaded];
  // Matches never loaded are not known to be favourites: then the button favourites them all.
  const allFavourite = unloaded.length === 0 && records.every((record) => record.favourite);
  const comparable = unloaded.length === 0 ? records.filter((record) => record.video) : [];

  return (
    <section className="bulk-bar" aria-label={t('bulk.label')} data-testid="bulk-bar">
      <strong className="bulk-count" aria-live="polite">
        {t('bulk.selected', { count, n: formatNumber(count) })}
      </strong>
      {cappedTotal !== null ? (
        <span className="bulk-capped" role="status" data-testid="bulk-capped">
          {t('bulk.capped', {
            shown: formatNumber(count),
            total: `${formatNumber(cappedTotal.count)}${cappedTotal.atLeast ? '+' : ''}`,
          })}
        </span>
      ) : atLimit ? (
        <span className="bulk-capped" role="status" data-testid="bulk-at-limit">
          {t('bulk.atLimit', { max: formatNumber(MAX_SELECTION) })}
        </span>
      ) : null}
      <Button size="sm" icon="star" onClick={() => void favouriteRecords(ids, !allFavourite)}>
        {allFavourite ? t('bulk.unfavourite') : t('bulk.favourite')}
      </Button>
      <ActionMenu
        label={t('bulk.rate')}
        options={[5, 4, 3, 2, 1, 0].map((n) => ({
          value: String(n),
          label: n === 0 ? t('bulk.noRating') : '★'.repeat(n),
        }))}
        onPick={(value) => void rateRecords(ids, Number(value))}
      />
      <form
        className="bulk-field bulk-tag"
        onSubmit={(event) => {
          event.preventDefault();
          void tagRecords(ids, tag).then(() => setTag(''));
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
        onPick={(value) => void moveRecords(records, value === NO_PROJECT ? null : value, unloaded)}
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
      <Button size="sm" icon="download" onClick={() => void exportToFolder(records, unloaded)}>
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
      <Button size="sm" tone="danger" icon="trash" onClick={() => void trashRecords(records, unloaded)}>
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
