import { describe, expect, it } from 'vitest';
import { clearConflictAnswer, loadConflictAnswers, saveConflictAnswer } from '../../../../../main/sync/store';
import { useSyncDatabase } from './support';

const open = useSyncDatabase();

describe('conflict answers', () => {
  it('keeps one answer per conflict, the latest, until cleared', () => {
    const { db } = open();
    expect(loadConflictAnswers(db)).toEqual(new Map());
    saveConflictAnswer(db, 'anime:anilist:1|score', 'anilist:1');
    saveConflictAnswer(db, 'anime:anilist:30|status', 'mal:2');
    saveConflictAnswer(db, 'anime:anilist:1|score', 'mal:2', '2026-11-22T08:00:00.000Z');
    expect(loadConflictAnswers(db)).toEqual(
      new Map([
        ['anime:anilist:1|score', 'mal:2'],
        ['anime:anilist:30|status', 'mal:2'],
      ]),
    );
    expect(db.prepare("SELECT answered_at FROM sync_conflict_answers WHERE conflict_id = 'anime:anilist:1|score'").get()).toEqual({ answered_at: '2026-11-22T08:00:00.000Z' });
    expect(clearConflictAnswer(db, 'anime:anilist:1|score')).toBe(true);
    expect(clearConflictAnswer(db, 'anime:anilist:1|score')).toBe(false);
    expect([...loadConflictAnswers(db).keys()]).toEqual(['anime:anilist:30|status']);
  });

  it('only names connected accounts, and forgets answers with the account', () => {
    const { db } = open();
    expect(() => saveConflictAnswer(db, 'c', 'trakt:9')).toThrow(/FOREIGN KEY/);
    saveConflictAnswer(db, 'c', 'mal:2');
    db.prepare("DELETE FROM accounts WHERE id = 'mal:2'").run();
    expect(loadConflictAnswers(db).size).toBe(0);
  });
});
