/**
 * The on-disk layout of whisper.cpp's legacy ggml model format, as read by `whisper_model_load`
 * (whisper.cpp/src/whisper.cpp) and written by whisper.cpp's `models/convert-pt-to-ggml.py`.
 *
 * Pure data + arithmetic (no fs): shared by the validator (src/backend/services/models/ggml-validate.ts)
 * and the random-weights writer used in tests (tests/fixtures/ggml/write-random-model.ts), so the two
 * can never disagree about names, shapes or types.
 *
 * File layout (all integers little-endian int32 unless noted):
 *   u32 magic 0x67676d6c ("ggml")
 *   11 × i32 hparams: n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer,
 *                     n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype
 *   mel filters: i32 n_mel, i32 n_fft, n_mel*n_fft × f32
 *   vocabulary: i32 count, then count × (u32 len, len bytes)
 *   tensors until EOF: i32 n_dims, i32 name_len, i32 ggml_type, n_dims × i32 ne (ne[0] fastest),
 *                      name bytes, data (ggml_nbytes)
 */

export const GGML_FILE_MAGIC = 0x67676d6c;
/** `ftype` in the header may carry a quantisation version: ftype = qntvr * 1000 + ftype. */
export const GGML_QNT_VERSION_FACTOR = 1000;

export interface WhisperHParams {
  n_vocab: number;
  n_audio_ctx: number;
  n_audio_state: number;
  n_audio_head: number;
  n_audio_layer: number;
  n_text_ctx: number;
  n_text_state: number;
  n_text_head: number;
  n_text_layer: number;
  n_mels: number;
  /** 0 = all f32, 1 = f16 matrices (the official files), others = quantised. */
  ftype: number;
}

export const HPARAM_ORDER: readonly (keyof WhisperHParams)[] = [
  'n_vocab',
  'n_audio_ctx',
  'n_audio_state',
  'n_audio_head',
  'n_audio_layer',
  'n_text_ctx',
  'n_text_state',
  'n_text_head',
  'n_text_layer',
  'n_mels',
  'ftype',
];

/** One published size: the audio and text stacks share width, heads and depth. */
function officialShape(n_vocab: number, state: number, heads: number, layers: number, n_mels = 80): WhisperHParams {
  return {
    n_vocab,
    n_audio_ctx: 1500,
    n_audio_state: state,
    n_audio_head: heads,
    n_audio_layer: layers,
    n_text_ctx: 448,
    n_text_state: state,
    n_text_head: heads,
    n_text_layer: layers,
    n_mels,
    ftype: 1,
  };
}

/**
 * The official OpenAI Whisper shapes (ftype 1 = f16, as the published ggml files). English-only
 * models have one token fewer than multilingual ones; v3 adds one more and 128 mel bins.
 */
export const OFFICIAL_SHAPES = {
  'tiny.en': officialShape(51864, 384, 6, 4),
  tiny: officialShape(51865, 384, 6, 4),
  'base.en': officialShape(51864, 512, 8, 6),
  base: officialShape(51865, 512, 8, 6),
  'small.en': officialShape(51864, 768, 12, 12),
  small: officialShape(51865, 768, 12, 12),
  'medium.en': officialShape(51864, 1024, 16, 24),
  medium: officialShape(51865, 1024, 16, 24),
  'large-v2': officialShape(51865, 1280, 20, 32),
  'large-v3': officialShape(51866, 1280, 20, 32, 128),
  // Turbo keeps large-v3's encoder and cuts the decoder to 4 layers.
  'large-v3-turbo': { ...officialShape(51866, 1280, 20, 32, 128), n_text_layer: 4 },
} satisfies Record<string, WhisperHParams>;

export type OfficialShapeName = keyof typeof OFFICIAL_SHAPES;

/** Which official shape (ignoring ftype) these hyper-parameters are, or undefined. */
export function identifyShape(h: WhisperHParams): OfficialShapeName | undefined {
  for (const [name, s] of Object.entries(OFFICIAL_SHAPES) as [OfficialShapeName, WhisperHParams][]) {
    const same = HPARAM_ORDER.every((k) => k === 'ftype' || s[k] === h[k]);
    if (same) return name;
  }
  return undefined;
}

// ---- ggml tensor types --------------------------------------------------------------------------

export const GGML_TYPE = {
  F32: 0,
  F16: 1,
  Q4_0: 2,
  Q4_1: 3,
  Q5_0: 6,
  Q5_1: 7,
  Q8_0: 8,
  Q8_1: 9,
  Q2_K: 10,
  Q3_K: 11,
  Q4_K: 12,
  Q5_K: 13,
  Q6_K: 14,
  Q8_K: 15,
  BF16: 30,
} as const;

/** Block size (elements) and bytes per block, from ggml's type traits. */
export const GGML_TYPE_TRAITS: Readonly<Record<number, { name: string; blck: number; bytes: number }>> = {
  0: { name: 'f32', blck: 1, bytes: 4 },
  1: { name: 'f16', blck: 1, bytes: 2 },
  2: { name: 'q4_0', blck: 32, bytes: 18 },
  3: { name: 'q4_1', blck: 32, bytes: 20 },
  6: { name: 'q5_0', blck: 32, bytes: 22 },
  7: { name: 'q5_1', blck: 32, bytes: 24 },
  8: { name: 'q8_0', blck: 32, bytes: 34 },
  9: { name: 'q8_1', blck: 32, bytes: 36 },
  10: { name: 'q2_K', blck: 256, bytes: 84 },
  11: { name: 'q3_K', blck: 256, bytes: 110 },
  12: { name: 'q4_K', blck: 256, bytes: 144 },
  13: { name: 'q5_K', blck: 256, bytes: 176 },
  14: { name: 'q6_K', blck: 256, bytes: 210 },
  15: { name: 'q8_K', blck: 256, bytes: 292 },
  30: { name: 'bf16', blck: 1, bytes: 2 },
};

/** ggml_ftype -> weight type for the big matrices (whisper.cpp: ggml_ftype_to_ggml_type). */
export const FTYPE_TO_WTYPE: Readonly<Record<number, number>> = {
  0: GGML_TYPE.F32,
  1: GGML_TYPE.F16,
  2: GGML_TYPE.Q4_0,
  3: GGML_TYPE.Q4_1,
  4: GGML_TYPE.Q4_1,
  7: GGML_TYPE.Q8_0,
  8: GGML_TYPE.Q5_0,
  9: GGML_TYPE.Q5_1,
  10: GGML_TYPE.Q2_K,
  11: GGML_TYPE.Q3_K,
  12: GGML_TYPE.Q4_K,
  13: GGML_TYPE.Q5_K,
  14: GGML_TYPE.Q6_K,
  24: GGML_TYPE.BF16,
};

export function ggmlTypeName(type: number): string {
  return GGML_TYPE_TRAITS[type]?.name ?? `type#${type}`;
}

/** Bytes of a tensor of `nelements` of `type`, or undefined for an unknown type. */
export function tensorBytes(type: number, nelements: number): number | undefined {
  const t = GGML_TYPE_TRAITS[type];
  if (!t) return undefined;
  return (nelements * t.bytes) / t.blck;
}

// ---- tensor table -------------------------------------------------------------------------------

export interface TensorSpec {
  name: string;
  /** ggml order: ne[0] is the fastest-varying dimension (the reverse of numpy's shape). */
  ne: number[];
  type: number;
}

/**
 * Every tensor whisper.cpp expects, in the order convert-pt-to-ggml.py writes them (PyTorch
 * state-dict order). whisper.cpp itself accepts any order but requires each exactly once.
 * Types follow whisper_model_load: positional embeddings, biases and norms f32; conv kernels f16
 * unless the model is all-f32; other matrices in the model's weight type.
 */
export function whisperTensorTable(h: WhisperHParams): TensorSpec[] {
  const wtype = FTYPE_TO_WTYPE[h.ftype % GGML_QNT_VERSION_FACTOR];
  if (wtype === undefined) throw new Error(`unsupported ftype ${h.ftype}`);
  const vtype = wtype === GGML_TYPE.F32 ? GGML_TYPE.F32 : GGML_TYPE.F16;
  const F32 = GGML_TYPE.F32;
  const t: TensorSpec[] = [];
  const as = h.n_audio_state;
  const ts = h.n_text_state;

  const attn = (prefix: string, n: number): void => {
    t.push({ name: `${prefix}.query.weight`, ne: [n, n], type: wtype });
    t.push({ name: `${prefix}.query.bias`, ne: [n], type: F32 });
    t.push({ name: `${prefix}.key.weight`, ne: [n, n], type: wtype });
    t.push({ name: `${prefix}.value.weight`, ne: [n, n], type: wtype });
    t.push({ name: `${prefix}.value.bias`, ne: [n], type: F32 });
    t.push({ name: `${prefix}.out.weight`, ne: [n, n], type: wtype });
    t.push({ name: `${prefix}.out.bias`, ne: [n], type: F32 });
  };
  const norm = (prefix: string, n: number): void => {
    t.push({ name: `${prefix}.weight`, ne: [n], type: F32 });
    t.push({ name: `${prefix}.bias`, ne: [n], type: F32 });
  };
  const mlp = (prefix: string, n: number): void => {
    t.push({ name: `${prefix}.mlp.0.weight`, ne: [n, 4 * n], type: wtype });
    t.push({ name: `${prefix}.mlp.0.bias`, ne: [4 * n], type: F32 });
    t.push({ name: `${prefix}.mlp.2.weight`, ne: [4 * n, n], type: wtype });
    t.push({ name: `${prefix}.mlp.2.bias`, ne: [n], type: F32 });
  };

  t.push({ name: 'encoder.positional_embedding', ne: [as, h.n_audio_ctx], type: F32 });
  t.push({ name: 'encoder.conv1.weight', ne: [3, h.n_mels, as], type: vtype });
  t.push({ name: 'encoder.conv1.bias', ne: [1, as], type: F32 });
  t.push({ name: 'encoder.conv2.weight', ne: [3, as, as], type: vtype });
  t.push({ name: 'encoder.conv2.bias', ne: [1, as], type: F32 });
  for (let i = 0; i < h.n_audio_layer; i++) {
    const p = `encoder.blocks.${i}`;
    attn(`${p}.attn`, as);
    norm(`${p}.attn_ln`, as);
    mlp(p, as);
    norm(`${p}.mlp_ln`, as);
  }
  norm('encoder.ln_post', as);

  t.push({ name: 'decoder.positional_embedding', ne: [ts, h.n_text_ctx], type: F32 });
  t.push({ name: 'decoder.token_embedding.weight', ne: [ts, h.n_vocab], type: wtype });
  for (let i = 0; i < h.n_text_layer; i++) {
    const p = `decoder.blocks.${i}`;
    attn(`${p}.attn`, ts);
    norm(`${p}.attn_ln`, ts);
    attn(`${p}.cross_attn`, ts);
    norm(`${p}.cross_attn_ln`, ts);
    mlp(p, ts);
    norm(`${p}.mlp_ln`, ts);
  }
  norm('decoder.ln', ts);
  return t;
}

// ---- vocabulary -------------------------------------------------------------------------------

/** Language codes in token order (whisper.cpp g_lang / OpenAI tokenizer LANGUAGES). */
export const WHISPER_LANGUAGES = [
  'en',
  'zh',
  'de',
  'es',
  'ru',
  'ko',
  'fr',
  'ja',
  'pt',
  'tr',
  'pl',
  'ca',
  'nl',
  'ar',
  'sv',
  'it',
  'id',
  'hi',
  'fi',
  'vi',
  'he',
  'uk',
  'el',
  'ms',
  'cs',
  'ro',
  'da',
  'hu',
  'ta',
  'no',
  'th',
  'ur',
  'hr',
  'bg',
  'lt',
  'la',
  'mi',
  'ml',
  'cy',
  'sk',
  'te',
  'fa',
  'lv',
  'bn',
  'sr',
  'az',
  'sl',
  'kn',
  'et',
  'mk',
  'br',
  'eu',
  'is',
  'hy',
  'ne',
  'mn',
  'bs',
  'kk',
  'sq',
  'sw',
  'gl',
  'mr',
  'pa',
  'si',
  'km',
  'sn',
  'yo',
  'so',
  'af',
  'oc',
  'ka',
  'be',
  'tg',
  'sd',
  'gu',
  'am',
  'yi',
  'lo',
  'uz',
  'fo',
  'ht',
  'ps',
  'tk',
  'nn',
  'mt',
  'sa',
  'lb',
  'my',
  'bo',
  'tl',
  'mg',
  'as',
  'tt',
  'haw',
  'ln',
  'ha',
  'ba',
  'jw',
  'su',
  'yue',
] as const;

export interface SpecialTokenIds {
  multilingual: boolean;
  numLanguages: number;
  /** Number of plain BPE tokens (ids 0 .. bpeCount-1) before <|endoftext|>. */
  bpeCount: number;
  eot: number;
  sot: number;
  translate: number;
  transcribe: number;
  solm: number;
  prev: number;
  nosp: number;
  not: number;
  beg: number;
}

/** Special-token ids exactly as whisper.cpp derives them from n_vocab (whisper_vocab + loader). */
export function specialTokenIds(n_vocab: number): SpecialTokenIds {
  const multilingual = n_vocab >= 51865;
  const numLanguages = n_vocab - 51765 - (multilingual ? 1 : 0);
  const m = multilingual ? 1 : 0;
  const dt = multilingual ? numLanguages - 98 : 0;
  return {
    multilingual,
    numLanguages,
    bpeCount: 50256 + m,
    eot: 50256 + m,
    sot: 50257 + m,
    translate: 50357 + dt,
    transcribe: 50358 + dt,
    solm: 50359 + dt,
    prev: 50360 + dt,
    nosp: 50361 + dt,
    not: 50362 + dt,
    beg: 50363 + dt,
  };
}

/** Mel filter bank dimensions whisper uses: n_fft = 400 → 201 frequency bins. */
export const MEL_N_FFT_BINS = 201;
