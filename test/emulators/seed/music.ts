import { stable } from './titles';
import type { SeedTrack } from './world';

/**
 * The Plex music library: made-up artists, albums and tracks with durations. Music matching (a later
 * issue) must cope with several artists on one track ("A & B", "feat.") and with titles in Japanese and
 * Chinese, so the hand-written albums carry exactly those; bigger seeds add generated albums for volume.
 */

interface Album {
  artist: string;
  album: string;
  year: number;
  tracks: Array<[title: string, seconds: number, trackArtist?: string]>;
}

const albums: Album[] = [
  {
    artist: 'Mirror Lake',
    album: 'Harbour Lights',
    year: 2019,
    tracks: [['Harbour Lights', 241], ['Paper Boats', 198], ['Low Tide', 263], ['Northern Line', 305], ['Lanterns (Reprise)', 152]],
  },
  {
    artist: 'Aoi Kaneda',
    album: '月の歌',
    year: 2021,
    tracks: [['星屑のメロディ', 254], ['夜明け前', 231], ['Tsuki no Uta', 289], ['さよならの駅', 318, 'Aoi Kaneda & Mirror Lake']],
  },
  {
    artist: 'Lin Xiaoyu',
    album: '海边的灯塔',
    year: 2022,
    tracks: [['海边的灯塔', 276], ['Night Ferry', 223, 'Lin Xiaoyu feat. Aoi Kaneda'], ['夏天的风', 247]],
  },
  {
    artist: 'Hana Ito & The Night Owls',
    album: 'Night Ferry',
    year: 2024,
    tracks: [['Night Ferry', 212], ['Signal Fires', 187], ['Last Train Home', 344], ['Midnight Canal', 401]],
  },
];

const fillerArtists = ['The Velvet Circuit', 'Salt & Cedar', 'Kohaku', 'Echo Parish', 'Iron Meadow', 'Yoru no Kujira', 'Golden Ledger', 'Still Orchard'];
const fillerWords = ['Morning', 'Glass', 'River', 'Static', 'Ember', 'Paper', 'Neon', 'Quiet', 'Silver', 'Hollow', 'Window', 'Summer', 'Signal', 'Harbour', 'Lantern'];

function track(index: number, artist: string, album: string, year: number, trackNumber: number, title: string, seconds: number): SeedTrack {
  return { key: `track:${index}`, title, artist, album, year, trackNumber, durationMs: seconds * 1000 + (index % 7) * 37 };
}

export function buildTracks(fillerAlbums: number): SeedTrack[] {
  const tracks: SeedTrack[] = [];
  for (const album of albums) {
    album.tracks.forEach(([title, seconds, trackArtist], position) => tracks.push(track(tracks.length + 1, trackArtist ?? album.artist, album.album, album.year, position + 1, title, seconds)));
  }
  for (let a = 0; a < fillerAlbums; a++) {
    const key = `album${a}`;
    const artist = fillerArtists[a % fillerArtists.length] ?? 'Kohaku';
    const album = `${fillerWords[stable(key, 'w1', fillerWords.length)]} ${fillerWords[stable(key, 'w2', fillerWords.length)]}${a >= fillerArtists.length ? ` ${Math.floor(a / fillerArtists.length) + 1}` : ''}`;
    const count = 8 + stable(key, 'count', 6);
    for (let t = 0; t < count; t++) {
      const title = `${fillerWords[stable(key, `t${t}a`, fillerWords.length)]} ${fillerWords[stable(key, `t${t}b`, fillerWords.length)]}`;
      tracks.push(track(tracks.length + 1, artist, album, 2000 + stable(key, 'year', 26), t + 1, title, 150 + stable(key, `t${t}len`, 270)));
    }
  }
  return tracks;
}

/** Landmarks for music matching tests, as track keys (stable: the hand-written albums come first). */
export function musicLandmarks(tracks: SeedTrack[]): Record<string, string> {
  const find = (predicate: (track: SeedTrack) => boolean, what: string) => {
    const found = tracks.find(predicate);
    if (!found) throw new Error(`music landmark missing: ${what}`);
    return found.key;
  };
  return {
    'music:multiArtist': find((t) => t.artist === 'Aoi Kaneda & Mirror Lake', 'an "A & B" track'),
    'music:featuring': find((t) => t.artist.includes(' feat. '), 'a "feat." track'),
    'music:bandWithAmpersand': find((t) => t.artist === 'Hana Ito & The Night Owls', 'a band name with "&"'),
    'music:japanese': find((t) => t.title === '星屑のメロディ', 'a Japanese title'),
    'music:chinese': find((t) => t.title === '海边的灯塔', 'a Chinese title'),
  };
}
