import { useEffect, useState } from 'react';
import type { User } from './api/types';
import { ServicesContext, navigate, useRoute, type Services } from './services';
import { AudioStatus } from './components/AudioStatus';
import { PrivacySettings } from './components/PrivacySettings';
import { Decks } from './views/Decks';
import { Library } from './views/Library';
import { Login } from './views/Login';
import { Planner } from './views/Planner';
import { Play } from './views/Play';
import { Plugins } from './views/Plugins';
import { Stats } from './views/Stats';
import { TrackView } from './views/TrackView';

const NAV = [
  ['/library', 'Library'],
  ['/decks', 'Decks'],
  ['/planner', 'Mix planner'],
  ['/stats', 'Stats'],
  ['/play', 'Play'],
  ['/plugins', 'Plugins'],
] as const;

export function App({ services }: { services: Services }) {
  const { api } = services;
  const route = useRoute();
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(!!api.token);

  useEffect(() => {
    api.onUnauthorized = () => setUser(null);
    if (api.token) {
      api.get<User>('/api/me').then(setUser).catch(() => setUser(null)).finally(() => setChecking(false));
    }
  }, [api]);

  const logout = async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // the token is dropped either way
    }
    api.token = null;
    setUser(null);
  };

  let view;
  if (route.startsWith('/track/')) {
    view = <TrackView id={decodeURIComponent(route.slice('/track/'.length))} />;
  } else if (route === '/decks') {
    view = <Decks />;
  } else if (route === '/planner') {
    view = <Planner />;
  } else if (route === '/stats' && user) {
    view = <Stats user={user} />;
  } else if (route === '/play') {
    view = <Play />;
  } else if (route === '/plugins') {
    view = <Plugins />;
  } else {
    view = <Library />;
  }

  return (
    <ServicesContext.Provider value={services}>
      {checking ? <div className="splash">Segue…</div> : !user ? <Login onLogin={(u) => { setUser(u); navigate(route); }} /> : (
        <div className="shell">
          <nav className="topbar">
            <a className="brand" href="#/library"><span className="logo">◐</span> Segue</a>
            {NAV.map(([path, label]) => (
              <a key={path} href={`#${path}`} className={route === path || (path === '/library' && route.startsWith('/track/')) ? 'active' : ''}>{label}</a>
            ))}
            <span className="spacer" />
            <AudioStatus />
            <PrivacySettings />
            <span className="user" data-testid="user">{user.username}{user.role === 'admin' ? ' · admin' : ''}</span>
            <button className="small" onClick={() => void logout()}>Sign out</button>
          </nav>
          <main>{view}</main>
        </div>
      )}
    </ServicesContext.Provider>
  );
}
