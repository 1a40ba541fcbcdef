import type { Migration } from './migration';

/**
 * The sync engine's state (issue 6, DESIGN §4-5). Kept apart from migration 003's list_snapshots, which is a
 * read cache of what a service answered: these tables are what the merge compares and what undo relies on.
 *
 * - sync_entries: the latest read of each list, keyed by title (a plan compares it with the bases).
 * - sync_bases: the state agreed at the last sync, per list and title: the "base" of the 3-way merge.
 * - sync_runs / sync_journal: every write of a run with its before and after values, recorded BEFORE it is
 *   sent and marked done after, so a killed process resumes without duplicating or losing a write, and a
 *   run or one title can be undone.
 * - sync_list_backups: a whole list as it was before a run's first write to it, to restore it whole.
 * - sync_outbox: local edits and writes that could not be sent, one row per list, title and field (newer
 *   values replace older ones), with the backoff of a failing item.
 * - sync_conflict_answers: the person's choice for a conflict the rules left open.
 *
 * Times are ISO 8601 text like migration 005 (a person reads them in the run history; they compare as text
 * because every writer uses the same format). JSON columns are written and read back through schemas by
 * main/sync/store only. What belongs to an account (its read, bases, queued writes, answers) goes with the
 * account; history (runs, journal, list backups) stays after an account is disconnected.
 */
export const migration006Sync: Migration = {
  version: 6,
  name: 'sync entries, bases, runs, journal, list backups, outbox and conflict answers',
  up(db) {
    db.exec(`
      CREATE TABLE sync_entries (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('anime', 'manga', 'video')),
        -- e.g. 'anime:anilist:1', 'show:tvdb:81797' (main/sync/model.ts TitleKey).
        title_key  TEXT NOT NULL,
        title      TEXT NOT NULL,
        -- SideState as JSON.
        state      TEXT NOT NULL,
        -- The service's address of the entry (opaque to everything but the side), JSON; 'null' when none.
        target     TEXT NOT NULL DEFAULT 'null',
        read_at    TEXT NOT NULL,
        PRIMARY KEY (account_id, kind, title_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_runs (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('sync', 'undo', 'restore', 'outbox')),
        status      TEXT NOT NULL CHECK (status IN ('planned', 'running', 'done', 'partial', 'failed', 'interrupted', 'cancelled')),
        dry_run     INTEGER NOT NULL DEFAULT 0 CHECK (dry_run IN (0, 1)),
        -- The SyncPlan executed (the writes approved), JSON: what the preview showed is what ran.
        plan        TEXT NOT NULL,
        -- Counts and messages at the end, JSON object; NULL while the run is not finished.
        summary     TEXT,
        -- The run an undo reverses; kept when that run is pruned, as a dangling id is still a fact worth showing.
        undo_of     TEXT,
        started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        finished_at TEXT
      ) STRICT;
      CREATE INDEX sync_runs_by_start ON sync_runs (started_at DESC, id DESC);
      -- Startup looks for runs left 'running' by a killed process.
      CREATE INDEX sync_runs_by_status ON sync_runs (status);

      CREATE TABLE sync_bases (
        account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('anime', 'manga', 'video')),
        title_key  TEXT NOT NULL,
        -- SideState as JSON. A title absent from a list has no row (after a removal its row is deleted).
        state      TEXT NOT NULL,
        synced_at  TEXT NOT NULL,
        -- The run that agreed on this state; NULL when a plan found the sides already in step.
        run_id     TEXT REFERENCES sync_runs (id) ON DELETE SET NULL,
        PRIMARY KEY (account_id, kind, title_key)
      ) STRICT;

      CREATE TABLE sync_journal (
        -- Insertion order: the order writes were planned, which a resumed run and the history follow.
        id         INTEGER PRIMARY KEY,
        run_id     TEXT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
        -- Stable across re-plans of the same title (writeIdOf), so a resumed run finds its rows again.
        write_id   TEXT NOT NULL,
        -- The list written; no foreign key to accounts: the history outlives a disconnected account.
        account_id TEXT NOT NULL,
        service    TEXT NOT NULL CHECK (service IN ('anilist', 'mal', 'trakt', 'plex')),
        kind       TEXT NOT NULL CHECK (kind IN ('anime', 'manga', 'video')),
        scale      TEXT,
        title_key  TEXT NOT NULL,
        title      TEXT NOT NULL,
        op         TEXT NOT NULL CHECK (op IN ('create', 'update', 'remove')),
        target     TEXT NOT NULL DEFAULT 'null',
        -- The side's SideState before the write, JSON; NULL: the title was not on the list.
        before     TEXT,
        -- The values the write stores, field -> value, JSON.
        after      TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'done', 'failed', 'skipped', 'conflict')),
        -- WriteError as JSON when the write failed.
        error      TEXT,
        -- The side's state after the write, JSON ('null' after a removal); NULL until done.
        result     TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (run_id, write_id)
      ) STRICT;
      -- Resuming a run reads only what may not have landed.
      CREATE INDEX sync_journal_open ON sync_journal (run_id) WHERE state IN ('pending', 'sent');
      -- Undoing one title, and "what happened to this title" across runs.
      CREATE INDEX sync_journal_by_title ON sync_journal (account_id, kind, title_key);

      CREATE TABLE sync_list_backups (
        -- AUTOINCREMENT: an id the person was shown ("restore backup 12") never comes to mean another list.
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id      TEXT NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
        account_id  TEXT NOT NULL,
        service     TEXT NOT NULL CHECK (service IN ('anilist', 'mal', 'trakt', 'plex')),
        kind        TEXT NOT NULL CHECK (kind IN ('anime', 'manga', 'video')),
        scale       TEXT,
        taken_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        -- Repeated from entries so the list of backups never parses whole lists.
        entry_count INTEGER NOT NULL CHECK (entry_count >= 0),
        -- SideEntry[] as JSON.
        entries     TEXT NOT NULL,
        -- One backup per list and run: the list before the run's FIRST write to it.
        UNIQUE (run_id, account_id, kind)
      ) STRICT;
      CREATE INDEX sync_list_backups_by_account ON sync_list_backups (account_id, taken_at DESC);

      CREATE TABLE sync_outbox (
        -- AUTOINCREMENT: ids are never reused, so a sender reporting an old item sent cannot delete the newer
        -- value that replaced it (a replacement is a new row, and a plain rowid would hand it the old id back).
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id      TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        service         TEXT NOT NULL CHECK (service IN ('anilist', 'mal', 'trakt', 'plex')),
        kind            TEXT NOT NULL CHECK (kind IN ('anime', 'manga', 'video')),
        scale           TEXT,
        title_key       TEXT NOT NULL,
        title           TEXT NOT NULL,
        field           TEXT NOT NULL CHECK (field IN ('status', 'progress', 'progressVolumes', 'score', 'startedAt', 'completedAt', 'repeat', 'notes', 'private', 'watched', 'watchlisted')),
        -- The value to store, JSON (scores on 0-100 as everywhere in the engine).
        value           TEXT NOT NULL,
        target          TEXT NOT NULL DEFAULT 'null',
        -- 'edit': the person changed it here (library +1, status); 'sync': a run's write that could not be sent.
        origin          TEXT NOT NULL CHECK (origin IN ('edit', 'sync')),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        -- WriteError as JSON, from the last failed attempt.
        last_error      TEXT,
        -- 1: failed, waiting for next_attempt_at; 0: due whenever the service is reachable.
        set_aside       INTEGER NOT NULL DEFAULT 0 CHECK (set_aside IN (0, 1)),
        -- Coalescing: one value per list, title and field; a newer one replaces the older.
        UNIQUE (account_id, kind, title_key, field)
      ) STRICT;
      CREATE INDEX sync_outbox_due ON sync_outbox (set_aside, next_attempt_at);

      CREATE TABLE sync_conflict_answers (
        -- Conflict.id from the plan: stable for one title and field, so the answer applies to the next plan.
        conflict_id TEXT PRIMARY KEY,
        -- The account whose value wins.
        account_id  TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `);
  },
};
