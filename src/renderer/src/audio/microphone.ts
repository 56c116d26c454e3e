/**
 * Opening the microphone, with every failure turned into a specific, actionable message. The
 * raw signal is requested (no echo cancellation, noise suppression or automatic gain): the level
 * meter must show what the microphone really hears and Whisper does better on unprocessed audio.
 */

export type MicProblem = 'permission' | 'no_device' | 'busy' | 'unsupported' | 'unknown';

export class MicError extends Error {
  constructor(
    readonly problem: MicProblem,
    message: string,
  ) {
    super(message);
    this.name = 'MicError';
  }
}

export interface MicDevice {
  deviceId: string;
  label: string;
}

export function micErrorFrom(error: unknown): MicError {
  if (error instanceof MicError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return new MicError(
        'permission',
        'Microphone access was denied. Allow the microphone for Postmortem Coach (browser site settings, or your system’s privacy settings), then press “Try again”.',
      );
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new MicError(
        'no_device',
        'No microphone was found. Plug one in or enable it in your system settings, then press “Try again”.',
      );
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new MicError(
        'busy',
        'The microphone could not be started: another app may be using it. Close that app, then press “Try again”.',
      );
    default:
      return new MicError(
        'unknown',
        `The microphone could not be opened: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}

export async function openMicrophone(deviceId: string | null): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw new MicError(
      'unsupported',
      'This browser cannot record audio here (no getUserMedia). Use the desktop app or a current Chromium.',
    );
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
        channelCount: 1,
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: false,
      },
    });
    if (stream.getAudioTracks().length === 0) {
      throw new MicError('no_device', 'The microphone delivered no audio track. Check it is connected and enabled.');
    }
    return stream;
  } catch (error) {
    throw micErrorFrom(error);
  }
}

/** Audio inputs; labels are only filled in once the user has allowed the microphone. */
export async function listMicrophones(): Promise<MicDevice[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'audioinput' && d.deviceId !== '')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
}
