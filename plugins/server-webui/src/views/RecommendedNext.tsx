import { useEffect, useState } from 'react';
import type { Recommendation, Recommender } from '../api/types';
import { messageOf, useServices } from '../services';
import { formatScore, rankRecommendations, recommendationQuery } from '../logic/share';

/**
 * "Recommended next" on the track view: what the chosen recommender (from /api/recommenders)
 * would play after this track, each with its score and the recommender's reason, and like /
 * dislike buttons that send feedback, which the recommenders learn from.
 */
export function RecommendedNext({ seed }: { seed: string }) {
  const { api } = useServices();
  const [recommenders, setRecommenders] = useState<Recommender[]>([]);
  const [strategy, setStrategy] = useState('');
  const [items, setItems] = useState<Recommendation[] | null>(null);
  const [sent, setSent] = useState<Record<string, string>>({});
  const [error, setError] = useState('');

  useEffect(() => {
    api.get<Recommender[]>('/api/recommenders').then(setRecommenders).catch(() => setRecommenders([]));
  }, [api]);

  useEffect(() => {
    setError('');
    setItems(null);
    api.get<Recommendation[]>(recommendationQuery(seed, strategy))
      .then((r) => setItems(rankRecommendations(r, seed)))
      .catch((e) => { setItems([]); setError(messageOf(e)); });
  }, [api, seed, strategy]);

  const feedback = async (trackId: string, kind: 'like' | 'dislike') => {
    try {
      await api.post('/api/feedback', { trackId, kind });
      setSent((s) => ({ ...s, [trackId]: kind }));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div className="panel recommended" data-testid="recommended">
      <div className="panel-title">
        Recommended next
        <select value={strategy} onChange={(e) => setStrategy(e.target.value)} data-testid="recommend-strategy">
          <option value="">default</option>
          {recommenders.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
      </div>
      {error && <div className="error">{error}</div>}
      {items === null && <div className="muted">…</div>}
      {items && items.length === 0 && !error && <div className="muted">No recommendations for this track yet.</div>}
      <ol className="recommendations">
        {items?.map((r) => (
          <li key={r.track.id} data-testid="recommendation">
            <a href={`#/track/${encodeURIComponent(r.track.id)}`}>{r.track.title}</a>
            {r.track.artist && <span className="muted"> · {r.track.artist}</span>}
            <span className="score mono" title={`strategy ${r.strategy}`}> {formatScore(r.score)}</span>
            <div className="why muted" data-testid="recommendation-why">{r.why}</div>
            <button className="small" disabled={sent[r.track.id] === 'like'} onClick={() => void feedback(r.track.id, 'like')}
              data-testid="recommendation-like">👍 like</button>
            <button className="small" disabled={sent[r.track.id] === 'dislike'} onClick={() => void feedback(r.track.id, 'dislike')}
              data-testid="recommendation-dislike">👎 dislike</button>
          </li>
        ))}
      </ol>
    </div>
  );
}
