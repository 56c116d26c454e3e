import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoachBridge } from '../../../src/shared/contract';
import { createWebCoach } from '../../../src/web/client/web-coach';
import { startWebServer } from '../../../src/web/server';
import { startRig, type WebRig } from './web-rig';

type Notice = { level: 'info' | 'warning' | 'error'; message: string };

let rig: WebRig;
const stops: AbortController[] = [];

/** The page's client, pointed at the test server; its event stream ends with the test. */
function client(token: string | null): CoachBridge {
  const stop = new AbortController();
  stops.push(stop);
  return createWebCoach(token, { base: rig.server.url.replace(/\/$/, ''), signal: stop.signal });
}

function nextNotice(coach: CoachBridge): Promise<Notice> {
  return new Promise((resolve) => {
    const off = coach.on('app.notice', (notice) => {
      off();
      resolve(notice);
    });
  });
}

/**
 * The next notice, calling app.about until it comes: the server only emits to streams connected at
 * that moment, and the client (re)connects on its own schedule.
 */
async function noticeWhileCalling(coach: CoachBridge): Promise<Notice> {
  let received: Notice | null = null;
  void nextNotice(coach).then((notice) => (received = notice));
  for (let i = 0; i < 200 && received === null; i += 1) {
    await coach.invoke('app.about', {});
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (received === null) throw new Error('no notice arrived within 10 s');
  return received;
}

/** Makes the back end emit `message` the next time app.about is called. */
function emitOnAbout(message: string): void {
  const about = rig.backend.handlers['app.about'];
  rig.backend.handlers['app.about'] = async (input, ctx) => {
    ctx.emit('app.notice', { level: 'info', message });
    return about(input, ctx);
  };
}

beforeAll(async () => {
  rig = await startRig();
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop.abort();
});

afterAll(async () => {
  await rig.stop();
});

describe('web client', () => {
  it('calls the back end with the token header', async () => {
    const coach = client(rig.server.token);
    const about = await coach.invoke('app.about', {});
    expect(about).toMatchObject({ ok: true, value: { shell: 'web' } });
  });

  it('receives events over a fetch() stream and reconnects after the server restarts', async () => {
    const coach = client(rig.server.token);
    const original = rig.backend.handlers['app.about'];
    try {
      emitOnAbout('first notice');
      expect(await noticeWhileCalling(coach)).toEqual({ level: 'info', message: 'first notice' });

      await rig.server.close();
      await rig.restart();
      rig.backend.handlers['app.about'] = original;
      emitOnAbout('after restart');
      expect(await noticeWhileCalling(coach)).toEqual({ level: 'info', message: 'after restart' });
    } finally {
      rig.backend.handlers['app.about'] = original;
    }
  });

  it('without a token: every call is forbidden, the server is not asked, and a notice says what to open', async () => {
    const coach = client(null);
    const notice = nextNotice(coach);
    const result = await coach.invoke('sessions.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!result.ok) expect(result.error.message).toMatch(/open the address that "npm run web" printed in the terminal/);
    expect(await notice).toMatchObject({ level: 'error', message: expect.stringMatching(/printed in the terminal/) });
  });

  it('with a stale token: calls come back forbidden and the notice appears once', async () => {
    const coach = client('stale-token-from-an-earlier-launch');
    const notices: Notice[] = [];
    coach.on('app.notice', (n) => notices.push(n));
    expect(await coach.invoke('sessions.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await coach.invoke('stories.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(notices.filter((n) => n.level === 'error')).toHaveLength(1);
  });

  it('after a restart with a new token, an open page says the app was restarted and where to go', async () => {
    const coach = client(rig.server.token);
    expect(await coach.invoke('app.about', {})).toMatchObject({ ok: true });
    const notices: Notice[] = [];
    coach.on('app.notice', (n) => notices.push(n));
    const { port } = rig.server;
    await rig.server.close();
    // Stopped: the page says it stopped or restarted, not that it never ran.
    const down = await coach.invoke('app.about', {});
    expect(down).toMatchObject({ ok: false, error: { code: 'offline' } });
    if (!down.ok) expect(down.error.message).toMatch(/stopped or restarted.*new address printed in the terminal/);
    // Started again on the same port with a new token: the old page is told it was restarted.
    rig.server = await startWebServer({ backend: rig.backend, rendererDir: rig.rendererDir, port });
    const refused = await coach.invoke('app.about', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!refused.ok)
      expect(refused.error.message).toMatch(
        /^Postmortem Coach was restarted: open the new address printed in the terminal/,
      );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(notices.filter((n) => n.level === 'error').map((n) => n.message)).toEqual([
      refused.ok ? '' : refused.error.message,
    ]);
  });

  it('reports an oversized call as the 413 error, not as an unreachable back end', async () => {
    const coach = client(rig.server.token);
    const result = await coach.invoke('stories.create', { name: 'Big story', note: 'a'.repeat(9 * 1024 * 1024) });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'too_large', message: expect.stringMatching(/8 MiB limit/) as string },
    });
  });
});
