/**
 * Names what a file that is NOT a ggml model most likely is, from its first bytes, so "wrong magic"
 * can say something useful: a proxy's HTML login page, a Git LFS pointer, a GGUF file, a PyTorch
 * checkpoint that still needs converting, an archive…
 */
export interface SniffResult {
  kind:
    | 'ggml'
    | 'ggml-big-endian'
    | 'gguf'
    | 'ggml-llama-legacy'
    | 'html'
    | 'json'
    | 'git-lfs-pointer'
    | 'zip'
    | 'gzip'
    | 'safetensors'
    | 'pickle'
    | 'text'
    | 'binary';
  description: string;
}

const GGML = 0x67676d6c;

export function sniffModelBytes(head: Buffer): SniffResult {
  const u32 = head.length >= 4 ? head.readUInt32LE(0) : -1;
  if (u32 === GGML) return { kind: 'ggml', description: 'a ggml model file' };
  if (head.length >= 4 && head.readUInt32BE(0) === GGML) {
    return {
      kind: 'ggml-big-endian',
      description: 'a big-endian ggml file (this build reads little-endian models only)',
    };
  }
  const ascii4 = head.subarray(0, 4).toString('latin1');
  if (ascii4 === 'GGUF') {
    return {
      kind: 'gguf',
      description: 'a GGUF file (the newer llama.cpp format), not a whisper.cpp ggml Whisper model',
    };
  }
  // 'ggjt', 'ggmf', 'ggla' written as little-endian uint32 magics by old llama.cpp versions.
  if (['tjgg', 'fmgg', 'algg'].includes(ascii4)) {
    return {
      kind: 'ggml-llama-legacy',
      description: 'a legacy llama.cpp model file (ggjt/ggmf/ggla), not a Whisper model',
    };
  }
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  const lower = text.slice(0, 200).toLowerCase();
  if (
    lower.startsWith('<!doctype html') ||
    lower.startsWith('<html') ||
    lower.startsWith('<head') ||
    lower.startsWith('<body') ||
    (lower.startsWith('<') && lower.includes('<html'))
  ) {
    return {
      kind: 'html',
      description: 'an HTML web page (a proxy, login or error page was saved instead of the model)',
    };
  }
  if (lower.startsWith('version https://git-lfs.github.com/spec')) {
    return {
      kind: 'git-lfs-pointer',
      description: 'a Git LFS pointer file (the repository was cloned without `git lfs pull`)',
    };
  }
  if (lower.startsWith('{') || lower.startsWith('[')) {
    return { kind: 'json', description: 'a JSON document (probably an error response from the server)' };
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return {
      kind: 'zip',
      description: 'a ZIP archive (a PyTorch .pt checkpoint or a zipped model: convert/unzip it to a ggml .bin first)',
    };
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    return { kind: 'gzip', description: 'a gzip-compressed file (decompress it first)' };
  }
  if (head[0] === 0x80 && head[1] !== undefined && head[1] >= 2 && head[1] <= 5) {
    return {
      kind: 'pickle',
      description: "a Python pickle (an old PyTorch checkpoint: convert it with whisper.cpp's convert-pt-to-ggml.py)",
    };
  }
  if (head.length >= 9) {
    const headerLen = head.readBigUInt64LE(0);
    if (headerLen > 1n && headerLen < 100_000_000n && head[8] === 0x7b /* { */) {
      return { kind: 'safetensors', description: 'a safetensors file (Hugging Face format: convert it to ggml first)' };
    }
  }
  const sample = head.subarray(0, 256);
  let printable = 0;
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127)) printable++;
  if (sample.length > 0 && printable / sample.length > 0.95) {
    return { kind: 'text', description: `a text file starting with "${text.slice(0, 40).replace(/\s+/g, ' ')}"` };
  }
  return { kind: 'binary', description: 'an unrecognised binary file' };
}
