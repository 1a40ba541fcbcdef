import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';
import { escapeHtml } from './oauth-pages';
import type { AnilistState } from './state';

/**
 * Cover and avatar images, generated: the app shows real images from real URLs, but tests and the demo
 * must never reach the internet, so coverImage and avatar point here (`/covers/<size>/<id>.svg`,
 * `/avatars/<size>/<id>.svg`) and each answer is a small SVG with the title on a colour of its own.
 */

const sizes: Record<string, [number, number]> = { extraLarge: [460, 650], large: [230, 325], medium: [100, 141] };

export function handleImage(request: EmulatorRequest, state: AnilistState): EmulatorResponse | undefined {
  const match = /^\/(covers|avatars)\/(extraLarge|large|medium)\/(\d+)\.svg$/.exec(request.url.pathname);
  if (!match || request.method !== 'GET') return undefined;
  const [, kind, size, idText] = match;
  const id = Number(idText);
  const label = kind === 'covers' ? state.media.get(id)?.title.romaji : state.users.get(id)?.name;
  if (label === undefined) return { status: 404, body: 'Not Found', headers: { 'content-type': 'text/plain; charset=utf-8' } };
  const [width, height] = kind === 'covers' ? sizes[size!]! : [sizes[size!]![0], sizes[size!]![0]];
  return {
    status: 200,
    body: svg(width, height, coverColour(id), label),
    headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' },
  };
}

function svg(width: number, height: number, colour: string, label: string): string {
  const fontSize = Math.max(10, Math.round(width / 12));
  const short = label.length > 40 ? `${label.slice(0, 39)}…` : label;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="100%" height="100%" fill="${colour}"/>
<text x="50%" y="50%" dominant-baseline="middle" text-anchor="middle" font-family="sans-serif" font-size="${fontSize}" fill="#1f2430">${escapeHtml(short)}</text>
</svg>
`;
}

/** A stable pastel per media id, in AniList's "#rrggbb" form. */
export function coverColour(id: number): string {
  const hue = (id * 47) % 360;
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = 0.75 - 0.2 * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}
