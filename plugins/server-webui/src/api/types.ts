/** The DTOs of plugins/server-http/API.md, as the server sends them. */

export interface User {
  username: string;
  role: 'user' | 'admin';
  createdAt: string;
}

export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: User;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  field?: string;
}

export interface Track {
  id: string;
  title: string;
  artist?: string;
  album?: string;
  genre?: string;
  durationSeconds: number;
  bpm?: number | null;
  key?: string | null;
  keyName?: string | null;
  energy?: number | null;
  loudnessLufs?: number | null;
  source?: { kind?: string; licence?: string; mixable?: boolean };
}

export interface Facet {
  value: string;
  count: number;
}

export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}

export interface TrackPage extends Page<Track> {
  facets?: { genre?: Facet[]; key?: Facet[] };
}

export interface Waveform {
  durationSeconds: number;
  sampleRate: number;
  points: number;
  peak: number[];
  low: number[];
  mid: number[];
  high: number[];
}

export interface Analysis {
  trackId: string;
  durationSeconds: number;
  tempo: { bpm: number | null; segments?: { startSeconds: number; bpm: number }[] | null };
  beats: number[];
  downbeats: number[];
  key: { camelot: string; name: string; confidence?: number } | null;
  keySegments?: { startSeconds: number; camelot: string }[];
  chords?: { startSeconds: number; endSeconds: number; label: string }[];
  loudness?: { integratedLufs: number | null; rangeLu: number | null; truePeakDbtp: number | null } | null;
  energy?: { hopSeconds: number; values: number[] } | null;
  mood?: { valence: number; arousal: number } | null;
  structure?: { startSeconds: number; endSeconds: number; label: string }[];
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: 'analyse' | 'import' | 'mix' | 'preview';
  state: JobState;
  progress: number;
  message?: string;
  createdAt: string;
  finishedAt?: string | null;
  result?: Record<string, unknown> | null;
  error?: Problem | null;
}

export interface Style {
  id: string;
  name: string;
  description?: string;
}

export type Arc = 'rise' | 'peak' | 'wave' | 'flat';

export interface Transition {
  index: number;
  fromTrackId: string;
  toTrackId: string;
  style: string;
  startSeconds: number;
  lengthSeconds: number;
  score?: number | null;
  explanation: string;
}

export interface Plan {
  id: string;
  createdAt: string;
  style: string;
  arc: string;
  tracks: Track[];
  transitions: Transition[];
  durationSeconds: number;
}

export interface Mix {
  id: string;
  planId: string;
  createdAt: string;
  durationSeconds: number;
  loudnessLufs?: number | null;
  tracklist: { startSeconds: number; trackId: string; title: string; artist?: string }[];
  files: { audio?: string; cue?: string; tracklist?: string; timeline?: string };
}

export interface PluginInfo {
  symbolicName: string;
  name?: string;
  version: string;
  state: string;
  problem?: string | null;
}

/** An analysis with the lists the views iterate always present (the server may leave them out). */
export function normaliseAnalysis(a: Analysis): Analysis {
  return { ...a, tempo: a.tempo ?? { bpm: null }, beats: a.beats ?? [], downbeats: a.downbeats ?? [], key: a.key ?? null };
}

export type Visibility = 'unlisted' | 'public';

/** A share link of a mix (`/api/mixes/{id}/shares`); `url` is a path on the server. */
export interface Share {
  token: string;
  url: string;
  visibility: Visibility;
  mixId: string;
  createdAt: string;
  views: number;
}

export interface Privacy {
  defaultShareVisibility: Visibility;
  allowPublic: boolean;
}

export interface Recommendation {
  track: Track;
  score: number;
  strategy: string;
  why: string;
}

export interface Recommender {
  id: string;
  name: string;
}
