import { useRef, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../../../shared/channels/imports';
import type { TakeSetupInput } from '../../../../shared/channels/recording';
import { useTake } from '../../stores/take';

/** An existing recording (WAV, MP3, FLAC) becomes a take like a recorded one. */
export function ImportPanel({ setup }: { setup: TakeSetupInput | null }) {
  const importFile = useTake((s) => s.importFile);
  const error = useTake((s) => s.error);
  const [progress, setProgress] = useState<number | null>(null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const onFile = async (file: File | undefined) => {
    if (!file || !setup) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setTooBig(
        `"${file.name}" is ${Math.round(file.size / 1024 / 1024)} MB; files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported.`,
      );
      return;
    }
    setTooBig(null);
    setProgress(0);
    await importFile(setup, file, setProgress);
    setProgress(null);
    if (input.current) input.current.value = '';
  };

  return (
    <div data-testid="import-panel">
      <p className="muted">
        Bring in an answer you recorded elsewhere. It is converted to 16 kHz mono, stored with this question and story,
        then transcribed and analysed like a recorded take.
      </p>
      <div className="pr-field">
        <label htmlFor="import-file">Audio file (WAV, MP3 or FLAC)</label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".wav,.mp3,.flac,audio/wav,audio/x-wav,audio/mpeg,audio/flac"
          disabled={!setup || progress !== null}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      {progress !== null && (
        <div className="pr-import-progress" role="status">
          Uploading… {Math.round(progress * 100)}%
          <div className="pr-progress-track">
            <span style={{ width: `${progress * 100}%` }} />
          </div>
        </div>
      )}
      {(tooBig ?? error) && (
        <p className="pr-field-error" role="alert">
          {tooBig ?? error}
        </p>
      )}
    </div>
  );
}
