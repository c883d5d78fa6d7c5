// Starts `segue serve` of the built distribution on a free port with a fresh data folder and
// stops it again; what the end-to-end test talks to.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LISTENING = /Segue server listening on (https?:\/\/\S+)/;

/**
 * @param {string} segue path of bin/segue
 * @param {string} data the server's data folder (users, libraries, mixes)
 * @param {number} timeoutMs how long the server may take to start
 */
export async function startServer(segue, data, timeoutMs = 180_000) {
  const child = spawn(segue, ['serve', '--port', '0', '--data', data], {
    // The play engine's store and the caches follow XDG: beside the data, never the developer's own.
    env: { ...process.env, XDG_DATA_HOME: join(data, '..', 'xdg-data'), XDG_CACHE_HOME: join(data, '..', 'xdg-cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stopping it ends the JVM the script starts
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) {
      output = output.slice(-100_000);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`segue serve printed no "Segue server listening on" line in ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const check = () => {
      const m = LISTENING.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace('://0.0.0.0', '://127.0.0.1').replace('://[::]', '://127.0.0.1').replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`segue serve exited with ${code} before listening:\n${output}`));
    });
  });

  const stop = async () => {
    if (child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }, 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { url, stop, output: () => output };
}

/** The admin password the server writes on first start. */
export async function adminPassword(data, timeoutMs = 30_000) {
  const file = join(data, 'initial-admin-password');
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8').trim();
      if (text) {
        return text;
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${file} did not appear in ${timeoutMs / 1000} s`);
}

/** A tiny REST client for seeding: JSON in, JSON out, problem+json thrown with its detail. */
export function rest(base, token) {
  const call = async (method, path, body, contentType = 'application/json') => {
    const headers = { Accept: 'application/json' };
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = contentType;
    }
    const response = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 400)}`);
    }
    return text ? JSON.parse(text) : undefined;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    upload: (path, bytes) => call('POST', path, bytes, 'application/octet-stream'),
    async job(id, timeoutMs = 300_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = await call('GET', `/api/jobs/${encodeURIComponent(id)}`);
        if (job.state === 'succeeded') {
          return job;
        }
        if (job.state === 'failed' || job.state === 'cancelled') {
          throw new Error(`job ${id} ${job.state}: ${JSON.stringify(job.error ?? job.message)}`);
        }
        if (Date.now() > until) {
          throw new Error(`job ${id} still ${job.state} at ${Math.round(job.progress * 100)} % after ${timeoutMs / 1000} s`);
        }
        await new Promise((r) => setTimeout(r, 300));
      }
    },
  };
}
