import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { ApiClient, ApiError } from './api/client';
import { normaliseAnalysis, type Analysis, type Track, type Waveform } from './api/types';
import { AudioEngine, type Deck } from './audio/deck';
import { watchPlays } from './audio/plays';

/** What every view needs: the REST client and the one audio engine (made on first use). */
export class Services {
  private audio: AudioEngine | null = null;

  constructor(readonly api: ApiClient) {}

  get engine(): AudioEngine {
    if (!this.audio) {
      this.audio = new AudioEngine();
      watchPlays(this.api, [this.audio.a, this.audio.b, this.audio.preview]);
    }
    return this.audio;
  }

  get engineStarted(): boolean {
    return this.audio !== null;
  }

  /** Fetches a track's audio, analysis and waveform and puts them on a deck. */
  async loadDeck(deck: Deck, track: Track): Promise<void> {
    await this.engine.resume();
    const id = encodeURIComponent(track.id);
    const [bytes, analysis, waveform] = await Promise.all([
      this.api.bytes(`/api/tracks/${id}/audio`),
      this.api.get<Analysis>(`/api/tracks/${id}/analysis`).catch(optional),
      this.api.get<Waveform>(`/api/tracks/${id}/waveform?points=2000`).catch(optional),
    ]);
    const buffer = await this.engine.decode(bytes);
    deck.load(track, buffer, analysis ? normaliseAnalysis(analysis) : null, waveform);
  }
}

/** Analysis and waveform make the decks nicer but are not needed to play: a 404 leaves them out. */
function optional(error: unknown): null {
  if (error instanceof ApiError && error.status === 404) {
    return null;
  }
  throw error;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) {
    throw new Error('useServices outside ServicesProvider');
  }
  return services;
}

/** Re-renders when the deck changes (load, play, pause, knobs). */
export function useDeck(deck: Deck): number {
  const [version, setVersion] = useState(0);
  useEffect(() => deck.subscribe(() => setVersion((v) => v + 1)), [deck]);
  return version;
}

function currentHash(): string {
  return window.location.hash.replace(/^#/, '') || '/library';
}

function subscribeHash(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** Hash routes (#/library, #/track/ID …) so the bundle serves one index.html and reloads keep the view. */
export function useRoute(): string {
  return useSyncExternalStore(subscribeHash, currentHash);
}

export function navigate(path: string): void {
  window.location.hash = path;
}

/** The message of anything thrown, for the error banners. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
