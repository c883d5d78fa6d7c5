import { useState } from 'react';
import type { LoginAnswer, User } from '../api/types';
import { messageOf, useServices } from '../services';

export function Login({ onLogin }: { onLogin: (user: User) => void }) {
  const { api } = useServices();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      const answer = await api.post<LoginAnswer>('/api/auth/login', { username, password });
      api.token = answer.token;
      onLogin(answer.user);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="panel login-panel" onSubmit={submit}>
        <div className="brand big"><span className="logo">◐</span> Segue</div>
        <p className="muted">The DJ in a box. Sign in to your library.</p>
        <label>Username<input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus /></label>
        <label>Password<input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        {error && <div className="error" role="alert">{error}</div>}
        <button className="primary" type="submit" disabled={busy || !username || !password}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </div>
  );
}
