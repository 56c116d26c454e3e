import { useEffect } from 'react';
import { useMicrophone } from '../../stores/microphone';
import { usePracticeSetup } from '../../stores/practice-setup';
import { LevelMeter } from './LevelMeter';
import { SignalWarnings } from './SignalWarnings';

/** Microphone choice and a live level before starting, with specific help when it fails. */
export function MicrophoneCheck({ onSwitchMode }: { onSwitchMode(mode: 'type' | 'import'): void }) {
  // Selectors, not the whole store: the level changes 20 times a second.
  const status = useMicrophone((s) => s.status);
  const error = useMicrophone((s) => s.error);
  const devices = useMicrophone((s) => s.devices);
  const deviceId = useMicrophone((s) => s.deviceId);
  const open = useMicrophone((s) => s.open);
  const savedDevice = usePracticeSetup((s) => s.deviceId);
  const update = usePracticeSetup((s) => s.update);

  useEffect(() => {
    // Opens the microphone when the check appears (later device changes go through the select).
    if (useMicrophone.getState().status === 'off') void open(savedDevice);
  }, [open, savedDevice]);

  return (
    <div data-testid="mic-check">
      <div className="pr-field">
        <label htmlFor="mic-select">Microphone</label>
        <div className="pr-inline">
          <select
            id="mic-select"
            className="pr-grow"
            value={deviceId ?? ''}
            disabled={status !== 'live' || devices.length === 0}
            onChange={(e) => {
              update({ deviceId: e.target.value || null });
              void open(e.target.value || null);
            }}
          >
            {devices.length === 0 && <option value="">{status === 'opening' ? 'Opening…' : 'No microphone'}</option>}
            {devices.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {status === 'error' && error && (
        <div className="pr-banner error" role="alert" data-testid="mic-error" data-problem={error.problem}>
          <p>
            <strong>
              {error.problem === 'permission'
                ? 'Microphone permission denied'
                : error.problem === 'no_device'
                  ? 'No microphone'
                  : 'Microphone problem'}
            </strong>
          </p>
          <p>{error.message}</p>
          <div className="pr-actions">
            <button type="button" onClick={() => void open(savedDevice)}>
              Try again
            </button>
            <button type="button" onClick={() => onSwitchMode('type')}>
              Type the answer instead
            </button>
            <button type="button" onClick={() => onSwitchMode('import')}>
              Import a recording
            </button>
          </div>
        </div>
      )}
      <div className="pr-field">
        <span className="pr-field-label" id="level-label">
          Input level {status === 'opening' && <span className="muted">(opening the microphone…)</span>}
        </span>
        <LevelMeter />
        <SignalWarnings>
          <p className="pr-field-hint">
            Speak a sentence at interview volume: the bar should reach the middle without touching the red end.
          </p>
        </SignalWarnings>
      </div>
    </div>
  );
}
