import { GGML_TYPE, type TensorSpec } from './ggml-layout';

/**
 * whisper.cpp's Silero VAD ggml layout (whisper_vad_init_with_params in whisper.cpp/src/whisper.cpp):
 *   u32 magic 0x67676d6c; i32 len + model type string ("silero-16k"); i32 major, minor, patch;
 *   i32 n_window, n_context; i32 n_encoder_layers, then per layer i32 in, out, kernel;
 *   i32 lstm_input_size, lstm_hidden_size, final_conv_in, final_conv_out; tensors as in Whisper files.
 * The real v6.2.0 file: type silero-16k, window 512, context 64, 4 encoder layers
 * (129→128, 128→64, 64→64, 64→128, kernel 3), LSTM 128/128, final conv 128→1.
 */
export interface VadHParams {
  modelType: string;
  version: string;
  nWindow: number;
  nContext: number;
  encoder: { in: number; out: number; kernel: number }[];
  lstmInputSize: number;
  lstmHiddenSize: number;
  finalConvIn: number;
  finalConvOut: number;
}

/** whisper.cpp builds exactly four encoder convolutions (indexes 0..3 are hard-coded). */
export const VAD_ENCODER_LAYERS = 4;

export function vadTensorTable(h: VadHParams): TensorSpec[] {
  const t: TensorSpec[] = [];
  h.encoder.forEach((l, i) => {
    t.push({ name: `_model.encoder.${i}.reparam_conv.weight`, ne: [l.kernel, l.in, l.out], type: GGML_TYPE.F16 });
    t.push({ name: `_model.encoder.${i}.reparam_conv.bias`, ne: [l.out], type: GGML_TYPE.F32 });
  });
  const hs = h.lstmHiddenSize;
  t.push({ name: '_model.decoder.rnn.weight_ih', ne: [hs, 4 * hs], type: GGML_TYPE.F32 });
  t.push({ name: '_model.decoder.rnn.weight_hh', ne: [hs, 4 * hs], type: GGML_TYPE.F32 });
  t.push({ name: '_model.decoder.rnn.bias_ih', ne: [4 * hs], type: GGML_TYPE.F32 });
  t.push({ name: '_model.decoder.rnn.bias_hh', ne: [4 * hs], type: GGML_TYPE.F32 });
  t.push({ name: '_model.decoder.decoder.2.weight', ne: [h.finalConvIn, 1], type: GGML_TYPE.F16 });
  t.push({ name: '_model.decoder.decoder.2.bias', ne: [1], type: GGML_TYPE.F32 });
  t.push({ name: '_model.stft.forward_basis_buffer', ne: [256, 1, 258], type: GGML_TYPE.F16 });
  return t;
}
