import { useCallback, useEffect, useState } from 'react';
import type { Badge, Challenge, Entry, LeaderboardPage, Membership } from '../api/play';
import type { Mix, Page } from '../api/types';
import { ApiError } from '../api/client';
import { ProgressRing } from '../components/charts/ProgressRing';
import { pageOf } from '../logic/charts';
import { clock } from '../logic/query';
import { messageOf, useServices } from '../services';
import './play.css';

const BOARD_SIZE = 10;

/** Badges with progress, challenges to join, enter and vote in, the leaderboards and the opt-in to them. */
export function Play() {
  const { api } = useServices();
  const [badges, setBadges] = useState<Badge[] | null>(null);
  const [challenges, setChallenges] = useState<Challenge[] | null>(null);
  const [mixes, setMixes] = useState<Mix[]>([]);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);

  const reload = useCallback(() => {
    setVersion((v) => v + 1);
    api.get<Badge[]>('/api/me/badges').then(setBadges).catch((e) => setError(messageOf(e)));
    api.get<Challenge[]>('/api/me/challenges').then(setChallenges).catch((e) => setError(messageOf(e)));
  }, [api]);

  useEffect(() => {
    reload();
    api.get<Mix[]>('/api/mixes').then(setMixes).catch(() => setMixes([]));
  }, [api, reload]);

  const earned = (badges ?? []).filter((b) => b.earnedAt).length;
  return (
    <section className="view play-view">
      <header className="view-head">
        <h1>Play</h1>
        <div className="muted">{badges ? `${earned} of ${badges.length} badges earned` : 'loading…'}</div>
      </header>
      {error && <div className="error" role="alert">{error}</div>}
      <div className="panel">
        <div className="panel-title">Badges</div>
        <div className="badge-grid" data-testid="badges">
          {(badges ?? []).map((b) => (
            <div key={b.id} className={`badge-card${b.earnedAt ? ' earned' : ''}`} data-testid="badge" data-badge={b.id}>
              <ProgressRing fraction={b.fraction} label={b.name} earned={!!b.earnedAt} />
              <div>
                <div className="title">{b.name}</div>
                <div className="muted small">{b.description}</div>
                <div className="small">{b.earnedAt ? `earned ${new Date(b.earnedAt).toLocaleDateString()}` : `${Math.round(b.fraction * 100)} % · ${b.count}`}</div>
              </div>
            </div>
          ))}
          {badges?.length === 0 && <div className="empty">No badge plugins are installed.</div>}
        </div>
      </div>
      <MembershipForm onChange={reload} />
      <div className="panel">
        <div className="panel-title">Challenges</div>
        <div className="challenge-list" data-testid="challenges">
          {(challenges ?? []).map((c) => <ChallengeCard key={c.id} challenge={c} mixes={mixes} onChange={reload} />)}
          {challenges?.length === 0 && <div className="empty">No challenge plugins are installed.</div>}
        </div>
      </div>
      <Leaderboards challenges={challenges ?? []} version={version} />
    </section>
  );
}

function MembershipForm({ onChange }: { onChange: () => void }) {
  const { api } = useServices();
  const [me, setMe] = useState<Membership | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    api.get<Membership>('/api/me/leaderboard').then(setMe).catch(() => setMe(null));
  }, [api]);

  const act = async (call: () => Promise<Membership | undefined>) => {
    setError(null);
    try {
      const next = await call();
      setMe(next ?? { joined: false, pseudonym: null });
      onChange();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, messageOf(e)));
    }
  };

  return (
    <div className="panel membership" data-testid="membership" data-joined={me?.joined ? 'yes' : 'no'}>
      <div className="panel-title">Your place on the leaderboards</div>
      {me?.joined ? (
        <div className="row">
          <span>You appear as <strong data-testid="my-pseudonym">{me.pseudonym}</strong> on every leaderboard.</span>
          <button onClick={() => void act(() => api.json<undefined>('DELETE', '/api/me/leaderboard'))} data-testid="leave-boards">Leave</button>
        </div>
      ) : (
        <form className="row" onSubmit={(e) => { e.preventDefault(); void act(() => api.json<Membership>('PUT', '/api/me/leaderboard', { pseudonym: name })); }}>
          <span className="muted">You are not on the leaderboards. Others see only a pseudonym, never your user name.</span>
          <input name="pseudonym" placeholder="Pseudonym (3–24 letters, digits, _ or -)" value={name} onChange={(e) => setName(e.target.value)}
            className={error?.field === 'pseudonym' ? 'bad' : ''} aria-invalid={error?.field === 'pseudonym'} />
          <button className="primary" type="submit" data-testid="join-boards">Join</button>
        </form>
      )}
      {error && <div className="error" role="alert">{error.message}</div>}
    </div>
  );
}

function ChallengeCard({ challenge: c, mixes, onChange }: { challenge: Challenge; mixes: Mix[]; onChange: () => void }) {
  const { api } = useServices();
  const [mixId, setMixId] = useState('');
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState('');
  const base = `/api/challenges/${encodeURIComponent(c.path)}`;

  const loadEntries = useCallback(() => {
    api.get<Page<Entry>>(`${base}/entries?limit=50`).then((p) => setEntries(p.items)).catch((e) => setError(messageOf(e)));
  }, [api, base]);

  const run = async (call: () => Promise<unknown>) => {
    setError('');
    try {
      await call();
      onChange();
      if (entries) {
        loadEntries();
      }
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const candidates = mixes.filter((m) => !c.entries.includes(m.id));
  return (
    <div className={`challenge${c.open ? ' open' : ''}`} data-testid="challenge" data-challenge={c.id}>
      <div className="challenge-head">
        <div>
          <div className="title">{c.name}</div>
          <div className="muted small">{c.description}</div>
          <div className="small">{new Date(c.start).toLocaleDateString()} – {new Date(c.end).toLocaleDateString()}
            {c.open ? <span className="pill ok">open</span> : <span className="pill">closed</span>}
            {c.completed && <span className="pill ok">completed</span>}</div>
        </div>
        <div className="challenge-score">
          <div><span className="stat-value">{c.score}</span> score</div>
          <div className="muted small">{c.rank > 0 ? `rank ${c.rank} of ${c.players}` : `${c.players} playing`}</div>
        </div>
      </div>
      <div className="row">
        {c.open && !c.joined && <button onClick={() => void run(() => api.post(`${base}/join`))} data-testid="challenge-join">Join</button>}
        {c.joined && <span className="pill">joined</span>}
        {c.open && c.takesEntries && (
          <>
            <select value={mixId} onChange={(e) => setMixId(e.target.value)} data-testid="challenge-mix" aria-label="Mix to enter">
              <option value="">Enter a mix…</option>
              {candidates.map((m) => <option key={m.id} value={m.id}>{`${new Date(m.createdAt).toLocaleString()} · ${clock(m.durationSeconds)} · ${m.tracklist.length} tracks`}</option>)}
            </select>
            <button disabled={!mixId} onClick={() => void run(() => api.post(`${base}/entries`, { mixId }).then(() => setMixId('')))} data-testid="challenge-enter">Enter</button>
          </>
        )}
        {c.takesEntries && (
          <button className="small" onClick={() => (entries ? setEntries(null) : loadEntries())} data-testid="challenge-entries-toggle">
            {entries ? 'Hide entries' : 'Entries'}
          </button>
        )}
        {c.entries.length > 0 && <span className="muted small">{c.entries.length} of your mixes entered</span>}
      </div>
      {error && <div className="error" role="alert">{error}</div>}
      {entries && (
        <table className="entries" data-testid="challenge-entries">
          <thead><tr><th>By</th><th>Length</th><th>Tracks</th><th className="num">Votes</th><th /></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.mixId} data-mix={e.mixId}>
                <td>{e.mine ? 'you' : e.pseudonym ?? <span className="muted">anonymous</span>}</td>
                <td className="mono">{clock(e.durationSeconds)}</td>
                <td className="num">{e.trackCount}</td>
                <td className="num">{e.votes}</td>
                <td className="row-actions">
                  {!e.mine && c.open && (
                    <button className="small" disabled={e.voted} onClick={() => void run(() => api.post(`${base}/votes`, { mixId: e.mixId }))}>
                      {e.voted ? 'Voted' : 'Vote'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {entries.length === 0 && <tr><td colSpan={5} className="empty">No entries yet.</td></tr>}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One board, paged; `version` changes when something that moves ranks happened on this page. */
function Leaderboards({ challenges, version }: { challenges: Challenge[]; version: number }) {
  const { api } = useServices();
  const [board, setBoard] = useState('global');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<LeaderboardPage | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api.get<LeaderboardPage>(`/api/leaderboards/${encodeURIComponent(board)}?offset=${offset}&limit=${BOARD_SIZE}`)
      .then((p) => { setPage(p); setError(''); }).catch((e) => setError(messageOf(e)));
  }, [api, board, offset, version]);

  const at = pageOf(page?.total ?? 0, offset, BOARD_SIZE);
  return (
    <div className="panel">
      <div className="panel-title">
        <span>Leaderboard</span>
        <select value={board} onChange={(e) => { setBoard(e.target.value); setOffset(0); }} data-testid="board-select" aria-label="Leaderboard">
          <option value="global">Global (10 per badge, 25 per challenge completed)</option>
          {challenges.map((c) => <option key={c.id} value={c.path}>{c.name}</option>)}
        </select>
      </div>
      {error && <div className="error" role="alert">{error}</div>}
      <table className="leaderboard" data-testid="leaderboard" data-total={page?.total ?? 0}>
        <thead><tr><th className="num">Rank</th><th>Pseudonym</th><th className="num">Score</th></tr></thead>
        <tbody>
          {page?.items.map((r, i) => (
            <tr key={`${r.pseudonym}-${i}`}><td className="num">{r.rank}</td><td>{r.pseudonym}</td><td className="num">{Number(r.score.toFixed(1))}</td></tr>
          ))}
          {page && page.items.length === 0 && <tr><td colSpan={3} className="empty">Nobody on this board yet.</td></tr>}
        </tbody>
      </table>
      <div className="pager">
        <button className="small" disabled={at.prev === null} onClick={() => at.prev !== null && setOffset(at.prev)}>Previous</button>
        <span className="muted" data-testid="board-page">page {at.page} of {at.pages}</span>
        <button className="small" disabled={at.next === null} onClick={() => at.next !== null && setOffset(at.next)}>Next</button>
      </div>
    </div>
  );
}
