/**
 * Identify an audio container from its first bytes (never from the file extension, which is often
 * wrong), so unsupported formats get a message naming what the file actually is.
 */
export type AudioContainer = 'wav' | 'mp3' | 'flac';

export type SniffedAudio =
  | {
      kind: 'supported';
      container: AudioContainer;
      /** Byte offset of the audio stream (after an ID3v2 tag). */ offset: number;
    }
  | { kind: 'unsupported'; name: string };

/** Size of an ID3v2 tag at the start of `head` (0 if none). */
function id3v2Size(head: Uint8Array): number {
  if (head.length < 10 || head[0] !== 0x49 || head[1] !== 0x44 || head[2] !== 0x33) return 0; // "ID3"
  const syncsafe =
    (((head[6] ?? 0) & 0x7f) << 21) |
    (((head[7] ?? 0) & 0x7f) << 14) |
    (((head[8] ?? 0) & 0x7f) << 7) |
    ((head[9] ?? 0) & 0x7f);
  const footer = ((head[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
  return 10 + syncsafe + footer;
}

/** A plausible MPEG audio frame header at `i`: sync, version, layer, bitrate and rate not reserved. */
export function isMpegFrameHeader(b: Uint8Array, i: number): boolean {
  if (i + 4 > b.length) return false;
  const b0 = b[i] as number;
  const b1 = b[i + 1] as number;
  const b2 = b[i + 2] as number;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrate = (b2 >> 4) & 0xf;
  const rate = (b2 >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 0xf && rate !== 3;
}

function ascii(b: Uint8Array, at: number, len: number): string {
  return String.fromCharCode(...b.subarray(at, at + len));
}

export function sniffAudio(head: Uint8Array): SniffedAudio {
  const riff = ascii(head, 0, 4);
  if ((riff === 'RIFF' || riff === 'RF64') && ascii(head, 8, 4) === 'WAVE')
    return { kind: 'supported', container: 'wav', offset: 0 };
  if (riff === 'RIFX') return { kind: 'unsupported', name: 'a big-endian WAV (RIFX) file' };
  if (riff === 'RIFF' && ascii(head, 8, 4) === 'AVI ') return { kind: 'unsupported', name: 'an AVI video' };

  const id3 = id3v2Size(head);
  if (ascii(head, id3, 4) === 'fLaC') return { kind: 'supported', container: 'flac', offset: id3 };
  if (id3 > 0) {
    // An ID3 tag is followed by MPEG frames; the tag may be larger than the bytes we sniffed.
    if (id3 >= head.length || isMpegFrameHeader(head, id3)) return { kind: 'supported', container: 'mp3', offset: id3 };
  }
  if (isMpegFrameHeader(head, 0) && ((head[1] as number) >> 1) & 3)
    return { kind: 'supported', container: 'mp3', offset: 0 };

  if (riff === 'OggS') {
    const text = ascii(head, 0, Math.min(head.length, 128));
    if (text.includes('OpusHead')) return { kind: 'unsupported', name: 'Ogg Opus audio' };
    if (text.includes('vorbis')) return { kind: 'unsupported', name: 'Ogg Vorbis audio' };
    if (text.includes('FLAC')) return { kind: 'unsupported', name: 'Ogg-wrapped FLAC' };
    return { kind: 'unsupported', name: 'an Ogg file' };
  }
  if (ascii(head, 4, 4) === 'ftyp') return { kind: 'unsupported', name: 'MP4/M4A (AAC) audio or video' };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3)
    return { kind: 'unsupported', name: 'WebM/Matroska audio or video' };
  if (riff === 'FORM' && (ascii(head, 8, 4) === 'AIFF' || ascii(head, 8, 4) === 'AIFC'))
    return { kind: 'unsupported', name: 'AIFF audio' };
  if (head[0] === 0xff && ((head[1] ?? 0) & 0xf6) === 0xf0)
    return { kind: 'unsupported', name: 'raw AAC (ADTS) audio' };
  if (ascii(head, 0, 5) === '#!AMR') return { kind: 'unsupported', name: 'AMR voice audio' };
  if (ascii(head, 0, 4) === 'MThd') return { kind: 'unsupported', name: 'a MIDI file (notes, not recorded sound)' };
  if (ascii(head, 0, 4) === 'caff') return { kind: 'unsupported', name: 'Core Audio (CAF) audio' };
  if (ascii(head, 0, 4) === '.snd') return { kind: 'unsupported', name: 'Sun/NeXT .au audio' };
  if (ascii(head, 0, 4) === 'wvpk') return { kind: 'unsupported', name: 'WavPack audio' };
  if (ascii(head, 0, 4) === 'MAC ') return { kind: 'unsupported', name: "Monkey's Audio (APE)" };
  if (ascii(head, 0, 4) === '%PDF') return { kind: 'unsupported', name: 'a PDF document' };
  if (head[0] === 0x50 && head[1] === 0x4b) return { kind: 'unsupported', name: 'a ZIP archive' };
  let printable = 0;
  const sample = head.subarray(0, 256);
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127)) printable++;
  if (sample.length > 0 && printable / sample.length > 0.95) return { kind: 'unsupported', name: 'a text file' };
  return { kind: 'unsupported', name: 'an unrecognised file' };
}
