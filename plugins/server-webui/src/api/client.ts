import type { Job, Problem } from './types';

/**
 * An error the server answered (a problem+json body, or any non-2xx answer) or a request
 * that never got an answer (status 0). `message` is what the UI shows.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(ApiError.describe(status, title, detail, field, retryAfterSeconds));
    this.name = 'ApiError';
  }

  static fromProblem(problem: Problem, fallbackStatus: number, retryAfterSeconds?: number): ApiError {
    return new ApiError(
      typeof problem.status === 'number' ? problem.status : fallbackStatus,
      problem.title || statusTitle(fallbackStatus),
      problem.detail,
      problem.field,
      retryAfterSeconds,
    );
  }

  private static describe(status: number, title: string, detail?: string, field?: string, retry?: number): string {
    let text = detail && detail !== title ? `${title}: ${detail}` : title;
    if (field) {
      text += ` (field "${field}")`;
    }
    if (retry !== undefined) {
      text += ` — try again in ${retry} s`;
    }
    return status > 0 ? `${text} [${status}]` : text;
  }
}

function statusTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad request', 401: 'Not signed in', 403: 'Not allowed', 404: 'Not found', 409: 'Conflict',
    413: 'Too large', 415: 'Unsupported media type', 429: 'Too many requests', 500: 'Server error',
    502: 'Bad gateway', 503: 'Service unavailable',
  };
  return titles[status] ?? `HTTP ${status}`;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Where the token lives between page loads (sessionStorage in the browser, a map in tests). */
export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const TOKEN_KEY = 'segue.token';
const JOB_DONE = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * The REST client of API.md. The bearer token is kept in sessionStorage (never a cookie, so a
 * cross-site page cannot make the browser send it); a 401 drops it and tells the app to show
 * the login page again.
 */
export class ApiClient {
  onUnauthorized: () => void = () => {};

  constructor(
    private readonly fetcher: Fetch,
    private readonly store: TokenStore,
    private readonly base = '',
  ) {}

  get token(): string | null {
    return this.store.getItem(TOKEN_KEY);
  }

  set token(value: string | null) {
    if (value) {
      this.store.setItem(TOKEN_KEY, value);
    } else {
      this.store.removeItem(TOKEN_KEY);
    }
  }

  url(path: string): string {
    return this.base + path;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body === undefined ? undefined : {
      body: JSON.stringify(body),
      contentType: 'application/json',
    });
    if (response.status === 204 || response.headers.get('content-length') === '0') {
      return undefined as T;
    }
    const text = await response.text();
    if (!text) {
      return undefined as T;
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, 'Unreadable answer', `${method} ${path} did not answer JSON`);
    }
  }

  get<T>(path: string): Promise<T> {
    return this.json<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.json<T>('POST', path, body ?? {});
  }

  /** Raw bytes (audio, cue sheets), with the bearer token a plain link could not send. */
  async bytes(path: string): Promise<ArrayBuffer> {
    const response = await this.send('GET', path);
    return response.arrayBuffer();
  }

  async blob(path: string): Promise<Blob> {
    const response = await this.send('GET', path);
    return response.blob();
  }

  /** Sends a file as the raw body (POST /api/tracks?filename=…); the answer is the analysis job. */
  async upload(path: string, file: Blob): Promise<Job> {
    const response = await this.send('POST', path, { body: file, contentType: 'application/octet-stream' });
    return (await response.json()) as Job;
  }

  /**
   * Polls a job until it ends, reporting progress (0..1). A failed job throws its problem,
   * a cancelled one an ApiError with status 0; `signal` stops waiting (not the job).
   */
  async waitForJob(id: string, onProgress: (job: Job) => void, signal?: AbortSignal, intervalMs = 400): Promise<Job> {
    for (;;) {
      if (signal?.aborted) {
        throw new ApiError(0, 'Stopped waiting for the job');
      }
      const job = await this.get<Job>(`/api/jobs/${encodeURIComponent(id)}`);
      onProgress(job);
      if (JOB_DONE.has(job.state)) {
        if (job.state === 'failed') {
          throw job.error ? ApiError.fromProblem(job.error, 500) : new ApiError(500, 'Job failed', job.message);
        }
        if (job.state === 'cancelled') {
          throw new ApiError(0, 'Job cancelled', job.message);
        }
        return job;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  private async send(method: string, path: string, payload?: { body: BodyInit; contentType: string }): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json, */*' };
    const token = this.token;
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (payload) {
      headers['Content-Type'] = payload.contentType;
    }
    let response: Response;
    try {
      response = await this.fetcher(this.url(path), { method, headers, body: payload?.body });
    } catch (cause) {
      throw new ApiError(0, 'The server cannot be reached', cause instanceof Error ? cause.message : String(cause));
    }
    if (response.ok) {
      return response;
    }
    const error = await errorOf(response);
    if (response.status === 401 && token) {
      this.token = null;
      this.onUnauthorized();
    }
    throw error;
  }
}

/** The ApiError of a non-2xx answer: its problem+json when it sent one, else its status and text. */
export async function errorOf(response: Response): Promise<ApiError> {
  const retryHeader = response.headers.get('retry-after');
  const retry = retryHeader !== null && /^\d+$/.test(retryHeader.trim()) ? Number(retryHeader.trim()) : undefined;
  const type = response.headers.get('content-type') ?? '';
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body is lost; the status still tells what happened
  }
  if (/json/i.test(type) && text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') {
        return ApiError.fromProblem(parsed as Problem, response.status, retry);
      }
    } catch {
      // fall through: a broken problem body is reported by its status
    }
  }
  const snippet = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
  return new ApiError(response.status, statusTitle(response.status), snippet || undefined, undefined, retry);
}
