// End-to-end test of the web UI in a real browser (Debian's Chromium through playwright-core)
// against the real server (`segue serve` of the built distribution). Each step is reported on
// its own and leaves a screenshot in target/e2e-screenshots/; the last line is
// "e2e: N passed, N failed" and the exit code is non-zero when a step failed.
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { adminPassword, rest, startServer } from './server.mjs';
import { synthTrack } from './wav.mjs';

const { values: args } = parseArgs({
  options: {
    segue: { type: 'string' },
    url: { type: 'string' }, // an already running server (with --data) instead of starting one
    data: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    out: { type: 'string', default: 'target/e2e-screenshots' },
    work: { type: 'string', default: 'target/e2e-work' },
  },
});

const shots = resolve(args.out);
const work = resolve(args.work);
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const USER = 'dj';
const PASSWORD = 'e2e-secret-pass';
// Two tracks with a known tempo and key; "groove" is uploaded through the API, "drive" through the UI.
const TRACKS = {
  groove: { file: 'e2e-groove-124.wav', bpm: 124, tonic: 'A', minor: true, seconds: 90, seed: 7 },
  drive: { file: 'e2e-drive-128.wav', bpm: 128, tonic: 'C', minor: false, seconds: 90, seed: 9 },
};

const results = [];
let page;

async function step(name, body) {
  const started = Date.now();
  try {
    const detail = await body();
    results.push({ name, ok: true, detail: detail ?? '' });
    console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${detail ? ` — ${detail}` : ''}`);
  } catch (error) {
    results.push({ name, ok: false, detail: error.message });
    console.log(`FAIL ${name} (${((Date.now() - started) / 1000).toFixed(1)} s) — ${error.message.split('\n').slice(0, 6).join('\n     ')}`);
  }
  if (page) {
    const file = join(shots, `${String(results.length).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  }
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/** Pixels of a canvas that differ from its background, and how many columns are reddish vs bluish. */
async function canvasInk(testId) {
  return page.locator(`[data-testid="${testId}"]`).first().evaluate((canvas) => {
    const g = canvas.getContext('2d');
    const { width, height } = canvas;
    const pixels = g.getImageData(0, 0, width, height).data;
    const [br, bg, bb] = [11, 13, 20]; // the canvases' background, #0b0d14
    let ink = 0, red = 0, blue = 0, green = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const r = pixels[i], gg = pixels[i + 1], b = pixels[i + 2];
      if (Math.abs(r - br) + Math.abs(gg - bg) + Math.abs(b - bb) > 40) {
        ink++;
        if (r > gg + 30 && r > b + 30) red++;
        else if (b > r + 30 && b > gg + 30) blue++;
        else if (gg > r + 30 && gg > b + 30) green++;
      }
    }
    return { ink, fraction: ink / (width * height), red, green, blue, width, height };
  });
}

async function attr(testId, name) {
  return page.locator(`[data-testid="${testId}"]`).first().getAttribute(name);
}

async function waitForAttr(testId, name, predicate, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  let last = null;
  while (Date.now() < until) {
    last = await attr(testId, name).catch(() => null);
    if (last !== null && predicate(last)) {
      return last;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`${what}: ${testId} ${name} is ${last} after ${timeoutMs / 1000} s`);
}

/** Waits for a job bar to finish, recording every percentage it showed; fails on a failed job. */
async function followJob(testId, timeoutMs) {
  const seen = new Set();
  const until = Date.now() + timeoutMs;
  for (;;) {
    const box = page.locator(`[data-testid="${testId}"]`).first();
    const state = await box.getAttribute('data-state').catch(() => null);
    const progress = await box.getAttribute('data-progress').catch(() => null);
    if (progress !== null) {
      seen.add(Number(progress));
    }
    if (state === 'succeeded') {
      check(progress === '100', `${testId} succeeded but shows ${progress} %`);
      return [...seen].sort((a, b) => a - b);
    }
    if (state === 'failed' || state === 'cancelled') {
      const text = await box.innerText().catch(() => '');
      const error = await page.locator('.error').allInnerTexts().catch(() => []);
      throw new Error(`${testId} ${state}: ${text} ${error.join(' ')}`);
    }
    if (Date.now() > until) {
      throw new Error(`${testId} still ${state} at ${progress} % after ${timeoutMs / 1000} s`);
    }
    await page.waitForTimeout(150);
  }
}

async function audioClock() {
  return Number(await attr('audio-status', 'data-time'));
}

let server = null;
let browser = null;
try {
  let base = args.url;
  let data = args.data;
  if (!base) {
    check(args.segue, 'give --segue <distribution>/bin/segue (or --url and --data of a running server)');
    data = join(work, 'data');
    mkdirSync(data, { recursive: true });
    server = await startServer(args.segue, data);
    base = server.url;
  }
  console.log(`e2e: server at ${base}`);

  const files = {};
  for (const [name, spec] of Object.entries(TRACKS)) {
    files[name] = join(work, spec.file);
    writeFileSync(files[name], synthTrack(spec));
  }

  await step('seed user and track over REST', async () => {
    const admin = rest(base);
    const login = await admin.post('/api/auth/login', { username: 'admin', password: await adminPassword(data) });
    await rest(base, login.token).post('/api/users', { username: USER, password: PASSWORD, role: 'user' });
    const dj = rest(base, (await admin.post('/api/auth/login', { username: USER, password: PASSWORD })).token);
    const job = await dj.upload(`/api/tracks?filename=${TRACKS.groove.file}`, readFileSync(files.groove));
    await dj.job(job.id);
    return `user ${USER}, ${TRACKS.groove.file} analysed`;
  });

  browser = await chromium.launch({
    executablePath: args.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, colorScheme: 'dark' });
  page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // Which request a "Failed to load resource" console error was about (the console text has no URL).
  const failedResponses = [];
  page.on('response', (r) => r.status() >= 400 && failedResponses.push(`${r.status()} ${r.request().method()} ${r.url().replace(base, '')}`));

  await step('login', async () => {
    await page.goto(`${base}/`);
    await page.locator('input[name=username]').fill(USER);
    await page.locator('input[name=password]').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const refused = page.locator('.login [role=alert]');
    await refused.waitFor({ timeout: 15_000 });
    const refusal = await refused.innerText();
    check(/401/.test(refusal), `a wrong password shows "${refusal}"`);
    await page.screenshot({ path: join(shots, 'login-refused.png') });
    consoleErrors.length = 0; // the browser logs the deliberate 401; later errors are real
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-testid=user]').waitFor({ timeout: 15_000 });
    const token = await page.evaluate(() => sessionStorage.getItem('segue.token'));
    check(token && token.length > 10, 'no token in sessionStorage');
    const cookies = await context.cookies();
    check(cookies.length === 0, `the server set cookies: ${cookies.map((c) => c.name)}`);
    return `wrong password refused with "${refusal}"; token in sessionStorage, no cookies`;
  });

  await step('upload through the UI with job progress', async () => {
    await page.goto(`${base}/#/library`);
    await page.locator('[data-testid=upload-input]').setInputFiles(files.drive);
    const seen = await followJob('upload-job', 300_000);
    await page.locator('[data-testid=track-table] tbody tr').nth(1).waitFor({ timeout: 10_000 });
    return `progress seen ${seen.join(', ')} %`;
  });

  await step('library search and filters', async () => {
    await page.goto(`${base}/#/library`);
    const rows = page.locator('[data-testid=track-table] tbody tr');
    await rows.nth(1).waitFor({ timeout: 10_000 });
    await page.locator('input[name=q]').fill('groove');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=track-table] tbody tr').length === 1, null, { timeout: 10_000 });
    check((await rows.first().innerText()).toLowerCase().includes('groove'), `search "groove" shows ${await rows.first().innerText()}`);
    await page.locator('input[name=q]').fill('');
    await page.locator('input[name=bpmMin]').fill('126');
    await page.locator('input[name=bpmMax]').fill('130');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForFunction(() => {
      const r = document.querySelectorAll('[data-testid=track-table] tbody tr');
      return r.length === 1 && r[0].textContent.toLowerCase().includes('drive');
    }, null, { timeout: 10_000 });
    await page.locator('input[name=bpmMin]').fill('fast');
    await page.getByRole('button', { name: 'Search' }).click();
    check(await page.locator('input[name=bpmMin].bad').count() === 1, 'a bad BPM is not marked');
    await page.getByRole('button', { name: 'Clear' }).click();
    await rows.nth(1).waitFor({ timeout: 10_000 });
    return 'text search, BPM 126–130 finds only the 128 BPM track, bad input marked';
  });

  await step('track view: band-coloured waveform, beat grid, key, energy', async () => {
    await page.locator('[data-testid=track-table] a.title', { hasText: /groove/i }).first().click();
    await page.locator('[data-testid=energy-curve]').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    const ink = await canvasInk('track-waveform');
    check(ink.fraction > 0.05, `waveform canvas nearly blank: ${(ink.fraction * 100).toFixed(1)} % inked`);
    check(ink.red > 100 && ink.blue + ink.green > 50, `waveform not band-coloured: red ${ink.red}, green ${ink.green}, blue ${ink.blue}`);
    const bpm = Number((await page.locator('[data-testid=stat-bpm] .stat-value').innerText()).trim());
    check(Math.abs(bpm - 124) < 1.5, `BPM shown ${bpm}, synthesised 124`);
    const key = (await page.locator('[data-testid=stat-key] .stat-value').innerText()).trim();
    check(/^\d{1,2}[AB]$/.test(key), `key shown "${key}"`);
    return `${(ink.fraction * 100).toFixed(0)} % inked (red ${ink.red}, green ${ink.green}, blue ${ink.blue} px), BPM ${bpm}, key ${key}`;
  });

  await step('track view: recommended next with why, like', async () => {
    // The two main tracks are in keys that do not mix (the synthesised C major reads as 9B), so the
    // mixability filters keep them apart: a third track that mixes with the groove (A minor, 122 BPM)
    // is added for this step over REST and removed after it, so later steps see the library they expect.
    const login = await rest(base).post('/api/auth/login', { username: USER, password: PASSWORD });
    const dj = rest(base, login.token);
    const extra = await dj.job((await dj.upload('/api/tracks?filename=e2e-mellow-122.wav',
      synthTrack({ bpm: 122, tonic: 'A', minor: true, seconds: 30, seed: 11 }))).id);
    try {
      await page.reload();
      return await recommendedNext();
    } finally {
      await fetch(`${base}/api/tracks/${encodeURIComponent(extra.result.id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${login.token}` } });
    }
  });

  async function recommendedNext() {
    const items = page.locator('[data-testid=recommendation]');
    await items.first().waitFor({ timeout: 20_000 });
    const why = (await page.locator('[data-testid=recommendation-why]').first().innerText()).trim();
    check(why.length > 3, `recommendation without a why: "${why}"`);
    const strategies = await page.locator('[data-testid=recommend-strategy] option').count();
    check(strategies >= 2, `${strategies} strategy options (default + /api/recommenders)`);
    const like = page.locator('[data-testid=recommendation-like]').first();
    await like.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=recommendation-like]')?.disabled === true, null, { timeout: 10_000 });
    await page.locator('[data-testid=recommended]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'recommendations.png'), fullPage: true });
    return `${await items.count()} recommendations, first why "${why.slice(0, 60)}", ${strategies - 1} strategies, like sent`;
  }

  await step('track playback: spectrum and scrolling waveform', async () => {
    await page.locator('[data-testid=track-play]').click();
    await page.getByRole('button', { name: /Pause/ }).waitFor({ timeout: 20_000 });
    const t0 = Number(await attr('track-time', 'data-position'));
    const c0 = await audioClock();
    await page.waitForTimeout(1500);
    const t1 = Number(await attr('track-time', 'data-position'));
    const c1 = await audioClock();
    check((await attr('audio-status', 'data-state')) === 'running', `AudioContext ${await attr('audio-status', 'data-state')}`);
    check(t1 - t0 > 0.8, `track position moved ${t0} → ${t1}`);
    check(c1 - c0 > 0.8, `AudioContext time moved ${c0} → ${c1}`);
    const spectrum = await canvasInk('track-spectrum');
    check(spectrum.fraction > 0.02, `spectrum nearly blank: ${(spectrum.fraction * 100).toFixed(1)} %`);
    const scroll = await canvasInk('track-scroll');
    check(scroll.fraction > 0.05, 'scrolling waveform blank');
    await page.getByRole('button', { name: /Pause/ }).click();
    return `position ${t0.toFixed(2)} → ${t1.toFixed(2)} s, spectrum ${(spectrum.fraction * 100).toFixed(0)} % inked`;
  });

  await step('decks: load, play, sync, EQ, filter, crossfader', async () => {
    await page.goto(`${base}/#/decks`);
    const options = page.locator('[data-testid=deck-a-load] option');
    await options.nth(2).waitFor({ state: 'attached', timeout: 10_000 });
    const pick = async (deck, word) => {
      const value = await page.locator(`[data-testid=deck-${deck}-load] option`, { hasText: new RegExp(word, 'i') }).first().getAttribute('value');
      await page.locator(`[data-testid=deck-${deck}-load]`).selectOption(value);
      await waitForAttr(`deck-${deck}`, 'data-track', (v) => v === value, 30_000, `deck ${deck} load`);
    };
    await pick('a', 'groove');
    await pick('b', 'drive');
    await page.locator('[data-testid=deck-a-play]').click();
    await page.locator('[data-testid=deck-b-play]').click();
    await waitForAttr('deck-a', 'data-playing', (v) => v === 'yes', 5000, 'deck A play');
    await waitForAttr('deck-b', 'data-playing', (v) => v === 'yes', 5000, 'deck B play');
    const a0 = Number(await attr('deck-a-time', 'data-position'));
    const c0 = await audioClock();
    await page.waitForTimeout(1200);
    const a1 = Number(await attr('deck-a-time', 'data-position'));
    const c1 = await audioClock();
    check((await attr('audio-status', 'data-state')) === 'running', 'AudioContext not running');
    check(a1 - a0 > 0.6 && c1 - c0 > 0.6, `deck A ${a0} → ${a1}, AudioContext ${c0} → ${c1}`);

    await page.locator('[data-testid=deck-b-sync]').click();
    const bpmA = Number(await page.locator('[data-testid=deck-a-bpm]').innerText());
    const bpmB = Number(await page.locator('[data-testid=deck-b-bpm]').innerText());
    const rateB = Number(await attr('deck-b', 'data-rate'));
    check(Math.abs(bpmA - bpmB) < 0.02, `after sync deck A ${bpmA} BPM, deck B ${bpmB} BPM`);
    check(Math.abs(rateB - 124 / 128) < 0.015, `deck B rate ${rateB}, expected about ${(124 / 128).toFixed(4)}`);

    // Key lock: the worklet loaded (the button is enabled only then), and audio still flows
    // through the pitch shifter while deck B plays slowed down.
    const keyLock = page.locator('[data-testid=deck-b-keylock]');
    await keyLock.waitFor({ state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('[data-testid=deck-b-keylock]')?.hasAttribute('disabled'),
      null, { timeout: 10_000 });
    await keyLock.click();
    check((await keyLock.getAttribute('aria-pressed')) === 'true', 'key lock did not turn on');
    const b0 = Number(await attr('deck-b-time', 'data-position'));
    await page.waitForTimeout(800);
    const b1 = Number(await attr('deck-b-time', 'data-position'));
    check(b1 - b0 > 0.4, `deck B stalled under key lock: ${b0} → ${b1}`);
    check((await canvasInk('deck-b-spectrum')).fraction > 0.01, 'deck B spectrum blank under key lock');

    await page.locator('[data-testid=eq-a-low]').fill('-1');
    await page.locator('[data-testid=filter-b]').fill('-0.5');
    const readout = await page.locator('[data-testid=filter-b-readout]').innerText();
    check(/^LP \d+ Hz$/.test(readout), `filter readout "${readout}"`);
    await page.locator('[data-testid=crossfader]').fill('0.8');
    const spectrumB = await canvasInk('deck-b-spectrum');
    check(spectrumB.fraction > 0.01, 'deck B spectrum blank while playing');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'decks-playing.png'), fullPage: true });
    await page.locator('[data-testid=deck-a-play]').click();
    await page.locator('[data-testid=deck-b-play]').click();
    return `A ${a0.toFixed(2)} → ${a1.toFixed(2)} s; synced B to ${bpmB} BPM (rate ${rateB}), key lock on; LP filter "${readout}"`;
  });

  let transitionIndex = null;
  await step('mix planner: plan with transitions and explanations', async () => {
    await page.goto(`${base}/#/planner`);
    await page.locator('[data-testid=plan-arc]').selectOption('rise');
    await page.locator('[data-testid=plan-make]').click();
    await page.locator('[data-testid=plan]').waitFor({ timeout: 60_000 });
    const transitions = page.locator('.transition');
    check((await transitions.count()) >= 1, 'the plan has no transition');
    const testId = await transitions.first().getAttribute('data-testid');
    transitionIndex = testId.replace('transition-', '');
    const explanation = (await transitions.first().locator('.explanation').innerText()).trim();
    check(explanation.length > 10, `explanation "${explanation}"`);
    const style = (await transitions.first().locator('.pill.style').innerText()).trim();
    return `${await page.locator('.setlist li').count()} tracks, transition ${transitionIndex} in style "${style}": ${explanation.slice(0, 80)}`;
  });

  await step('preview transition plays', async () => {
    check(transitionIndex !== null, 'no plan');
    await page.locator(`[data-testid=preview-${transitionIndex}]`).click();
    const seen = await followJob(`preview-${transitionIndex}-job`, 300_000);
    await page.locator(`[data-testid=preview-${transitionIndex}-playing]`).waitFor({ timeout: 20_000 });
    const c0 = await audioClock();
    await page.waitForTimeout(800);
    check((await audioClock()) - c0 > 0.4, 'audio clock stopped during the preview');
    await page.screenshot({ path: join(shots, 'preview-playing.png'), fullPage: true });
    await page.locator(`[data-testid=preview-${transitionIndex}]`).click();
    return `preview job progress ${seen.join(', ')} %`;
  });

  await step('render mix with progress and downloads', async () => {
    check(transitionIndex !== null, 'no plan');
    await page.locator('[data-testid=render]').click();
    const seen = await followJob('render-job', 600_000);
    const files = page.locator('[data-testid=mix-files] a.download');
    await files.first().waitFor({ timeout: 20_000 });
    check((await files.count()) === 4, `${await files.count()} download links`);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.locator('[data-testid=mix-files] a.download', { hasText: 'tracklist' }).click(),
    ]);
    const path = await download.path();
    const tracklist = readFileSync(path, 'utf8');
    check(tracklist.length > 20, `tracklist download is ${tracklist.length} bytes`);
    return `render progress ${seen.join(', ')} %; tracklist ${tracklist.length} bytes`;
  });

  await step('share the mix: a logged-out browser plays the link, revoke ends it', async () => {
    await page.locator('[data-testid=mix-files] [data-testid=share-open]').click();
    await page.locator('[data-testid=share-visibility-unlisted]').check();
    await page.locator('[data-testid=share-create]').click();
    const urlField = page.locator('[data-testid=share-dialog] [data-testid=share-url]').first();
    await urlField.waitFor({ timeout: 10_000 });
    const link = await urlField.inputValue();
    check(/\/s\/[A-Za-z0-9_-]{24}$/.test(link), `share link ${link}`);
    const outsider = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    try {
      const visitor = await outsider.newPage();
      const answer = await visitor.goto(link);
      check(answer.status() === 200, `share page answered ${answer.status()}`);
      check((await visitor.evaluate(() => Object.keys(sessionStorage).length)) === 0, 'the visitor has no session');
      check((answer.headers()['x-robots-tag'] ?? '') === 'noindex', 'unlisted page without X-Robots-Tag: noindex');
      await visitor.waitForFunction(() => { const a = document.querySelector('audio'); return a && a.readyState >= 1 && a.duration > 1; },
        null, { timeout: 20_000 });
      await visitor.evaluate(() => document.querySelector('audio').play());
      await visitor.waitForFunction(() => document.querySelector('audio').currentTime > 0.5, null, { timeout: 20_000 });
      const state = await visitor.evaluate(() => { const a = document.querySelector('audio'); return { t: a.currentTime, d: a.duration }; });
      const rows = await visitor.locator('table.tracklist tr').count();
      check(rows >= 2, `${rows} tracklist rows on the share page`);
      await visitor.screenshot({ path: join(shots, 'share-page.png'), fullPage: true });
      await page.locator('[data-testid=share-dialog] [data-testid=share-revoke]').first().click();
      await page.locator('[data-testid=share-dialog] [data-testid=share-item]').first().waitFor({ state: 'detached', timeout: 10_000 });
      const after = await visitor.goto(link);
      check(after.status() === 404 || after.status() === 410, `revoked link answered ${after.status()}`);
      return `${link.replace(/[A-Za-z0-9_-]{20}$/, '…')} played to ${state.t.toFixed(1)} of ${state.d.toFixed(1)} s logged out; ${rows} tracks; revoked → ${after.status()}`;
    } finally {
      await outsider.close();
    }
  });

  await step('stats page: charts of plays, ratings, the set and tempi', async () => {
    const token = await page.evaluate(() => sessionStorage.getItem('segue.token'));
    const dj = rest(base, token);
    const { items } = await dj.get('/api/tracks?limit=10');
    const groove = items.find((t) => /groove/i.test(t.title ?? '')) ?? items[0];
    const drive = items.find((t) => t.id !== groove.id);
    for (const [id, kind, other] of [[groove.id, 'play'], [groove.id, 'play'], [drive.id, 'play'],
      [drive.id, 'transition-like', groove.id], [groove.id, 'transition-dislike', drive.id]]) {
      await dj.post('/api/feedback', { trackId: id, kind, ...(other ? { otherTrackId: other } : {}) });
    }
    const stats = await dj.get('/api/me/analytics?top=10');
    check(stats.mostPlayed.length === 2 && stats.mostPlayed[0].value === groove.id && stats.mostPlayed[0].count === 2,
      `most played ${JSON.stringify(stats.mostPlayed)}`);
    await page.goto(`${base}/#/stats`);
    await page.locator('[data-testid=chart-energy]').waitFor({ timeout: 15_000 });
    const count = (selector) => page.locator(selector).count();
    const bars = await count('[data-testid=chart-most-played] rect.bar');
    check(bars === 2, `${bars} most-played bars, 2 tracks played`);
    const values = await page.locator('[data-testid=chart-most-played] rect.bar').evaluateAll((r) => r.map((x) => Number(x.dataset.value)));
    check(values[0] === 2 && values[1] === 1, `bar values ${values}`);
    const label = await page.locator('[data-testid=chart-most-played] .bar-label').first().textContent();
    check(/groove/i.test(label), `first bar labelled "${label}", not the track's title`);
    const segments = await count('[data-testid=chart-transitions] path.segment');
    check(segments === 2, `${segments} donut segments for 1 kept and 1 skipped`);
    const energy = await count('[data-testid=chart-energy] circle.point');
    check(energy === stats.energyCurve.length && energy === 10, `${energy} energy points, the API has ${stats.energyCurve.length}`);
    const months = stats.months.filter((m) => typeof m.meanBpm === 'number').length;
    const tempo = await count('[data-testid=chart-tempo] circle.point');
    check(tempo === months && months >= 1, `${tempo} tempo points for ${months} months`);
    await page.locator('[data-testid=chart-most-played] rect.bar').first().hover();
    const readout = await page.locator('[data-testid=chart-most-played-readout]').innerText();
    check(/2 plays/.test(readout), `hover readout "${readout}"`);
    const svgTitle = await page.locator('[data-testid=chart-energy] svg > title').textContent();
    check(svgTitle && svgTitle.length > 3, 'the energy chart has no accessible title');
    await page.screenshot({ path: join(shots, 'stats.png'), fullPage: true });

    // An admin also sees every plugin's use: same page, the admin's token.
    const adminToken = (await rest(base).post('/api/auth/login', { username: 'admin', password: await adminPassword(data) })).token;
    const plugins = await rest(base, adminToken).get('/api/analytics/plugins');
    await page.evaluate((t) => sessionStorage.setItem('segue.token', t), adminToken);
    await page.reload();
    await page.locator('[data-testid=plugin-stats]').waitFor({ timeout: 15_000 });
    let pluginNote = 'no plugin use recorded';
    if (plugins.length > 0) {
      const rows = await count('[data-testid=chart-plugin-usage] .bar-row');
      check(rows === plugins.length, `${rows} plugin rows, the API lists ${plugins.length}`);
      const timed = plugins[0].latencyBuckets.some((c) => c > 0);
      if (timed) {
        await page.locator('[data-testid=chart-latency]').waitFor({ timeout: 5000 });
        check(await count('[data-testid=chart-latency] .p95 line') === 1, 'no p95 marker on the latency histogram');
      }
      pluginNote = `${plugins.length} plugins, ${plugins[0].plugin} used ${plugins[0].uses} times${timed ? ', latency histogram with p95' : ''}`;
    }
    await page.screenshot({ path: join(shots, 'stats-admin.png'), fullPage: true });
    await page.evaluate((t) => sessionStorage.setItem('segue.token', t), token);
    await page.reload();
    await page.locator('[data-testid=user]').waitFor({ timeout: 15_000 });
    return `${bars} bars (${values}), ${segments} donut segments, ${energy} energy points, ${tempo} tempo points; admin: ${pluginNote}`;
  });

  await step('play page: badges, leaderboard opt-in, challenge entry, boards', async () => {
    await page.goto(`${base}/#/play`);
    await page.locator('[data-testid=badge]').first().waitFor({ timeout: 15_000 });
    const token = await page.evaluate(() => sessionStorage.getItem('segue.token'));
    const badges = await rest(base, token).get('/api/me/badges');
    const shown = await page.locator('[data-testid=badge]').count();
    check(shown === badges.length && shown >= 9, `${shown} badges shown, the API has ${badges.length}`);
    check(await page.locator('[data-testid=badge] svg.ring').count() === shown, 'a progress ring per badge');
    check(await page.locator('[data-badge="segue.badge.first-mix/1"].earned').count() === 1, 'the rendered mix did not earn "First mix"');

    const logged = consoleErrors.length;
    await page.locator('input[name=pseudonym]').fill('x');
    await page.locator('[data-testid=join-boards]').click();
    await page.locator('[data-testid=membership] [role=alert]').waitFor({ timeout: 10_000 });
    check(await page.locator('input[name=pseudonym].bad').count() === 1, 'a refused pseudonym is not marked');
    consoleErrors.splice(logged); // the browser logs the deliberate 400; later errors are real
    await page.locator('input[name=pseudonym]').fill('E2E_DJ');
    await page.locator('[data-testid=join-boards]').click();
    await page.locator('[data-testid=my-pseudonym]', { hasText: 'E2E_DJ' }).waitFor({ timeout: 10_000 });

    const vote = page.locator('[data-testid=challenge][data-challenge^="segue.challenge.vote-"]');
    await vote.waitFor({ timeout: 10_000 });
    const others = page.locator('[data-testid=challenge]:not([data-challenge^="segue.challenge.vote-"])');
    check(await others.count() >= 2, `${await others.count()} challenges besides the vote`);
    check(await others.locator('[data-testid=challenge-mix]').count() === 0, 'a challenge that takes no entries offers to enter a mix');
    await vote.locator('[data-testid=challenge-join]').click();
    await vote.locator('.pill', { hasText: 'joined' }).waitFor({ timeout: 10_000 });
    const mix = await vote.locator('[data-testid=challenge-mix] option').nth(1).getAttribute('value');
    await vote.locator('[data-testid=challenge-mix]').selectOption(mix);
    await vote.locator('[data-testid=challenge-enter]').click();
    await vote.locator('text=1 of your mixes entered').waitFor({ timeout: 10_000 });
    await vote.locator('[data-testid=challenge-entries-toggle]').click();
    await vote.locator('[data-testid=challenge-entries] tbody tr').first().waitFor({ timeout: 10_000 });
    const entry = await vote.locator('[data-testid=challenge-entries] tbody tr').first().innerText();
    check(/you/.test(entry), `the entry row says "${entry}"`);

    const board = page.locator('[data-testid=leaderboard]');
    await page.waitForFunction(() => document.querySelector('[data-testid=leaderboard]')?.textContent?.includes('E2E_DJ'), null, { timeout: 10_000 });
    const row = (await board.locator('tbody tr', { hasText: 'E2E_DJ' }).innerText()).split(/\s+/);
    check(Number(row[row.length - 1]) >= 10, `global score ${row} (10 per badge earned)`);
    const page1 = await page.locator('[data-testid=board-page]').innerText();
    await page.screenshot({ path: join(shots, 'play.png'), fullPage: true });
    return `${shown} badges, joined as E2E_DJ, entered mix ${mix} in the vote, global board: ${row.join(' ')} (${page1})`;
  });

  await step('plugins page lists bundles', async () => {
    await page.goto(`${base}/#/plugins`);
    const rows = page.locator('[data-testid=plugins-table] tbody tr');
    await rows.nth(5).waitFor({ timeout: 10_000 });
    const count = await rows.count();
    const webui = page.locator('[data-testid=plugins-table] tr[data-symbolic-name="org.segue.plugin.server.webui"] .state');
    const state = (await webui.innerText()).trim();
    check(/active/i.test(state), `org.segue.plugin.server.webui is ${state}`);
    return `${count} bundles, web UI ${state}`;
  });

  await step('no errors in the browser console', async () => {
    const relevant = consoleErrors.filter((e) => !/favicon/i.test(e));
    check(relevant.length === 0, `${relevant.slice(0, 5).join('\n')}\nanswers >= 400: ${failedResponses.slice(0, 10).join(', ')}`);
  });
} catch (error) {
  results.push({ name: 'setup', ok: false, detail: error.message });
  console.log(`FAIL setup — ${error.message}`);
} finally {
  await browser?.close().catch(() => {});
  if (server) {
    await server.stop();
    writeFileSync(join(work, 'server.log'), server.output());
  }
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`screenshots: ${shots}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
