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
    return `A ${a0.toFixed(2)} → ${a1.toFixed(2)} s; synced B to ${bpmB} BPM (rate ${rateB}); LP filter "${readout}"`;
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
    check(relevant.length === 0, relevant.slice(0, 5).join('\n'));
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
