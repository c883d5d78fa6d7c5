/** How long a track must be heard before it counts as played (or half of a shorter track). */
export const PLAY_SECONDS = 30;
/** Position jumps larger than this between two looks are seeks, not listening. */
const MAX_STEP_SECONDS = 5;

interface DeckState {
  track: string;
  heard: number;
  last: number | null;
  done: boolean;
}

/**
 * Counts how long each deck's loaded track has really been heard (seeks and pauses excluded) and
 * says once per load when it counts as a play: what the UI reports as feedback `play`, which the
 * server records as `track.played` for "most played" and the listening badges.
 */
export class PlayCounter {
  private readonly decks = new Map<string, DeckState>();

  /**
   * One look at a deck. Returns the track id the first time it has been heard long enough, else null.
   *
   * @param position seconds into the track now
   */
  tick(deck: string, track: string | null, position: number, playing: boolean, duration: number): string | null {
    if (!track) {
      this.decks.delete(deck);
      return null;
    }
    let s = this.decks.get(deck);
    if (!s || s.track !== track) {
      s = { track, heard: 0, last: null, done: false };
      this.decks.set(deck, s);
    }
    if (playing && s.last !== null) {
      const step = position - s.last;
      if (step > 0 && step <= MAX_STEP_SECONDS) {
        s.heard += step;
      }
    }
    s.last = playing ? position : null;
    const needed = Math.min(PLAY_SECONDS, duration > 0 ? duration / 2 : PLAY_SECONDS);
    if (!s.done && s.heard >= needed) {
      s.done = true;
      return track;
    }
    return null;
  }
}
