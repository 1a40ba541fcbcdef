import type { ListSide, SideEntry, SideRead, SideState, SkippedTitle, TitleInput, TitleKey, TitleSide } from '../model';

export interface SideWithRead {
  side: ListSide;
  read: SideRead;
  /** This list's last-synced states by title. */
  bases: ReadonlyMap<TitleKey, SideState>;
}

export interface GroupedTitles {
  titles: TitleInput[];
  skipped: SkippedTitle[];
}

/** A MAL title AniList does not know cannot be matched to anything else (mal-side.ts keys it `kind:mal:id`). */
function isUnkeyed(titleKey: TitleKey): boolean {
  return /:mal:\d+$/.test(titleKey);
}

/**
 * Every title any list of one kind holds (or held at the last sync), with each list's side of it: the entry
 * now, its base, and where a new entry would go. Lists of different kinds never meet (anime with anime).
 */
export function groupTitles(lists: readonly SideWithRead[]): GroupedTitles {
  const titles: TitleInput[] = [];
  const skipped: SkippedTitle[] = [];
  const byKind = new Map<string, SideWithRead[]>();
  for (const list of lists) byKind.set(list.side.ref.kind, [...(byKind.get(list.side.ref.kind) ?? []), list]);

  for (const [kind, kindLists] of byKind) {
    const entriesByList = kindLists.map((list) => new Map(list.read.entries.map((entry) => [entry.titleKey, entry])));
    const keys = new Set<TitleKey>();
    kindLists.forEach((list, index) => {
      for (const key of entriesByList[index]?.keys() ?? []) keys.add(key);
      for (const key of list.bases.keys()) keys.add(key);
    });

    for (const titleKey of [...keys].sort()) {
      const present = kindLists.flatMap((_, index) => {
        const entry = entriesByList[index]?.get(titleKey);
        return entry ? [entry] : [];
      });
      const title = present[0]?.title ?? titleKey;
      if (isUnkeyed(titleKey)) {
        for (const list of kindLists) {
          if (entriesByList[kindLists.indexOf(list)]?.has(titleKey)) skipped.push({ titleKey, title, side: list.side.ref, reason: 'No AniList id is known for this MyAnimeList title, so it cannot be matched on other services.' });
        }
        continue;
      }
      const sides: TitleSide[] = kindLists.map((list, index) => sideOf(list, entriesByList[index]?.get(titleKey), titleKey, present));
      if (sides.length > 1) titles.push({ titleKey, title, kind: kindLists[0]?.side.ref.kind ?? (kind as TitleInput['kind']), sides });
    }
  }
  return { titles, skipped };
}

function sideOf(list: SideWithRead, entry: SideEntry | undefined, titleKey: TitleKey, present: readonly SideEntry[]): TitleSide {
  const base = list.bases.get(titleKey) ?? null;
  if (entry) return { side: list.side.ref, current: entry.state, base, target: entry.target, carries: list.side.carries };
  const target = list.side.createTarget ? (list.side.createTarget(titleKey, present) ?? null) : null;
  return { side: list.side.ref, current: null, base, target, carries: list.side.carries };
}
