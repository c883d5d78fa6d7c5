import { useEffect, useState } from 'react';
import type { Privacy, Visibility } from '../api/types';
import { messageOf, useServices } from '../services';

/**
 * The account's sharing privacy, from the top bar: the default visibility of new links and
 * whether public links are allowed at all (turning that off makes existing public links unlisted).
 */
export function PrivacySettings() {
  const { api } = useServices();
  const [open, setOpen] = useState(false);
  const [privacy, setPrivacy] = useState<Privacy | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    if (open) {
      api.get<Privacy>('/api/me/privacy').then(setPrivacy).catch((e) => setError(messageOf(e)));
    }
  }, [api, open]);

  const change = async (next: Partial<Privacy>) => {
    setError('');
    try {
      setPrivacy(await api.json<Privacy>('PUT', '/api/me/privacy', next));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <span className="privacy">
      <button className="small" data-testid="privacy-open" onClick={() => setOpen(!open)}>Privacy</button>
      {open && (
        <div className="privacy-menu panel" data-testid="privacy-menu">
          <div className="panel-title">Sharing privacy</div>
          {privacy && (
            <>
              <label>
                <input type="checkbox" checked={privacy.allowPublic} data-testid="privacy-allow-public"
                  onChange={(e) => void change({ allowPublic: e.target.checked })} /> Allow public links
              </label>
              <label>
                New links are{' '}
                <select value={privacy.defaultShareVisibility} data-testid="privacy-default"
                  onChange={(e) => void change({ defaultShareVisibility: e.target.value as Visibility })}>
                  <option value="unlisted">unlisted</option>
                  {privacy.allowPublic && <option value="public">public</option>}
                </select>
              </label>
              {!privacy.allowPublic && <div className="muted">Your public links are unlisted now.</div>}
            </>
          )}
          {error && <div className="error">{error}</div>}
        </div>
      )}
    </span>
  );
}
