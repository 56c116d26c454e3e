/**
 * The capture worklet resamples with the core's polyphase windowed-sinc resampler (shared with
 * the file importer), so the AudioContext runs at the device's own rate and the anti-alias
 * filter is ours: flat to 6.4 kHz, ≥ 80 dB down at 8 kHz, time-aligned.
 */
export { createResampler as createStreamResampler, type StreamResampler } from '../../../core/audio/resample';
