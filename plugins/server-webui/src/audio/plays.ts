import type { ApiClient } from '../api/client';
import { PlayCounter } from '../logic/plays';
import type { Deck } from './deck';

/**
 * Looks at the decks once a second and sends feedback `play` for a track once it has been heard
 * long enough (see PlayCounter), so plays in the browser count for "most played" and badges.
 * A failed report is dropped: a missed play is not worth an error banner.
 */
export function watchPlays(api: ApiClient, decks: Deck[], intervalMs = 1000): () => void {
  const counter = new PlayCounter();
  const timer = setInterval(() => {
    for (const deck of decks) {
      // The planner plays rendered transition previews on the preview deck: not library tracks.
      const id = deck.track && !deck.track.id.startsWith('preview-') ? deck.track.id : null;
      const played = counter.tick(deck.name, id, deck.position(), deck.playing, deck.duration);
      if (played) {
        api.post('/api/feedback', { trackId: played, kind: 'play' }).catch(() => {});
      }
    }
  }, intervalMs);
  return () => clearInterval(timer);
}
