import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../src/web/client/sse';

describe('SSE parser', () => {
  it('parses the frames our server writes, skipping comments', () => {
    const parser = new SseParser();
    expect(parser.feed(': connected\n\nevent: message\ndata: {"event":"a","payload":1}\n\n')).toEqual([
      { event: 'message', data: '{"event":"a","payload":1}' },
    ]);
  });

  it('reassembles frames cut anywhere, including between CR and LF', () => {
    const text = 'event: message\r\ndata: one\r\n\r\ndata: two\r\ndata: lines\r\n\r\n';
    for (let cut = 0; cut <= text.length; cut += 1) {
      const parser = new SseParser();
      const frames = [...parser.feed(text.slice(0, cut)), ...parser.feed(text.slice(cut))];
      expect(frames, `cut at ${cut}`).toEqual([
        { event: 'message', data: 'one' },
        { event: 'message', data: 'two\nlines' },
      ]);
    }
  });

  it('keeps a named event type, treats a missing one as message, and drops frames without data', () => {
    const parser = new SseParser();
    expect(parser.feed('event: ping\n\nevent: other\ndata:x\n\ndata:  y\n\n')).toEqual([
      { event: 'other', data: 'x' },
      { event: 'message', data: ' y' },
    ]);
  });
});
