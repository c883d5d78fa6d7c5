import { describe, expect, it } from 'vitest';
import { PLAY_SECONDS, PlayCounter } from './plays';

/** Looks at a deck once a second while it plays from `from` for `seconds`. */
function listen(c: PlayCounter, deck: string, track: string, from: number, seconds: number, duration = 300): string[] {
  const out: string[] = [];
  for (let t = 0; t <= seconds; t++) {
    const r = c.tick(deck, track, from + t, true, duration);
    if (r) {
      out.push(r);
    }
  }
  return out;
}

describe('PlayCounter', () => {
  it('counts a track once it has been heard for 30 s, and only once per load', () => {
    const c = new PlayCounter();
    expect(listen(c, 'a', 't1', 0, PLAY_SECONDS - 1)).toEqual([]);
    expect(c.tick('a', 't1', PLAY_SECONDS, true, 300)).toBe('t1');
    expect(listen(c, 'a', 't1', PLAY_SECONDS + 1, 60)).toEqual([]);
  });

  it('does not count seeks or paused time', () => {
    const c = new PlayCounter();
    listen(c, 'a', 't1', 0, 10);
    c.tick('a', 't1', 10, false, 300); // paused
    c.tick('a', 't1', 10, false, 300);
    expect(c.tick('a', 't1', 150, true, 300)).toBeNull(); // seeked while paused, then played
    expect(listen(c, 'a', 't1', 150, 15)).toEqual([]); // 10 + 15 = 25 s heard
    expect(listen(c, 'a', 't1', 166, 5)).toEqual(['t1']);
  });

  it('a short track counts at half its length; a new track starts again', () => {
    const c = new PlayCounter();
    expect(listen(c, 'b', 'short', 0, 10, 20)).toEqual(['short']);
    expect(listen(c, 'b', 'other', 0, 29)).toEqual([]);
    expect(c.tick('b', 'other', 30, true, 300)).toBe('other');
  });

  it('keeps decks apart', () => {
    const c = new PlayCounter();
    for (let t = 0; t < PLAY_SECONDS; t++) {
      c.tick('a', 't1', t, true, 300);
      c.tick('b', 't2', t * 0.5, true, 300); // deck B heard half as much
    }
    expect(c.tick('a', 't1', PLAY_SECONDS, true, 300)).toBe('t1');
    expect(c.tick('b', 't2', PLAY_SECONDS * 0.5, true, 300)).toBeNull();
  });
});
