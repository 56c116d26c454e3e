import { z } from 'zod';
import { sessionSummary } from '../session-document';
import { takeSetup } from './recording';

/** Largest audio file accepted for import (a long lossless recording fits). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** Bytes per `imports.part` call: keeps each request small in the web shell. */
export const IMPORT_PART_BYTES = 2 * 1024 * 1024;

const importId = z.string().regex(/^imp-[a-f0-9]{16}$/, 'Not an import id.');

const importResult = z.object({
  session: sessionSummary,
  durationSec: z.number().nonnegative(),
  /** What the decoder found, e.g. "mp3 44100 Hz stereo". */
  source: z.string(),
});
export type ImportResult = z.infer<typeof importResult>;

export const importsChannels = {
  /** Starts an upload of an audio file's bytes (the back end never reads a path from the UI). */
  'imports.begin': {
    input: takeSetup
      .extend({
        fileName: z.string().trim().min(1).max(255),
        size: z
          .number()
          .int()
          .positive('The file is empty.')
          .max(MAX_IMPORT_BYTES, `Files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported.`),
      })
      .strict(),
    output: z.object({ importId: z.string(), partBytes: z.number().int() }),
  },
  'imports.part': {
    input: z
      .object({
        importId,
        offset: z.number().int().nonnegative(),
        bytes: z
          .instanceof(Uint8Array, { message: 'bytes must be binary data.' })
          .refine(
            (b) => b.length > 0 && b.length <= IMPORT_PART_BYTES,
            `Each part holds 1 to ${IMPORT_PART_BYTES} bytes.`,
          ),
      })
      .strict(),
    output: z.object({ received: z.number().int() }),
  },
  /** All bytes sent: decode (WAV/MP3/FLAC), resample to 16 kHz mono, create the session. */
  'imports.finish': { input: z.object({ importId }).strict(), output: importResult },
  'imports.cancel': { input: z.object({ importId }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** Desktop only: pick a file with the system dialog (web shell: "unsupported", use the upload). */
  'imports.choose': {
    input: takeSetup.strict(),
    output: z.union([importResult.extend({ chosen: z.literal(true) }), z.object({ chosen: z.literal(false) })]),
  },
};
