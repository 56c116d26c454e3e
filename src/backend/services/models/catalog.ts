/**
 * The official whisper.cpp models the app can download, with pinned sizes and checksums
 * (../shared/reference/whisper-models.md: SHA-1 from whisper.cpp's models/README.md, SHA-256 =
 * the Hugging Face LFS object id). A download — from Hugging Face or a user-set mirror — is only
 * installed if its hashes match, so a mirror can never substitute a different file.
 *
 * URLs use the `main` branch: the content is pinned by hash, not by revision, so a re-upload
 * upstream would be refused (checksum mismatch) rather than silently accepted.
 */
import { FIRST_RUN_MODELS } from '../../../shared/channels/models';
import type { OfficialShapeName } from './ggml-layout';

export type ModelKind = 'whisper' | 'vad';

export interface CatalogEntry {
  /** Stable id used in settings, the CLI and the UI: 'tiny.en', 'base', 'silero-v6.2.0'. */
  id: string;
  kind: ModelKind;
  /** File name in `<dataDir>/models/` and on the server. */
  fileName: string;
  url: string;
  /** Exact size in bytes, or null when not pinned (then only the hashes decide). */
  bytes: number | null;
  /** For display when `bytes` is null. */
  approxBytes: number;
  sha1: string | null;
  sha256: string | null;
  /** Expected resident memory while transcribing, MB (whisper.cpp README), null if unknown. */
  memoryMB: number | null;
  /** True when memoryMB is our estimate, not a published figure. */
  memoryEstimated: boolean;
  /** The ggml shape (Whisper models only). */
  shape: OfficialShapeName | null;
  /** English-only (.en) models are a little more accurate on English. */
  englishOnly: boolean;
  /** Relative capacity, for "largest model that is fast enough": bigger = more accurate, slower. */
  rank: number;
  label: string;
}

const HF = 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main/';

function whisper(
  id: OfficialShapeName,
  bytes: number | null,
  approxBytes: number,
  sha1: string,
  sha256: string,
  memoryMB: number,
  memoryEstimated: boolean,
  rank: number,
  label: string,
): CatalogEntry {
  return {
    id,
    kind: 'whisper',
    fileName: `ggml-${id}.bin`,
    url: `${HF}ggml-${id}.bin`,
    bytes,
    approxBytes,
    sha1,
    sha256,
    memoryMB,
    memoryEstimated,
    shape: id,
    englishOnly: id.endsWith('.en'),
    rank,
    label,
  };
}

export const OFFICIAL_CATALOG: readonly CatalogEntry[] = [
  whisper(
    'tiny.en',
    77_704_715,
    77_704_715,
    'c78c86eb1a8faa21b369bcd33207cc90d64ae9df',
    '921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f',
    273,
    false,
    1,
    'Tiny (English)',
  ),
  whisper(
    'tiny',
    77_691_713,
    77_691_713,
    'bd577a113a864445d4c299885e0cb97d4ba92b5f',
    'be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21',
    273,
    false,
    1,
    'Tiny (multilingual)',
  ),
  whisper(
    'base.en',
    147_964_211,
    147_964_211,
    '137c40403d78fd54d454da0f9bd998f78703390c',
    'a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002',
    388,
    false,
    2,
    'Base (English)',
  ),
  whisper(
    'base',
    147_951_465,
    147_951_465,
    '465707469ff3a37a2b9b8d8f89f2f99de7299dac',
    '60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe',
    388,
    false,
    2,
    'Base (multilingual)',
  ),
  whisper(
    'small.en',
    487_614_201,
    487_614_201,
    'db8a495a91d927739e50b3fc1cc4c6b8f6c2d022',
    'c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d',
    852,
    false,
    3,
    'Small (English)',
  ),
  whisper(
    'small',
    487_601_967,
    487_601_967,
    '55356645c2b361a969dfd0ef2c5a50d530afd8d5',
    '1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b',
    852,
    false,
    3,
    'Small (multilingual)',
  ),
  // Size published only as "1.5 GiB"; memory not in whisper.cpp's table: weights (~1.6 GB) + buffers.
  whisper(
    'large-v3-turbo',
    null,
    1.5 * 2 ** 30,
    '4af2b29d7ec73d781377bfd1758ca957a807e941',
    '1fc70f774d38eb169993ac391eea357ef47c88757ef72ee5943879b7e8e2bc69',
    1800,
    true,
    4,
    'Large v3 Turbo (multilingual)',
  ),
  {
    id: 'silero-v6.2.0',
    kind: 'vad',
    fileName: 'ggml-silero-v6.2.0.bin',
    url: 'https://huggingface.co/ggml-org/whisper-vad/resolve/main/ggml-silero-v6.2.0.bin',
    bytes: 885_098,
    approxBytes: 885_098,
    sha1: null,
    sha256: '2aa269b785eeb53a82983a20501ddf7c1d9c48e33ab63a41391ac6c9f7fb6987',
    memoryMB: 5,
    memoryEstimated: true,
    shape: null,
    englishOnly: false,
    rank: 0,
    label: 'Silero VAD v6.2.0 (voice activity)',
  },
];

export const DEFAULT_VAD_ID = FIRST_RUN_MODELS.vad;

export function findCatalogEntry(catalog: readonly CatalogEntry[], id: string): CatalogEntry | undefined {
  return catalog.find((e) => e.id === id);
}
