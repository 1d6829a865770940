// Versioned schema. Each entry moves the database from version i to i+1 (PRAGMA user_version).
// Append only: a released migration is never edited, because libraries already ran it.
import type { Database } from 'better-sqlite3';
import { createCountTables } from './count-tables';
import { createCreatedOrderTracking } from './created-order';
import { createSearchTerms } from './search-terms';
import { createSpendLedger } from './spend-ledger';

export interface Migration {
  /** Says what the step does, for the error message when it fails. */
  name: string;
  up(db: Database): void;
  /**
   * Whether the step's changes are in the database already. Only the steps a merge once reordered
   * have it (see `migrate`): libraries exist at both orders, so their version number alone cannot
   * say which of these steps they ran.
   */
  applied?(db: Database): boolean;
}

function hasColumn(db: Database, table: string, column: string): boolean {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).some((row) => row.name === column);
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'base tables',
    up(db) {
      db.exec(`
        CREATE TABLE projects (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL COLLATE NOCASE UNIQUE,
          created_at INTEGER NOT NULL
        ) STRICT;

        -- seq is the rowid alias: an explicit INTEGER PRIMARY KEY survives VACUUM, so the FTS
        -- table can key on it.
        CREATE TABLE generations (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          project_id TEXT REFERENCES projects(id) ON DELETE SET NULL,
          batch_id TEXT,
          model TEXT NOT NULL,
          backend TEXT NOT NULL DEFAULT 'apixo',
          mode TEXT NOT NULL,
          prompt TEXT NOT NULL,
          negative_prompt TEXT,
          resolution TEXT NOT NULL,
          duration INTEGER NOT NULL,
          aspect_ratio TEXT,
          image_url TEXT,
          seed INTEGER,
          prompt_expansion INTEGER NOT NULL,
          provider TEXT NOT NULL,
          request_type TEXT NOT NULL,
          state TEXT NOT NULL,
          task_id TEXT,
          fail_code TEXT,
          fail_msg TEXT,
          error_kind TEXT,
          error_message TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          submitted_at INTEGER,
          completed_at INTEGER,
          remote_create_time INTEGER,
          remote_complete_time INTEGER,
          cost_time_ms INTEGER,
          estimated_cost_usd REAL NOT NULL,
          result_url TEXT,
          next_check_at INTEGER,
          poll_count INTEGER NOT NULL DEFAULT 0,
          reference_image_path TEXT,
          favourite INTEGER NOT NULL DEFAULT 0,
          rating INTEGER NOT NULL DEFAULT 0,
          notes TEXT NOT NULL DEFAULT '',
          deleted_at INTEGER
        ) STRICT;

        CREATE TABLE generation_events (
          id INTEGER PRIMARY KEY,
          generation_id TEXT NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
          from_state TEXT,
          to_state TEXT NOT NULL,
          at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX generation_events_by_generation ON generation_events(generation_id, id);

        CREATE TABLE videos (
          id TEXT PRIMARY KEY,
          generation_id TEXT UNIQUE REFERENCES generations(id) ON DELETE CASCADE,
          rel_path TEXT NOT NULL UNIQUE,
          bytes INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          width INTEGER,
          height INTEGER,
          duration_ms INTEGER,
          poster_rel_path TEXT,
          created_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX videos_sha256 ON videos(sha256);

        CREATE TABLE tags (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL COLLATE NOCASE UNIQUE
        ) STRICT;

        CREATE TABLE generation_tags (
          generation_id TEXT NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
          tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
          PRIMARY KEY (generation_id, tag_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX generation_tags_by_tag ON generation_tags(tag_id, generation_id);

        CREATE TABLE partial_downloads (
          generation_id TEXT PRIMARY KEY REFERENCES generations(id) ON DELETE CASCADE,
          url TEXT NOT NULL,
          part_rel_path TEXT NOT NULL,
          bytes_done INTEGER NOT NULL,
          total_bytes INTEGER,
          etag TEXT,
          last_modified TEXT,
          updated_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;

        -- Lookups outside the grid. The grid's own indexes come in migration 3.
        CREATE INDEX generations_cost_time ON generations(backend, resolution, duration, completed_at)
          WHERE state = 'done' AND cost_time_ms IS NOT NULL;
        CREATE INDEX generations_reference_image ON generations(reference_image_path)
          WHERE reference_image_path IS NOT NULL;
      `);
    },
  },
  {
    // Full-text search over prompt, negative prompt, notes and tags, keyed by generations.seq.
    // The store keeps it in sync (./search-index.ts); the last statement indexes the rows of a
    // library created at version 1.
    name: 'full-text search',
    up(db) {
      db.exec(`
        CREATE VIRTUAL TABLE generations_fts USING fts5(
          prompt, negative_prompt, notes, tags,
          tokenize = 'porter unicode61 remove_diacritics 2',
          prefix = '2 3'
        );
        INSERT INTO generations_fts(rowid, prompt, negative_prompt, notes, tags)
        SELECT g.seq, g.prompt, coalesce(g.negative_prompt, ''), g.notes,
          coalesce((SELECT group_concat(t.name, ' ') FROM generation_tags gt JOIN tags t ON t.id = gt.tag_id
                    WHERE gt.generation_id = g.id), '')
        FROM generations g;
      `);
    },
  },
  {
    // Indexes for the library grid: every sort walks one of these in order, so a keyset page reads
    // about `limit` entries instead of sorting the table. The tiebreak of every sort is seq, the
    // rowid, which each index holds implicitly. Partial on deleted_at IS NULL because
    // the grid almost always excludes the trash, and the trash is small enough to sort.
    name: 'library grid indexes',
    up(db) {
      db.exec(`
        CREATE INDEX generations_created ON generations(created_at) WHERE deleted_at IS NULL;
        CREATE INDEX generations_rating ON generations(rating, created_at) WHERE deleted_at IS NULL;
        CREATE INDEX generations_favourite ON generations(created_at) WHERE deleted_at IS NULL AND favourite = 1;
        CREATE INDEX generations_state ON generations(state, created_at) WHERE deleted_at IS NULL;
        -- Not partial: it also serves the foreign key when a project is deleted.
        CREATE INDEX generations_project ON generations(project_id, deleted_at, created_at);
        CREATE INDEX generations_trashed ON generations(deleted_at) WHERE deleted_at IS NOT NULL;
        -- Covers the low-cardinality filters so the total of a filtered page is counted from this
        -- index alone. The page query itself never walks it (see query.ts).
        CREATE INDEX generations_facets ON generations(resolution, duration, mode, aspect_ratio, favourite, created_at)
          WHERE deleted_at IS NULL;
      `);
    },
  },
  {
    // Image-to-video from local files: the reference images kept in the library (content-addressed,
    // so one copy per distinct image), the copies uploaded to the user's image hosting (one per
    // image and bucket location, with the presigned link and its expiry), and per generation where
    // its image link came from ('url': the user's public link; 'hosted': our upload) and until when
    // that link works.
    name: 'reference images and hosting',
    up(db) {
      db.exec(`
        CREATE TABLE reference_images (
          sha256 TEXT PRIMARY KEY,
          rel_path TEXT NOT NULL,
          name TEXT NOT NULL,
          source_url TEXT,
          converted_from TEXT,
          created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE hosted_objects (
          sha256 TEXT NOT NULL,
          location TEXT NOT NULL,
          url TEXT NOT NULL,
          expires_at INTEGER NOT NULL,
          uploaded_at INTEGER NOT NULL,
          deleted_at INTEGER,
          PRIMARY KEY (sha256, location)
        ) STRICT;

        ALTER TABLE generations ADD COLUMN image_source TEXT;
        ALTER TABLE generations ADD COLUMN image_url_expires_at INTEGER;
      `);
    },
  },
  {
    // Honest imports: which rows were generated here and which are MP4s imported from disk (and
    // under what file name). Earlier imports are recognised by where their file lives and the note
    // the importer wrote, which the file name now replaces. Also an index for a batch's variations.
    name: 'origin of each video',
    applied: (db) => hasColumn(db, 'generations', 'origin'),
    up(db) {
      db.exec(`
        ALTER TABLE generations ADD COLUMN origin TEXT NOT NULL DEFAULT 'generated';
        ALTER TABLE generations ADD COLUMN source_name TEXT;
        -- A batch's variations, opened together in Compare.
        CREATE INDEX generations_batch ON generations(batch_id) WHERE batch_id IS NOT NULL;
        UPDATE generations SET origin = 'imported',
          source_name = CASE WHEN notes LIKE 'Imported from %' THEN substr(notes, 15) ELSE prompt END,
          notes = CASE WHEN notes LIKE 'Imported from %' THEN '' ELSE notes END
        WHERE estimated_cost_usd = 0 AND task_id IS NULL
          AND id IN (SELECT generation_id FROM videos WHERE rel_path LIKE 'imported/%');
      `);
    },
  },
  {
    // Spend autopilot: why a `held` generation waits (JSON: staged, or the cap it would cross),
    // whether the user released it past the caps, and balance snapshots for reconciliation.
    name: 'holds and balance snapshots',
    applied: (db) => hasColumn(db, 'generations', 'hold_json'),
    up(db) {
      db.exec(`
        ALTER TABLE generations ADD COLUMN hold_json TEXT;
        ALTER TABLE generations ADD COLUMN budget_released INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX generations_submitted ON generations(submitted_at) WHERE submitted_at IS NOT NULL;

        CREATE TABLE balance_snapshots (
          id INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          usd REAL NOT NULL,
          backend TEXT NOT NULL,
          reason TEXT NOT NULL
        ) STRICT;
        CREATE INDEX balance_snapshots_at ON balance_snapshots(backend, at);
      `);
    },
  },
  {
    // wan-2-5-video's audio-driven generation: the audio link sent, the library copy of the audio
    // (content-addressed under references/, like images) and, for an uploaded copy, its link's
    // expiry. The model column existed from the start; it is now indexed for the model filter.
    name: 'reference audio',
    applied: (db) => hasColumn(db, 'generations', 'audio_url'),
    up(db) {
      db.exec(`
        ALTER TABLE generations ADD COLUMN audio_url TEXT;
        ALTER TABLE generations ADD COLUMN reference_audio_path TEXT;
        ALTER TABLE generations ADD COLUMN audio_source TEXT;
        ALTER TABLE generations ADD COLUMN audio_url_expires_at INTEGER;
        CREATE INDEX generations_model ON generations (model);
      `);
    },
  },
  {
    // Counts per project/state/trash and per tag, kept exact by triggers (./count-tables.ts).
    name: 'count tables',
    up: createCountTables,
  },
  {
    // Lineage (shared/domain/lineage.ts): which generation was made from which. The parent has no
    // foreign key on purpose: a purged parent leaves "made from a deleted video" behind.
    name: 'lineage links',
    up(db) {
      db.exec(`
        CREATE TABLE generation_links (
          child_id TEXT NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
          parent_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          frame_ms INTEGER,
          position INTEGER,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (child_id, parent_id, kind)
        ) STRICT;
        CREATE INDEX generation_links_parent ON generation_links (parent_id, created_at);
      `);
    },
  },
  {
    // Whether rows were created in rowid order, kept by triggers (./created-order.ts): text
    // searches then page through the FTS index in rowid order.
    name: 'created order',
    up: createCreatedOrderTracking,
  },
  {
    // Sequences (./sequences.ts): ordered clips with in/out trims. out_ms NULL plays to the end
    // (a clip still in progress has no length yet). A deleted project leaves its sequences
    // unassigned; a generation deleted for good leaves the sequences it was in.
    name: 'sequences',
    up(db) {
      db.exec(`
        CREATE TABLE sequences (
          id TEXT PRIMARY KEY,
          project_id TEXT REFERENCES projects(id) ON DELETE SET NULL,
          name TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX sequences_project ON sequences(project_id, updated_at);

        CREATE TABLE sequence_clips (
          sequence_id TEXT NOT NULL REFERENCES sequences(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          generation_id TEXT NOT NULL REFERENCES generations(id) ON DELETE CASCADE,
          in_ms INTEGER NOT NULL,
          out_ms INTEGER,
          PRIMARY KEY (sequence_id, position)
        ) STRICT;
        CREATE INDEX sequence_clips_generation ON sequence_clips(generation_id);
      `);
    },
  },
  {
    // Imports that brought their recipe (a Wan Studio export's metadata, or a sidecar next to the
    // file): 'embedded' or 'sidecar'; null for every other row.
    name: 'recipes of imported videos',
    up(db) {
      db.exec('ALTER TABLE generations ADD COLUMN recipe_source TEXT;');
    },
  },
  {
    // Hover-scrub: a sprite of frames across the clip (under .wanstudio/strips/), made once by the
    // UI like the poster. Null until made; a regenerated thumbnail replaces it.
    name: 'frame strips',
    up(db) {
      db.exec('ALTER TABLE videos ADD COLUMN strip_rel_path TEXT;');
    },
  },
  {
    // Every term of the search index, so a typed prefix of 4+ letters reads as an OR of its terms
    // (./search-terms.ts). Filling it reads the index once: about a second at a million rows.
    name: 'search terms',
    up: createSearchTerms,
  },
  {
    // Every send that may have cost money, apart from the generations (./spend-ledger.ts), filled
    // from them once.
    name: 'spend ledger',
    up: createSpendLedger,
  },
];
