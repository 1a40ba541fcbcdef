import { json } from '../common/http-types';
import type { ApiRoute } from './http';
import type { TraktState } from './state';

/** GET /sync/last_activities and GET /users/settings: the two calls the app makes before any sync. */
export function userRoutes(state: TraktState): ApiRoute[] {
  return [
    {
      method: 'GET',
      patterns: ['/sync/last_activities'],
      endpoint: 'GET /sync/last_activities',
      oauth: 'required',
      handle: () => ({ ...json(200, state.library.lastActivities()), endpoint: 'GET /sync/last_activities' }),
    },
    {
      method: 'GET',
      patterns: ['/users/settings'],
      endpoint: 'GET /users/settings',
      oauth: 'required',
      handle: () => ({ ...json(200, settings(state)), endpoint: 'GET /users/settings' }),
    },
  ];
}

/**
 * The spec's shape, with the account limits the 2026 policy says to read from here instead of hard-coding
 * (free: watchlist 250, lists 5 of 250 items; VIP: 5,000 and 100; forums.trakt.tv "Updating Trakt limits
 * for 2026", quoted in Taxel/PlexTraktSync#2485). The seed user carries its own limits.
 */
function settings(state: TraktState): Record<string, unknown> {
  const user = state.user;
  const vip = user.vip;
  return {
    user: {
      username: user.username,
      private: false,
      name: user.name,
      vip,
      vip_ep: false,
      director: false,
      ids: { slug: user.slug, trakt: user.id, uuid: user.uuid },
      joined_at: '2015-03-01T12:00:00.000Z',
      location: null,
      about: null,
      gender: null,
      age: null,
      images: { avatar: { full: 'https://walter-r2.trakt.tv/images/users/000/000/001/avatars/large/placeholder.png.webp' } },
      vip_og: false,
      vip_years: vip ? 1 : 0,
      vip_cover_image: null,
      dob: null,
    },
    permissions: { commenting: true, liking: true, following: true },
    account: { timezone: 'UTC', date_format: 'yyyy-mm-dd', time_24hr: true, cover_image: null, token: null, display_ads: !vip },
    connections: { facebook: false, twitter: false, mastodon: false, google: false, tumblr: false, medium: false, slack: false, apple: false, dropbox: false, microsoft: false },
    sharing_text: { watching: 'I\'m watching [item]', watched: 'I just watched [item]', rated: '[item] [stars]' },
    limits: {
      list: { count: user.listLimit, item_count: vip ? 5000 : 250 },
      watchlist: { item_count: state.watchlistLimit() },
      favorites: { item_count: vip ? 100 : 50 },
    },
  };
}
