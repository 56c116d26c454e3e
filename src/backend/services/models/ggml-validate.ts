/**
 * Reads and checks a whisper.cpp ggml model (Whisper speech model or Silero VAD model) without
 * loading it: magic, hyper-parameters, mel filters, vocabulary, the full tensor table (names,
 * dimensions, types, byte sizes) and truncation. Tensor data is skipped, not read, so even a
 * 1.5 GB model validates in milliseconds. Pure Node fs — no Electron, no native addon — so imports
 * are refused with a specific reason before the engine ever sees the file (a bad file in
 * whisper.cpp only yields "failed to load model").
 *
 * The checks mirror whisper.cpp's whisper_model_load / whisper_vad_init_with_params; the expected
 * tables come from ggml-layout.ts / vad-layout.ts.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ModelKind } from './catalog';
import { EndOfFileError, FileReader } from './file-reader';
import {
  FTYPE_TO_WTYPE,
  GGML_QNT_VERSION_FACTOR,
  GGML_TYPE_TRAITS,
  HPARAM_ORDER,
  MEL_N_FFT_BINS,
  OFFICIAL_SHAPES,
  ggmlTypeName,
  identifyShape,
  specialTokenIds,
  tensorBytes,
  whisperTensorTable,
  type OfficialShapeName,
  type TensorSpec,
  type WhisperHParams,
} from './ggml-layout';
import { ModelValidationError } from './model-errors';
import { sniffModelBytes } from './sniff';
import { VAD_ENCODER_LAYERS, vadTensorTable, type VadHParams } from './vad-layout';

export interface WhisperModelInfo {
  kind: 'whisper';
  path: string;
  fileBytes: number;
  hparams: WhisperHParams;
  /** The official model this file has the shape of, or 'custom' (only with allowCustomShape). */
  shape: OfficialShapeName | 'custom';
  multilingual: boolean;
  languages: number;
  /** Type of the big matrices: f16 for the official files, q5_0/q8_0… for quantised ones. */
  weightType: string;
  quantVersion: number;
  vocabCount: number;
  tensorCount: number;
  tensorBytes: number;
}

export interface VadModelInfo {
  kind: 'vad';
  path: string;
  fileBytes: number;
  hparams: VadHParams;
  tensorCount: number;
  tensorBytes: number;
}

export type ModelFileInfo = WhisperModelInfo | VadModelInfo;

export interface ValidateOptions {
  /**
   * Accept hyper-parameters that match no official Whisper model (tests and benches use tiny
   * random models). Off for user imports: an unknown shape is far more likely a broken file.
   */
  allowCustomShape?: boolean;
}

const MIN_HEADER_BYTES = 4 + 11 * 4;

/** Validate a file that must be a Whisper speech model. */
export async function validateWhisperModel(file: string, options: ValidateOptions = {}): Promise<WhisperModelInfo> {
  return validateOfKind(file, 'whisper', options);
}

/** Validate a file that must be a Silero VAD model. */
export async function validateVadModel(file: string, options: ValidateOptions = {}): Promise<VadModelInfo> {
  return validateOfKind(file, 'vad', options);
}

async function validateOfKind<K extends ModelKind>(
  file: string,
  kind: K,
  options: ValidateOptions,
): Promise<Extract<ModelFileInfo, { kind: K }>> {
  // The kind first: a file of the other kind would otherwise fail on a detail of its own shape.
  await assertModelKind(file, kind);
  const info = await validateModelFile(file, options);
  if (info.kind !== kind)
    throw new ModelValidationError('wrong_model_kind', `${path.basename(file)} ${WRONG_KIND[kind]}.`);
  return info as Extract<ModelFileInfo, { kind: K }>;
}

/** Whisper or VAD from a ggml file's first bytes (null: not a ggml model at all). */
function kindFromHead(head: Buffer): ModelKind | null {
  if (head.length < 8 || sniffModelBytes(head).kind !== 'ggml') return null;
  // A Whisper file continues with n_vocab (~51,864); a VAD file with the length of its type name.
  const second = head.readInt32LE(4);
  const typeName = second > 0 && second <= 64 ? head.subarray(8, 8 + second) : Buffer.alloc(0);
  return typeName.length === second && typeName.every((b) => b >= 0x20 && b < 0x7f) ? 'vad' : 'whisper';
}

function emptyFile(name: string): ModelValidationError {
  return new ModelValidationError('empty', `${name} is empty (0 bytes): the download or copy did not complete.`);
}

const WRONG_KIND: Record<ModelKind, string> = {
  whisper: 'is a Silero voice-activity (VAD) model, not a Whisper speech model',
  vad: 'is a Whisper speech model, not a Silero voice-activity (VAD) model',
};

/**
 * Reads only the header and refuses a file of the other kind (or no model at all). Runs before
 * every native load: whisper.cpp aborts the whole process on a wrong-kind file instead of
 * returning an error.
 */
export async function assertModelKind(file: string, kind: ModelKind): Promise<void> {
  const name = path.basename(file);
  let head: Buffer;
  try {
    const fh = await open(file, 'r');
    try {
      head = Buffer.alloc(64);
      const { bytesRead } = await fh.read(head, 0, head.length, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ModelValidationError('not_found', `Model file not found: ${name}`);
    if (code === 'EISDIR') throw new ModelValidationError('not_a_file', `${name} is not a regular file.`);
    throw error;
  }
  if (head.length === 0) throw emptyFile(name);
  const found = kindFromHead(head);
  if (found === null) {
    throw new ModelValidationError(
      'wrong_magic',
      `${name} is not a whisper.cpp model: it looks like ${sniffModelBytes(head).description}.`,
    );
  }
  if (found !== kind) throw new ModelValidationError('wrong_model_kind', `${name} ${WRONG_KIND[kind]}.`);
}

/** Validate any whisper.cpp ggml model, telling Whisper and VAD files apart by their header. */
export async function validateModelFile(file: string, options: ValidateOptions = {}): Promise<ModelFileInfo> {
  const name = path.basename(file);
  let size: number;
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new ModelValidationError('not_a_file', `${file} is not a regular file.`);
    size = st.size;
  } catch (error) {
    if (error instanceof ModelValidationError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ModelValidationError('not_found', `Model file not found: ${file}`);
    }
    throw error;
  }
  if (size === 0) throw emptyFile(name);

  const fh = await open(file, 'r');
  try {
    const reader = new FileReader(fh, size);
    const head = Buffer.alloc(Math.min(size, 512));
    await fh.read(head, 0, head.length, 0);
    const sniff = sniffModelBytes(head);
    if (sniff.kind !== 'ggml') {
      throw new ModelValidationError(
        'wrong_magic',
        `${name} is not a whisper.cpp model: it looks like ${sniff.description}.`,
      );
    }
    if (size < MIN_HEADER_BYTES) {
      throw new ModelValidationError(
        'truncated',
        `${name} is truncated: only ${size} bytes, not even a complete header.`,
      );
    }
    await reader.u32();
    if (kindFromHead(head) === 'vad') return await readVad(reader, file, size);
    return await readWhisper(reader, file, size, options);
  } catch (error) {
    if (error instanceof EndOfFileError) {
      throw new ModelValidationError('truncated', `${name} is truncated in its header (${error.message}).`);
    }
    throw error;
  } finally {
    await fh.close();
  }
}

// ---- Whisper -------------------------------------------------------------------------------------

function checkWhisperHParams(h: WhisperHParams, name: string): void {
  const bad = (msg: string): never => {
    throw new ModelValidationError('bad_hparams', `${name} has invalid hyper-parameters: ${msg}.`);
  };
  if (h.n_vocab < 51864 || h.n_vocab > 51866) {
    bad(
      `n_vocab = ${h.n_vocab} is not a Whisper vocabulary size (51864 English-only, 51865 multilingual, 51866 large-v3)`,
    );
  }
  const ranges: [keyof WhisperHParams, number, number][] = [
    ['n_audio_ctx', 1, 1500],
    ['n_audio_state', 2, 8192],
    ['n_audio_head', 1, 256],
    ['n_audio_layer', 1, 128],
    ['n_text_ctx', 1, 4096],
    ['n_text_state', 2, 8192],
    ['n_text_head', 1, 256],
    ['n_text_layer', 1, 128],
  ];
  for (const [k, lo, hi] of ranges) if (h[k] < lo || h[k] > hi) bad(`${k} = ${h[k]} is outside ${lo}..${hi}`);
  if (h.n_mels !== 80 && h.n_mels !== 128) bad(`n_mels = ${h.n_mels} (Whisper uses 80, or 128 for large-v3)`);
  if (h.n_audio_state !== h.n_text_state)
    bad(`n_audio_state (${h.n_audio_state}) differs from n_text_state (${h.n_text_state})`);
  if (h.n_audio_state % h.n_audio_head !== 0)
    bad(`n_audio_state ${h.n_audio_state} is not divisible by n_audio_head ${h.n_audio_head}`);
  if (h.n_text_state % h.n_text_head !== 0)
    bad(`n_text_state ${h.n_text_state} is not divisible by n_text_head ${h.n_text_head}`);
  const ftype = h.ftype % GGML_QNT_VERSION_FACTOR;
  if (h.ftype < 0 || FTYPE_TO_WTYPE[ftype] === undefined)
    bad(`ftype = ${h.ftype} is not a weight type whisper.cpp supports`);
}

function describeShape(h: WhisperHParams): string {
  return `width ${h.n_audio_state}, ${h.n_audio_layer} encoder / ${h.n_text_layer} decoder layers, ${h.n_audio_head} heads, vocabulary ${h.n_vocab}, ${h.n_mels} mels`;
}

async function readWhisper(
  r: FileReader,
  file: string,
  size: number,
  options: ValidateOptions,
): Promise<WhisperModelInfo> {
  const name = path.basename(file);
  const h = {} as WhisperHParams;
  for (const k of HPARAM_ORDER) h[k] = await r.i32();
  checkWhisperHParams(h, name);
  const official = identifyShape(h);
  if (!official && !options.allowCustomShape) {
    const known = Object.keys(OFFICIAL_SHAPES).join(', ');
    throw new ModelValidationError(
      'unknown_shape',
      `${name} has a shape that matches no official Whisper model (${describeShape(h)}). Known: ${known}.`,
    );
  }

  await readMelFilters(r, name, h);
  const vocabCount = await readVocabulary(r, name, h);

  const expected = whisperTensorTable(h);
  const tensorTotal = await readTensors(r, name, expected, 'Whisper');
  const wtype = FTYPE_TO_WTYPE[h.ftype % GGML_QNT_VERSION_FACTOR] as number;
  const ids = specialTokenIds(h.n_vocab);
  return {
    kind: 'whisper',
    path: file,
    fileBytes: size,
    hparams: h,
    shape: official ?? 'custom',
    multilingual: ids.multilingual,
    languages: ids.multilingual ? ids.numLanguages : 1,
    weightType: ggmlTypeName(wtype),
    quantVersion: Math.floor(h.ftype / GGML_QNT_VERSION_FACTOR),
    vocabCount,
    tensorCount: expected.length,
    tensorBytes: tensorTotal,
  };
}

/** The mel filter bank: its size must match the header and every weight lie in [0, 1]. */
async function readMelFilters(r: FileReader, name: string, h: WhisperHParams): Promise<void> {
  await section(name, 'mel filters', async () => {
    const nMel = await r.i32();
    const nFft = await r.i32();
    if (nMel !== h.n_mels || nFft !== MEL_N_FFT_BINS) {
      throw new ModelValidationError(
        'bad_mel_filters',
        `${name} has a ${nMel}×${nFft} mel filter bank; expected ${h.n_mels}×${MEL_N_FFT_BINS}.`,
      );
    }
    const f = await r.f32Array(nMel * nFft);
    let sum = 0;
    for (let i = 0; i < f.length; i++) {
      const v = f[i] as number;
      if (!Number.isFinite(v) || v < 0 || v > 1) {
        throw new ModelValidationError(
          'bad_mel_filters',
          `${name} has a corrupt mel filter bank (value ${v} at index ${i}).`,
        );
      }
      sum += v;
    }
    if (sum === 0) throw new ModelValidationError('bad_mel_filters', `${name} has an all-zero mel filter bank.`);
  });
}

/** Skips the vocabulary, checking its count and each token's length; returns the count. */
async function readVocabulary(r: FileReader, name: string, h: WhisperHParams): Promise<number> {
  return section(name, 'vocabulary', async () => {
    const count = await r.i32();
    if (count <= 0 || count > h.n_vocab) {
      throw new ModelValidationError(
        'bad_vocabulary',
        `${name} declares ${count} vocabulary entries; expected 1..${h.n_vocab}.`,
      );
    }
    for (let i = 0; i < count; i++) {
      const lenBuf = r.bytesIfBuffered(4) ?? (await r.bytes(4));
      const len = lenBuf.readUInt32LE(0);
      if (len > 1024) {
        throw new ModelValidationError(
          'bad_vocabulary',
          `${name} has a corrupt vocabulary: token ${i} claims ${len} bytes.`,
        );
      }
      if (len > 0 && !r.bytesIfBuffered(len)) await r.bytes(len);
    }
    return count;
  });
}

async function section<T>(name: string, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof EndOfFileError) {
      throw new ModelValidationError('truncated', `${name} is truncated in its ${what} (${error.message}).`);
    }
    throw error;
  }
}

/** ggml shapes compare with missing trailing dimensions as 1 (what whisper.cpp does). */
function padNe(ne: number[]): number[] {
  return [0, 1, 2, 3].map((i) => ne[i] ?? 1);
}

function fmtNe(ne: number[]): string {
  return `[${ne.join(', ')}]`;
}

interface TensorHeader {
  name: string;
  ne: number[];
  ttype: number;
}

/** Walk the tensor table to EOF; returns the total tensor data bytes. */
async function readTensors(r: FileReader, name: string, expected: TensorSpec[], kind: string): Promise<number> {
  const byName = new Map(expected.map((t) => [t.name, t]));
  const seen = new Set<string>();
  let total = 0;
  let index = 0;
  while (r.remaining > 0) {
    if (seen.size === expected.length) {
      throw new ModelValidationError(
        'trailing_data',
        `${name} has ${r.remaining} unexpected bytes after its last tensor (offset ${r.offset}).`,
      );
    }
    index++;
    // Until its name is read, a tensor is known by its place in the table.
    let tensorName = `#${index}`;
    try {
      const header = await readTensorHeader(r, name, tensorName);
      tensorName = header.name;
      const bytes = checkTensor(name, kind, header, byName.get(header.name), seen);
      seen.add(header.name);
      r.skip(bytes);
      total += bytes;
    } catch (error) {
      if (error instanceof EndOfFileError) {
        throw new ModelValidationError(
          'truncated',
          `${name} is truncated at tensor '${tensorName}' (${index} of ${expected.length}): ${error.message}.`,
          tensorName,
        );
      }
      throw error;
    }
  }
  checkNoneMissing(name, expected, seen);
  return total;
}

/** One tensor's header: dimensions, name and type, with the counts bounded before they are used. */
async function readTensorHeader(r: FileReader, name: string, placeholder: string): Promise<TensorHeader> {
  const headerAt = r.offset;
  const nDims = await r.i32();
  const nameLen = await r.i32();
  const ttype = await r.i32();
  if (nDims < 0 || nDims > 4) {
    throw new ModelValidationError(
      'bad_tensor_header',
      `${name} has a corrupt tensor header at offset ${headerAt} (tensor ${placeholder}: ${nDims} dimensions).`,
    );
  }
  if (nameLen <= 0 || nameLen > 512) {
    throw new ModelValidationError(
      'bad_tensor_header',
      `${name} has a corrupt tensor header at offset ${headerAt} (name length ${nameLen}).`,
    );
  }
  const ne: number[] = [];
  for (let i = 0; i < nDims; i++) ne.push(await r.i32());
  const tensorName = (await r.bytes(nameLen)).toString('utf8');
  if (ne.some((d) => d <= 0)) {
    throw new ModelValidationError(
      'bad_tensor_header',
      `${name}: tensor '${tensorName}' has a non-positive dimension ${fmtNe(ne)}.`,
      tensorName,
    );
  }
  return { name: tensorName, ne, ttype };
}

/** Checks a tensor against the table its hyper-parameters require; returns its data size in bytes. */
function checkTensor(
  name: string,
  kind: string,
  { name: tensorName, ne, ttype }: TensorHeader,
  spec: TensorSpec | undefined,
  seen: ReadonlySet<string>,
): number {
  if (!spec) {
    throw new ModelValidationError(
      'unknown_tensor',
      `${name} contains tensor '${tensorName}', which is not part of a ${kind} model with these hyper-parameters.`,
      tensorName,
    );
  }
  if (seen.has(tensorName)) {
    throw new ModelValidationError('duplicate_tensor', `${name} contains tensor '${tensorName}' twice.`, tensorName);
  }
  const got = padNe(ne);
  const want = padNe(spec.ne);
  if (got.some((d, i) => d !== want[i])) {
    throw new ModelValidationError(
      'wrong_tensor_shape',
      `${name}: tensor '${tensorName}' has shape ${fmtNe(ne)} but the header's hyper-parameters require ${fmtNe(spec.ne)}.`,
      tensorName,
    );
  }
  if (!GGML_TYPE_TRAITS[ttype]) {
    throw new ModelValidationError(
      'bad_tensor_header',
      `${name}: tensor '${tensorName}' has unknown ggml type ${ttype}.`,
      tensorName,
    );
  }
  if (ttype !== spec.type) {
    throw new ModelValidationError(
      'wrong_tensor_type',
      `${name}: tensor '${tensorName}' is stored as ${ggmlTypeName(ttype)} but this model needs ${ggmlTypeName(spec.type)}.`,
      tensorName,
    );
  }
  const nel = ne.reduce((a, b) => a * b, 1);
  const bytes = tensorBytes(ttype, nel);
  if (bytes === undefined || !Number.isInteger(bytes)) {
    throw new ModelValidationError(
      'wrong_tensor_shape',
      `${name}: tensor '${tensorName}' has ${nel} elements, not a whole number of ${ggmlTypeName(ttype)} blocks.`,
      tensorName,
    );
  }
  return bytes;
}

/** At the end of the file every tensor of the table must have been seen. */
function checkNoneMissing(name: string, expected: TensorSpec[], seen: ReadonlySet<string>): void {
  if (seen.size >= expected.length) return;
  const missing = expected.filter((t) => !seen.has(t.name));
  const first = missing[0]?.name ?? '?';
  // Converters write tensors in table order, so a cut file lacks only a tail of the table. A gap
  // followed by present tensors means the header asks for layers the weights don't have.
  const lastSeen = Math.max(...expected.map((t, i) => (seen.has(t.name) ? i : -1)));
  const firstMissing = expected.findIndex((t) => !seen.has(t.name));
  if (firstMissing < lastSeen) {
    throw new ModelValidationError(
      'missing_tensors',
      `${name} lacks tensor '${first}' (and ${missing.length - 1} more) that its hyper-parameters require: the header does not match the weights.`,
      first,
    );
  }
  throw new ModelValidationError(
    'truncated',
    `${name} is truncated: it ends after ${seen.size} of ${expected.length} tensors; '${first}' and ${missing.length - 1} more are missing.`,
    first,
  );
}

// ---- Silero VAD ---------------------------------------------------------------------------------

async function readVad(r: FileReader, file: string, size: number): Promise<VadModelInfo> {
  const name = path.basename(file);
  const h = await section(name, 'VAD header', async (): Promise<VadHParams> => {
    const typeLen = await r.i32();
    const modelType = (await r.bytes(typeLen)).toString('utf8');
    const version = `${await r.i32()}.${await r.i32()}.${await r.i32()}`;
    const nWindow = await r.i32();
    const nContext = await r.i32();
    const nLayers = await r.i32();
    if (nLayers !== VAD_ENCODER_LAYERS) {
      throw new ModelValidationError(
        'bad_hparams',
        `${name} declares ${nLayers} VAD encoder layers; whisper.cpp's Silero VAD needs ${VAD_ENCODER_LAYERS}.`,
      );
    }
    const encoder: VadHParams['encoder'] = [];
    for (let i = 0; i < nLayers; i++) encoder.push({ in: await r.i32(), out: await r.i32(), kernel: await r.i32() });
    return {
      modelType,
      version,
      nWindow,
      nContext,
      encoder,
      lstmInputSize: await r.i32(),
      lstmHiddenSize: await r.i32(),
      finalConvIn: await r.i32(),
      finalConvOut: await r.i32(),
    };
  });
  const bad = (msg: string): never => {
    throw new ModelValidationError('bad_hparams', `${name} has invalid VAD hyper-parameters: ${msg}.`);
  };
  if (!/^silero/i.test(h.modelType)) bad(`model type "${h.modelType}" is not a Silero VAD`);
  if (h.nWindow <= 0 || h.nWindow > 16384 || h.nContext < 0 || h.nContext > h.nWindow)
    bad(`window ${h.nWindow} / context ${h.nContext}`);
  const dims = [
    h.lstmInputSize,
    h.lstmHiddenSize,
    h.finalConvIn,
    h.finalConvOut,
    ...h.encoder.flatMap((l) => [l.in, l.out, l.kernel]),
  ];
  if (dims.some((d) => d <= 0 || d > 4096)) bad(`a layer size is outside 1..4096 (${dims.join(', ')})`);
  if (h.finalConvOut !== 1) bad(`final_conv_out = ${h.finalConvOut} (a speech probability needs 1)`);
  const expected = vadTensorTable(h);
  const total = await readTensors(r, name, expected, 'Silero VAD');
  return { kind: 'vad', path: file, fileBytes: size, hparams: h, tensorCount: expected.length, tensorBytes: total };
}
