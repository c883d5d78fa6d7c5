// A stand-in for `segue serve` that implements the API.md contract in memory, for developing the
// UI without the Java server (`node e2e/mock-api.mjs --port 8090`, then `npm run dev` with
// SEGUE_URL=http://127.0.0.1:8090, or `node e2e/e2e.mjs --url http://127.0.0.1:8090 --data <dir>`).
// It is a development aid, not a test of the server: the real end-to-end run is e2e/run.sh.
// Analysis is faked from what the synthesised tracks are known to be (their file name's BPM).
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { port: { type: 'string', default: '8090' }, data: { type: 'string', default: 'target/mock-data' } } });
const data = resolve(args.data);
mkdirSync(data, { recursive: true });
writeFileSync(join(data, 'initial-admin-password'), 'admin-password-1\n');
const webui = resolve('target/classes/webui');

const users = new Map([['admin', { username: 'admin', role: 'admin', password: 'admin-password-1', createdAt: new Date().toISOString() }]]);
const tokens = new Map();
const tracks = new Map(); // id → { owner, track, pcm: {rate, left: Float32Array}, wav: Buffer, bpm }
const jobs = new Map();
const plans = new Map();
const mixes = new Map();
const previews = new Map();

function problem(res, status, title, detail, field) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title, status, detail, field }));
}
function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks);
}

function decodeWav(buf) {
  let p = 12, fmt = null;
  while (p < buf.length - 8) {
    const id = buf.toString('ascii', p, p + 4), size = buf.readUInt32LE(p + 4);
    if (id === 'fmt ') fmt = { channels: buf.readUInt16LE(p + 10), rate: buf.readUInt32LE(p + 12), bits: buf.readUInt16LE(p + 22) };
    if (id === 'data') {
      if (!fmt || fmt.bits !== 16) throw new Error('only 16-bit PCM WAV');
      const frames = Math.floor(size / (2 * fmt.channels));
      const left = new Float32Array(frames);
      for (let i = 0; i < frames; i++) left[i] = buf.readInt16LE(p + 8 + i * 2 * fmt.channels) / 32768;
      return { rate: fmt.rate, left };
    }
    p += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}
function encodeWav(rate, samples) {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), i * 2));
  const h = Buffer.alloc(44);
  h.write('RIFF', 0); h.writeUInt32LE(36 + data.length, 4); h.write('WAVE', 8); h.write('fmt ', 12);
  h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22); h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34); h.write('data', 36); h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

function job(owner, kind, seconds, finish) {
  const j = { id: randomUUID(), owner, kind, state: 'queued', progress: 0, message: null, createdAt: new Date().toISOString(), finishedAt: null, result: null, error: null };
  jobs.set(j.id, j);
  const start = Date.now();
  const timer = setInterval(() => {
    const f = (Date.now() - start) / (seconds * 1000);
    j.state = 'running';
    j.progress = Math.min(0.99, f);
    j.message = `${kind} ${Math.round(j.progress * 100)} %`;
    if (f >= 1) {
      clearInterval(timer);
      try {
        j.result = finish();
        j.state = 'succeeded';
        j.progress = 1;
      } catch (e) {
        j.state = 'failed';
        j.error = { title: 'Job failed', status: 400, detail: e.message };
      }
      j.finishedAt = new Date().toISOString();
    }
  }, 200);
  return j;
}
const jobView = ({ owner, ...j }) => j;

function analyse(entry) {
  const { pcm, bpm, track } = entry;
  const duration = pcm.left.length / pcm.rate;
  const beat = 60 / bpm;
  const beats = []; for (let t = 0; t < duration; t += beat) beats.push(+t.toFixed(4));
  const energy = []; const hop = 0.5;
  for (let t = 0; t < duration; t += hop) {
    let s = 0; const i0 = Math.floor(t * pcm.rate), i1 = Math.min(pcm.left.length, Math.floor((t + hop) * pcm.rate));
    for (let i = i0; i < i1; i++) s += pcm.left[i] ** 2;
    energy.push(Math.min(1, Math.sqrt(s / Math.max(1, i1 - i0)) * 4));
  }
  return {
    trackId: track.id, durationSeconds: duration, tempo: { bpm, segments: [{ startSeconds: 0, bpm }] },
    beats, downbeats: beats.filter((_, i) => i % 4 === 0), key: { camelot: track.key, name: track.keyName, confidence: 0.8 },
    keySegments: [{ startSeconds: 0, camelot: track.key }], chords: [],
    loudness: { integratedLufs: track.loudnessLufs, rangeLu: 3.1, truePeakDbtp: -1.2 },
    energy: { hopSeconds: hop, values: energy }, mood: { valence: 0.6, arousal: 0.7 },
    structure: [{ startSeconds: 0, endSeconds: duration / 3, label: 'intro' }, { startSeconds: duration / 3, endSeconds: (2 * duration) / 3, label: 'main' }, { startSeconds: (2 * duration) / 3, endSeconds: duration, label: 'outro' }],
  };
}

function waveform(entry, points) {
  const { pcm } = entry;
  const n = pcm.left.length, per = Math.max(1, Math.floor(n / points));
  const out = { durationSeconds: n / pcm.rate, sampleRate: pcm.rate, points, peak: [], low: [], mid: [], high: [] };
  let lp = 0, lp2 = 0, prev = 0;
  const aLow = 1 - Math.exp((-2 * Math.PI * 250) / pcm.rate), aHigh = 1 - Math.exp((-2 * Math.PI * 4000) / pcm.rate);
  for (let p = 0; p < points; p++) {
    let pk = 0, lo = 0, mi = 0, hi = 0;
    for (let i = p * per; i < Math.min(n, (p + 1) * per); i++) {
      const x = pcm.left[i];
      lp += aLow * (x - lp); lp2 += aHigh * (x - lp2);
      const high = x - lp2, mid = lp2 - lp;
      pk = Math.max(pk, Math.abs(x)); lo = Math.max(lo, Math.abs(lp)); mi = Math.max(mi, Math.abs(mid)); hi = Math.max(hi, Math.abs(high));
      prev = x;
    }
    out.peak.push(pk); out.low.push(lo); out.mid.push(mi); out.high.push(Math.min(1, hi * 3));
  }
  void prev;
  return out;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname;
  try {
    if (!path.startsWith('/api/')) {
      const file = join(webui, path === '/' ? 'index.html' : path);
      if (!file.startsWith(webui) || !existsSync(file)) return problem(res, 404, 'Not found', path);
      const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      return res.end(readFileSync(file));
    }
    if (path === '/api/health') return json(res, 200, { status: 'ok', version: 'mock' });
    if (path === '/api/auth/login' && req.method === 'POST') {
      const { username, password } = JSON.parse((await body(req)).toString() || '{}');
      const u = users.get(username);
      if (!u || u.password !== password) return problem(res, 401, 'Bad credentials', 'unknown user or wrong password');
      const token = randomUUID();
      tokens.set(token, username);
      return json(res, 200, { token, expiresAt: new Date(Date.now() + 3600e3).toISOString(), user: { username, role: u.role, createdAt: u.createdAt } });
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const me = users.get(tokens.get(token));
    if (!me) return problem(res, 401, 'Not signed in', 'a bearer token is required');
    const mine = (id, map) => { const v = map.get(id); return v && v.owner === me.username ? v : null; };
    let m;
    if (path === '/api/me') return json(res, 200, { username: me.username, role: me.role, createdAt: me.createdAt });
    if (path === '/api/auth/logout') { tokens.delete(token); res.writeHead(204); return res.end(); }
    if (path === '/api/users' && req.method === 'POST') {
      if (me.role !== 'admin') return problem(res, 403, 'Admins only');
      const u = JSON.parse((await body(req)).toString());
      if (!/^[a-z0-9_.-]{2,32}$/.test(u.username ?? '')) return problem(res, 400, 'Bad username', 'usernames are [a-z0-9_.-]{2,32}', 'username');
      users.set(u.username, { ...u, createdAt: new Date().toISOString() });
      return json(res, 201, { username: u.username, role: u.role, createdAt: new Date().toISOString() });
    }
    if (path === '/api/tracks' && req.method === 'POST') {
      const filename = url.searchParams.get('filename');
      if (!filename) return problem(res, 400, 'Missing filename', 'give ?filename=', 'filename');
      const bytes = await body(req);
      const pcm = decodeWav(bytes);
      const bpm = Number(/(\d{2,3})\.wav$/.exec(filename)?.[1] ?? 120);
      const minor = bpm % 8 === 4;
      const id = randomUUID().slice(0, 8);
      const title = filename.replace(/\.wav$/, '').replace(/^e2e-/, '').replace(/-\d+$/, '');
      const entry = {
        owner: me.username, bpm, pcm, wav: bytes,
        track: { id, title: title[0].toUpperCase() + title.slice(1), artist: 'Segue Synth', album: 'E2E', genre: minor ? 'deep house' : 'techno',
          durationSeconds: pcm.left.length / pcm.rate, bpm, key: minor ? '8A' : '8B', keyName: minor ? 'A minor' : 'C major', energy: minor ? 0.62 : 0.81,
          loudnessLufs: -9.5, source: { kind: 'upload', licence: 'own', mixable: true } },
      };
      const j = job(me.username, 'analyse', 2, () => { tracks.set(id, entry); return { trackId: id }; });
      return json(res, 202, jobView(j), { Location: `/api/jobs/${j.id}` });
    }
    if (path === '/api/tracks') {
      let items = [...tracks.values()].filter((t) => t.owner === me.username).map((t) => t.track);
      const q = (url.searchParams.get('q') ?? '').toLowerCase();
      if (q) items = items.filter((t) => `${t.title} ${t.artist} ${t.genre}`.toLowerCase().includes(q));
      const bpm = url.searchParams.get('bpm');
      if (bpm) { const [a, b] = bpm.split('-').map(Number); items = items.filter((t) => t.bpm >= a && t.bpm <= b); }
      const key = url.searchParams.get('key'); if (key) items = items.filter((t) => t.key === key);
      const genre = url.searchParams.get('genre'); if (genre) items = items.filter((t) => t.genre === genre);
      const energy = url.searchParams.get('energy');
      if (energy) { const [a, b] = energy.split('-').map(Number); items = items.filter((t) => t.energy >= a && t.energy <= b); }
      const count = (f) => Object.entries(items.reduce((c, t) => ({ ...c, [t[f]]: (c[t[f]] ?? 0) + 1 }), {})).map(([value, count]) => ({ value, count }));
      return json(res, 200, { total: items.length, offset: 0, items, facets: { genre: count('genre'), key: count('key') } });
    }
    if ((m = /^\/api\/tracks\/([^/]+)(\/\w+)?$/.exec(path))) {
      const t = mine(m[1], tracks);
      if (!t) return problem(res, 404, 'Not found', `no track ${m[1]}`);
      if (!m[2]) return json(res, 200, t.track);
      if (m[2] === '/analysis') return json(res, 200, analyse(t));
      if (m[2] === '/waveform') return json(res, 200, waveform(t, Number(url.searchParams.get('points') ?? 1000)));
      if (m[2] === '/audio') { res.writeHead(200, { 'Content-Type': 'audio/wav' }); return res.end(t.wav); }
    }
    if ((m = /^\/api\/jobs\/([^/]+)$/.exec(path))) {
      const j = mine(m[1], jobs);
      return j ? json(res, 200, jobView(j)) : problem(res, 404, 'Not found', `no job ${m[1]}`);
    }
    if (path === '/api/styles') return json(res, 200, [{ id: 'classic/1', name: 'Classic blend', description: 'EQ swap over 16 bars' }, { id: 'cut/1', name: 'Cut', description: 'on the downbeat' }]);
    if (path === '/api/mixes/plans' && req.method === 'POST') {
      const b = JSON.parse((await body(req)).toString());
      const list = [...tracks.values()].filter((t) => t.owner === me.username && (b.all || b.tracks?.includes(t.track.id))).map((t) => t.track).sort((x, y) => x.bpm - y.bpm);
      if (list.length < 2) return problem(res, 400, 'Too few tracks', 'a plan needs at least two tracks', 'tracks');
      let at = 0;
      const transitions = list.slice(1).map((t, i) => {
        at += list[i].durationSeconds - 16;
        return { index: i, fromTrackId: list[i].id, toTrackId: t.id, style: b.style === 'auto' ? 'classic/1' : b.style, startSeconds: at, lengthSeconds: 16, score: 0.86,
          explanation: `${list[i].key} → ${t.key} is a relative major/minor move on the Camelot wheel; ${list[i].bpm} → ${t.bpm} BPM is within 4 %, so the tempo glides over 8 bars while the bass is swapped on the downbeat.` };
      });
      const plan = { id: randomUUID().slice(0, 8), owner: me.username, createdAt: new Date().toISOString(), style: b.style, arc: b.arc, tracks: list, transitions,
        durationSeconds: list.reduce((s, t) => s + t.durationSeconds, 0) - 16 * transitions.length };
      plans.set(plan.id, plan);
      const { owner, ...view } = plan; void owner;
      return json(res, 201, view);
    }
    if ((m = /^\/api\/mixes\/plans\/([^/]+)\/transitions\/(\d+)\/preview$/.exec(path))) {
      const plan = mine(m[1], plans);
      if (!plan) return problem(res, 404, 'Not found', `no plan ${m[1]}`);
      const tr = plan.transitions[Number(m[2])];
      const a = tracks.get(tr.fromTrackId).pcm, b = tracks.get(tr.toTrackId).pcm;
      const j = job(me.username, 'preview', 1.5, () => {
        const len = 20 * a.rate, out = new Float32Array(len);
        for (let i = 0; i < len; i++) { const x = i / len; out[i] = 0.7 * (Math.cos((x * Math.PI) / 2) * (a.left[a.left.length - len + i] ?? 0) + Math.sin((x * Math.PI) / 2) * (b.left[i] ?? 0)); }
        const pid = randomUUID().slice(0, 8);
        previews.set(pid, { owner: me.username, wav: encodeWav(a.rate, out) });
        return { audio: `/api/previews/${pid}/audio` };
      });
      return json(res, 202, jobView(j), { Location: `/api/jobs/${j.id}` });
    }
    if ((m = /^\/api\/previews\/([^/]+)\/audio$/.exec(path))) {
      const p = mine(m[1], previews);
      if (!p) return problem(res, 404, 'Not found');
      res.writeHead(200, { 'Content-Type': 'audio/wav' });
      return res.end(p.wav);
    }
    if (path === '/api/mixes' && req.method === 'POST') {
      const { planId } = JSON.parse((await body(req)).toString());
      const plan = mine(planId, plans);
      if (!plan) return problem(res, 404, 'Not found', `no plan ${planId}`, 'planId');
      const j = job(me.username, 'mix', 4, () => {
        const id = randomUUID().slice(0, 8);
        let at = 0;
        const tracklist = plan.tracks.map((t, i) => { const e = { startSeconds: at, trackId: t.id, title: t.title, artist: t.artist }; at += t.durationSeconds - (i < plan.transitions.length ? 16 : 0); return e; });
        mixes.set(id, { owner: me.username, id, planId, createdAt: new Date().toISOString(), durationSeconds: plan.durationSeconds, loudnessLufs: -9.0, tracklist,
          files: { audio: `/api/mixes/${id}/audio`, cue: `/api/mixes/${id}/cue`, tracklist: `/api/mixes/${id}/tracklist`, timeline: `/api/mixes/${id}/timeline.svg` } });
        return { mixId: id };
      });
      return json(res, 202, jobView(j), { Location: `/api/jobs/${j.id}` });
    }
    if (path === '/api/mixes') return json(res, 200, [...mixes.values()].filter((x) => x.owner === me.username).map(({ owner, ...v }) => v));
    if ((m = /^\/api\/mixes\/([^/]+)(\/[\w.]+)?$/.exec(path))) {
      const mix = mine(m[1], mixes);
      if (!mix) return problem(res, 404, 'Not found');
      const { owner, ...view } = mix; void owner;
      if (!m[2]) return json(res, 200, view);
      if (m[2] === '/tracklist') return json(res, 200, mix.tracklist);
      if (m[2] === '/cue') { res.writeHead(200, { 'Content-Type': 'text/plain' }); return res.end('TITLE "mix"\n'); }
      if (m[2] === '/timeline.svg') { res.writeHead(200, { 'Content-Type': 'image/svg+xml' }); return res.end('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60"><rect width="300" height="60" fill="#c33"/><rect x="260" width="340" height="60" fill="#36c" opacity=".8"/></svg>'); }
      if (m[2] === '/audio') { res.writeHead(200, { 'Content-Type': 'audio/wav' }); return res.end(encodeWav(8000, new Float32Array(8000))); }
    }
    if (path === '/api/plugins') {
      return json(res, 200, ['org.apache.felix.scr', 'org.apache.felix.configadmin', 'org.apache.felix.http.jetty12', 'org.segue.plugin.analysis.engine', 'org.segue.plugin.decoder.wav', 'org.segue.plugin.mix.engine',
        'org.segue.plugin.server.http', 'org.segue.plugin.server.webui', 'org.segue.plugin.library.lucene'].map((s) => ({ symbolicName: s, name: s, version: '0.1.0', state: 'ACTIVE', problem: null })));
    }
    return problem(res, 404, 'Not found', `${req.method} ${path}`);
  } catch (e) {
    return problem(res, 500, 'Mock failed', e.message);
  }
});
server.listen(Number(args.port), '127.0.0.1', () => console.log(`Segue server listening on http://127.0.0.1:${server.address().port}`));
