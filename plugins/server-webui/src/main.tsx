import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient } from './api/client';
import { Services } from './services';
import { App } from './App';
import './styles.css';

const api = new ApiClient((input, init) => fetch(input, init), window.sessionStorage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App services={new Services(api)} />
  </StrictMode>,
);
