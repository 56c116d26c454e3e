import { open, type FileHandle } from 'node:fs/promises';
import { durationOf, parseWavHeader, sizeFields, WAV_HEADER_BYTES, type PcmFormat } from './wav-format';

export interface RepairResult {
  format: PcmFormat;
  dataBytes: number;
  durationSec: number;
  /** Bytes of a sample cut in half by the crash, dropped from the end. */
  droppedBytes: number;
  /** True when the header had to be rewritten or the file cut to whole samples. */
  changed: boolean;
}

/**
 * Makes an interrupted recording a valid WAV again. The file size is the truth (the appender
 * writes samples before it updates the header): the data length is whatever follows the header,
 * rounded down to whole samples, and both size fields are rewritten to match. Throws
 * WavFormatError when the file is not one this app wrote (nothing is changed then).
 */
export async function repairWav(file: string): Promise<RepairResult> {
  const handle = await open(file, 'r+');
  try {
    const { parsed, size, format } = await readHeader(handle);
    const available = Math.max(0, size - WAV_HEADER_BYTES);
    const dataBytes = available - (available % parsed.blockAlign);
    const droppedBytes = available - dataBytes;
    const changed = droppedBytes > 0 || parsed.declaredDataBytes !== dataBytes;
    if (changed) {
      if (droppedBytes > 0) await handle.truncate(WAV_HEADER_BYTES + dataBytes);
      const fields = sizeFields(dataBytes);
      await handle.write(fields.riff, 0, 4, 4);
      await handle.write(fields.data, 0, 4, 40);
      await handle.datasync();
    }
    return { format, dataBytes, durationSec: durationOf(dataBytes, format), droppedBytes, changed };
  } finally {
    await handle.close();
  }
}

/** Reads the header and checks it against the file size, without changing anything. */
export async function inspectWav(
  file: string,
): Promise<{ format: PcmFormat; dataBytes: number; consistent: boolean; durationSec: number }> {
  const handle = await open(file, 'r');
  try {
    const { parsed, size, format } = await readHeader(handle);
    return {
      format,
      dataBytes: parsed.declaredDataBytes,
      consistent: size === WAV_HEADER_BYTES + parsed.declaredDataBytes,
      durationSec: durationOf(parsed.declaredDataBytes, format),
    };
  } finally {
    await handle.close();
  }
}

/** The header this app wrote, the file's size on disk, and the format the header declares. */
async function readHeader(
  handle: FileHandle,
): Promise<{ parsed: ReturnType<typeof parseWavHeader>; size: number; format: PcmFormat }> {
  const head = Buffer.alloc(WAV_HEADER_BYTES);
  const { bytesRead } = await handle.read(head, 0, WAV_HEADER_BYTES, 0);
  const parsed = parseWavHeader(head.subarray(0, bytesRead));
  const size = (await handle.stat()).size;
  return { parsed, size, format: { sampleRate: parsed.sampleRate, channels: parsed.channels, bitsPerSample: 16 } };
}
