import type { Privacy, Recommendation, Share, Visibility } from '../api/types';

/** The full address of a share link: the server sends a path, the page knows the origin. */
export function shareAddress(origin: string, url: string): string {
  if (/^https?:\/\//i.test(url)) {
    return url;
  }
  return origin.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`);
}

/** The visibilities the user may choose, and the one preselected, under their privacy settings. */
export function visibilityChoices(privacy: Privacy | null): { choices: Visibility[]; preselected: Visibility } {
  if (privacy && !privacy.allowPublic) {
    return { choices: ['unlisted'], preselected: 'unlisted' };
  }
  return { choices: ['unlisted', 'public'], preselected: privacy?.defaultShareVisibility ?? 'unlisted' };
}

/** What a visibility means, in the words the dialog shows. */
export function describeVisibility(v: Visibility): string {
  return v === 'public'
    ? 'Public: listed on this server’s public mixes page, anyone can find it'
    : 'Unlisted: only people with the link can listen; search engines are asked not to index it';
}

/** The shares of one mix, newest first; a revoked token is gone at once (the server forgets it). */
export function withoutShare(shares: Share[], token: string): Share[] {
  return shares.filter((s) => s.token !== token);
}

export function newestFirst(shares: Share[]): Share[] {
  return [...shares].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.token.localeCompare(b.token));
}

/**
 * The query of "Recommended next": the seed track, the strategy when one is chosen (else the
 * server's default), and how many.
 */
export function recommendationQuery(seed: string, strategy: string, limit = 10): string {
  const q = new URLSearchParams({ seed });
  if (strategy) {
    q.set('strategy', strategy);
  }
  q.set('limit', String(limit));
  return `/api/recommendations?${q.toString()}`;
}

/** Best first; the seed itself is never "next". */
export function rankRecommendations(items: Recommendation[], seed: string): Recommendation[] {
  return items.filter((r) => r.track.id !== seed).sort((a, b) => b.score - a.score);
}

/** A score as a percentage when it is in 0..1, else with two decimals. */
export function formatScore(score: number): string {
  if (!Number.isFinite(score)) {
    return '–';
  }
  return score >= 0 && score <= 1 ? `${Math.round(score * 100)} %` : score.toFixed(2);
}
