export interface SseFrame {
  event: string;
  data: string;
}

/**
 * Incremental parser for a `text/event-stream` body (the HTML standard's rules, minus `id` and
 * `retry`, which our server never sends): feed it text as it arrives, in chunks cut anywhere, and
 * it returns the frames completed so far.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  feed(text: string): SseFrame[] {
    this.buffer += text;
    const frames: SseFrame[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      if (end === -1) break;
      // A lone CR at the end may be the first half of a CRLF still in flight.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(this.buffer.startsWith('\r\n', end) ? end + 2 : end + 1);
      const frame = this.line(line);
      if (frame) frames.push(frame);
    }
    return frames;
  }

  private line(line: string): SseFrame | null {
    if (line === '') {
      const frame = this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n') } : null;
      this.event = '';
      this.data = [];
      return frame;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }
}
