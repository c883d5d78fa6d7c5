import { describe, expect, it } from 'vitest';
import type { Recommendation, Share, Track } from '../api/types';
import {
  describeVisibility, formatScore, newestFirst, rankRecommendations, recommendationQuery, shareAddress,
  visibilityChoices, withoutShare,
} from './share';

const share = (token: string, createdAt: string): Share => ({
  token, url: `/s/${token}`, visibility: 'unlisted', mixId: 'm1', createdAt, views: 0,
});
const track = (id: string): Track => ({ id, title: id, durationSeconds: 60 });

describe('share links', () => {
  it('makes the full address from the server path and the page origin', () => {
    expect(shareAddress('http://127.0.0.1:8080', '/s/abc')).toBe('http://127.0.0.1:8080/s/abc');
    expect(shareAddress('https://dj.example/', '/s/abc')).toBe('https://dj.example/s/abc');
    expect(shareAddress('https://dj.example', 's/abc')).toBe('https://dj.example/s/abc');
    expect(shareAddress('https://dj.example', 'https://other.example/s/x')).toBe('https://other.example/s/x');
  });

  it('offers public only when the privacy settings allow it, preselecting the default', () => {
    expect(visibilityChoices(null)).toEqual({ choices: ['unlisted', 'public'], preselected: 'unlisted' });
    expect(visibilityChoices({ defaultShareVisibility: 'public', allowPublic: true }))
      .toEqual({ choices: ['unlisted', 'public'], preselected: 'public' });
    expect(visibilityChoices({ defaultShareVisibility: 'public', allowPublic: false }))
      .toEqual({ choices: ['unlisted'], preselected: 'unlisted' });
    expect(describeVisibility('public')).toMatch(/listed/);
    expect(describeVisibility('unlisted')).toMatch(/only people with the link/);
  });

  it('orders links newest first and drops a revoked one', () => {
    const list = [share('a', '2026-11-26T10:00:00Z'), share('b', '2026-11-26T11:00:00Z'), share('c', '2026-11-26T09:00:00Z')];
    expect(newestFirst(list).map((s) => s.token)).toEqual(['b', 'a', 'c']);
    expect(withoutShare(list, 'a').map((s) => s.token)).toEqual(['b', 'c']);
    expect(withoutShare(list, 'zz')).toHaveLength(3);
  });
});

describe('recommended next', () => {
  it('asks for the seed, the chosen strategy and a limit, encoded', () => {
    const q = new URL(`http://x${recommendationQuery('id/1 &2', 'hybrid', 5)}`);
    expect(q.pathname).toBe('/api/recommendations');
    expect(q.searchParams.get('seed')).toBe('id/1 &2');
    expect(q.searchParams.get('strategy')).toBe('hybrid');
    expect(q.searchParams.get('limit')).toBe('5');
    expect(new URL(`http://x${recommendationQuery('s', '')}`).searchParams.has('strategy')).toBe(false);
  });

  it('ranks by score and never recommends the seed', () => {
    const recs: Recommendation[] = [
      { track: track('a'), score: 0.4, strategy: 'x', why: 'close tempo' },
      { track: track('seed'), score: 1, strategy: 'x', why: 'itself' },
      { track: track('b'), score: 0.9, strategy: 'x', why: 'same key' },
    ];
    expect(rankRecommendations(recs, 'seed').map((r) => r.track.id)).toEqual(['b', 'a']);
  });

  it('shows scores in 0..1 as percentages', () => {
    expect(formatScore(0.873)).toBe('87 %');
    expect(formatScore(1)).toBe('100 %');
    expect(formatScore(3.14159)).toBe('3.14');
    expect(formatScore(Number.NaN)).toBe('–');
  });
});
