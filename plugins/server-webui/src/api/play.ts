/** The play DTOs of plugins/server-http/API.md (badges, challenges, leaderboards, analytics). */

export interface Badge {
  id: string;
  name: string;
  description: string;
  fraction: number;
  count: number;
  earnedAt: string | null;
}

export interface Challenge {
  id: string;
  /** The id as written in paths: its '/' as '~'. */
  path: string;
  name: string;
  description: string;
  start: string;
  end: string;
  open: boolean;
  /** Mixes are entered into it (a vote); the others score the mixes users make. */
  takesEntries: boolean;
  score: number;
  completed: boolean;
  players: number;
  rank: number;
  joined: boolean;
  entries: string[];
}

export interface Entry {
  mixId: string;
  pseudonym: string | null;
  mine: boolean;
  voted: boolean;
  votes: number;
  enteredAt: string;
  durationSeconds: number;
  trackCount: number;
}

export interface LeaderboardPage {
  board: string;
  total: number;
  offset: number;
  items: { rank: number; pseudonym: string; score: number }[];
}

export interface Membership {
  joined: boolean;
  pseudonym: string | null;
}

export interface Count {
  value: string;
  count: number;
}

export interface UserAnalytics {
  userId: string;
  mixes: number;
  transitionsKept: number;
  transitionsSkipped: number;
  mostPlayed: Count[];
  energyCurve: number[];
  energySets: number;
  months: { month: string; meanBpm: number | null; keys: Count[] }[];
}

export interface PluginAnalytics {
  plugin: string;
  uses: number;
  failures: number;
  lastFailure: string;
  meanMillis: number | null;
  p95Millis: number | null;
  latencyBuckets: number[];
}
