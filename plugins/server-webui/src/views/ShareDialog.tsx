import { useEffect, useState } from 'react';
import type { Privacy, Share, Visibility } from '../api/types';
import { messageOf, useServices } from '../services';
import { describeVisibility, newestFirst, shareAddress, visibilityChoices, withoutShare } from '../logic/share';

/**
 * "Share" on a rendered mix: choose unlisted or public (public only when the privacy settings
 * allow it), make a link, copy it, and see and revoke the mix's links. Links play in any browser
 * without signing in (the server renders the page; no token is in the link).
 */
export function ShareDialog({ mixId }: { mixId: string }) {
  const { api } = useServices();
  const [open, setOpen] = useState(false);
  const [privacy, setPrivacy] = useState<Privacy | null>(null);
  const [shares, setShares] = useState<Share[]>([]);
  const [visibility, setVisibility] = useState<Visibility>('unlisted');
  const [copied, setCopied] = useState('');
  const [error, setError] = useState('');
  const base = `/api/mixes/${encodeURIComponent(mixId)}/shares`;

  useEffect(() => {
    if (!open) {
      return;
    }
    setError('');
    Promise.all([api.get<Privacy>('/api/me/privacy'), api.get<Share[]>(base)])
      .then(([p, s]) => {
        setPrivacy(p);
        setVisibility(visibilityChoices(p).preselected);
        setShares(newestFirst(s));
      })
      .catch((e) => setError(messageOf(e)));
  }, [api, base, open]);

  const create = async () => {
    setError('');
    try {
      const made = await api.post<Share>(base, { visibility });
      setShares((s) => newestFirst([made, ...s]));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const revoke = async (token: string) => {
    setError('');
    try {
      await api.json('DELETE', `/api/shares/${encodeURIComponent(token)}`);
      setShares((s) => withoutShare(s, token));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const copy = async (address: string, token: string) => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(token);
    } catch {
      setError('The browser did not allow copying; select the link and copy it.');
    }
  };

  if (!open) {
    return <button className="small" data-testid="share-open" onClick={() => setOpen(true)}>Share…</button>;
  }
  const { choices } = visibilityChoices(privacy);
  return (
    <div className="share-dialog panel" data-testid="share-dialog">
      <div className="panel-title">Share this mix <button className="small" onClick={() => setOpen(false)}>Close</button></div>
      <div className="share-new">
        {choices.map((v) => (
          <label key={v} title={describeVisibility(v)}>
            <input type="radio" name={`visibility-${mixId}`} value={v} checked={visibility === v}
              onChange={() => setVisibility(v)} data-testid={`share-visibility-${v}`} /> {v}
          </label>
        ))}
        <button className="primary small" data-testid="share-create" onClick={() => void create()}>Create link</button>
      </div>
      <div className="muted">{describeVisibility(visibility)}</div>
      {privacy && !privacy.allowPublic && <div className="muted">Public links are off in your privacy settings.</div>}
      {error && <div className="error" data-testid="share-error">{error}</div>}
      <ul className="share-list" data-testid="share-list">
        {shares.map((s) => {
          const address = shareAddress(window.location.origin, s.url);
          return (
            <li key={s.token} data-testid="share-item" data-visibility={s.visibility}>
              <input readOnly value={address} data-testid="share-url" onFocus={(e) => e.currentTarget.select()} />
              <span className={`badge ${s.visibility}`}>{s.visibility}</span>
              <span className="muted">{s.views} views</span>
              <button className="small" onClick={() => void copy(address, s.token)}>{copied === s.token ? 'Copied' : 'Copy link'}</button>
              <button className="small" data-testid="share-revoke" onClick={() => void revoke(s.token)}>Revoke</button>
            </li>
          );
        })}
        {shares.length === 0 && <li className="muted">No links yet.</li>}
      </ul>
    </div>
  );
}
