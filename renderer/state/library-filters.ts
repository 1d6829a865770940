// The library's filters as the toolbar edits them, and the query they make. Pure.
import type { LibraryQuery } from '../../shared/contract/contract';
import type { ModelId } from '../../shared/domain/models';
import type { AspectRatio, Duration, Resolution } from '../../shared/domain/params';
import type { SortKey } from '../../shared/domain/records';
import type { GenerationState } from '../../shared/domain/states';

export interface LibraryFilters {
  text: string;
  /** undefined: every project; null: generations outside any project. */
  projectId: string | null | undefined;
  state: GenerationState | 'any';
  resolution: Resolution | undefined;
  duration: Duration | undefined;
  aspectRatio: AspectRatio | undefined;
  model: ModelId | undefined;
  favouriteOnly: boolean;
  tag: string | undefined;
  createdFrom: number | undefined;
  createdTo: number | undefined;
  sort: SortKey;
}

export const DEFAULT_FILTERS: LibraryFilters = {
  text: '',
  projectId: undefined,
  state: 'done',
  resolution: undefined,
  duration: undefined,
  aspectRatio: undefined,
  model: undefined,
  favouriteOnly: false,
  tag: undefined,
  createdFrom: undefined,
  createdTo: undefined,
  sort: 'created_desc',
};

/** Filters that narrow the results (not the search text, the project or the order). */
const NARROWING_FILTERS = [
  'state',
  'resolution',
  'duration',
  'aspectRatio',
  'model',
  'favouriteOnly',
  'tag',
  'createdFrom',
  'createdTo',
] as const satisfies readonly (keyof LibraryFilters)[];

export function activeFilterCount(filters: LibraryFilters): number {
  return NARROWING_FILTERS.filter((key) => filters[key] !== DEFAULT_FILTERS[key]).length;
}

export function toQuery(filters: LibraryFilters): LibraryQuery {
  const query: LibraryQuery = { sort: filters.sort };
  const text = filters.text.trim();
  if (text) query.text = text;
  if (filters.projectId !== undefined) query.projectId = filters.projectId;
  if (filters.state !== 'any') query.states = [filters.state];
  if (filters.resolution) query.resolution = filters.resolution;
  if (filters.duration) query.duration = filters.duration;
  if (filters.aspectRatio) query.aspectRatio = filters.aspectRatio;
  if (filters.model) query.model = filters.model;
  if (filters.favouriteOnly) query.favourite = true;
  if (filters.tag) query.tag = filters.tag;
  if (filters.createdFrom !== undefined) query.createdFrom = filters.createdFrom;
  if (filters.createdTo !== undefined) query.createdTo = filters.createdTo;
  return query;
}
