import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, type Fetch, type TokenStore } from './client';

function memoryStore(): TokenStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function answer(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : body, { status, headers });
}

const PROBLEM = 'application/problem+json';

describe('ApiClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    const fetcher = vi.fn<Fetch>(async () => answer(200, '{"username":"ana","role":"user"}', { 'content-type': 'application/json' }));
    const store = memoryStore();
    const client = new ApiClient(fetcher, store);
    client.token = 'abc';
    const me = await client.get<{ username: string }>('/api/me');
    expect(me.username).toBe('ana');
    const [url, init] = fetcher.mock.calls[0];
    expect(url).toBe('/api/me');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer abc');
    expect(store.data.get('segue.token')).toBe('abc');
  });

  it('turns a problem+json answer into an ApiError with title, detail and field', async () => {
    const body = JSON.stringify({ type: 'about:blank', title: 'Bad input', status: 400, detail: 'bpm must look like 120-128', field: 'bpm' });
    const client = new ApiClient(async () => answer(400, body, { 'content-type': PROBLEM }), memoryStore());
    const error = await client.get('/api/tracks?bpm=x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.title).toBe('Bad input');
    expect(apiError.field).toBe('bpm');
    expect(apiError.message).toBe('Bad input: bpm must look like 120-128 (field "bpm") [400]');
  });

  it('reports Retry-After of a 429', async () => {
    const body = JSON.stringify({ title: 'Too many requests', status: 429 });
    const client = new ApiClient(async () => answer(429, body, { 'content-type': PROBLEM, 'retry-after': '3' }), memoryStore());
    const error = (await client.get('/api/tracks').catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfterSeconds).toBe(3);
    expect(error.message).toContain('try again in 3 s');
  });

  it('describes answers that are not problem+json by status and text', async () => {
    const client = new ApiClient(async () => answer(502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' }), memoryStore());
    const error = (await client.get('/api/health').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.message).toBe('Bad gateway: Bad Gateway [502]');
    const broken = new ApiClient(async () => answer(500, '{not json', { 'content-type': PROBLEM }), memoryStore());
    expect(((await broken.get('/x').catch((e: unknown) => e)) as ApiError).title).toBe('Server error');
  });

  it('reports an unreachable server as status 0', async () => {
    const client = new ApiClient(async () => {
      throw new TypeError('Failed to fetch');
    }, memoryStore());
    const error = (await client.get('/api/me').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.message).toBe('The server cannot be reached: Failed to fetch');
  });

  it('forgets the token and signals the app on 401', async () => {
    const store = memoryStore();
    const client = new ApiClient(async () => answer(401, '{"title":"Token expired","status":401}', { 'content-type': PROBLEM }), store);
    client.token = 'old';
    const signedOut = vi.fn();
    client.onUnauthorized = signedOut;
    await expect(client.get('/api/me')).rejects.toThrow('Token expired [401]');
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(client.token).toBeNull();
  });

  it('follows a job to the end and throws the problem of a failed one', async () => {
    const states = [
      { id: 'j1', state: 'running', progress: 0.5 },
      { id: 'j1', state: 'succeeded', progress: 1, result: { mixId: 'm1' } },
    ];
    const client = new ApiClient(async () => answer(200, JSON.stringify(states.shift()), { 'content-type': 'application/json' }), memoryStore());
    const seen: number[] = [];
    const job = await client.waitForJob('j1', (j) => seen.push(j.progress), undefined, 1);
    expect(seen).toEqual([0.5, 1]);
    expect(job.result).toEqual({ mixId: 'm1' });

    const failed = { id: 'j2', state: 'failed', progress: 0.3, error: { title: 'Cannot decode', status: 400, detail: 'x.mp3: not an MPEG stream' } };
    const failing = new ApiClient(async () => answer(200, JSON.stringify(failed), { 'content-type': 'application/json' }), memoryStore());
    await expect(failing.waitForJob('j2', () => {}, undefined, 1)).rejects.toThrow('Cannot decode: x.mp3: not an MPEG stream [400]');
  });
});
