import { useMicrophone } from '../../stores/microphone';

/** "Silent" and "clipping" warnings for the live input. */
export function SignalWarnings() {
  const warnings = useMicrophone((s) => s.warnings);
  const live = useMicrophone((s) => s.status === 'live');
  if (!live) return null;
  return (
    <div aria-live="polite">
      {warnings.silent && (
        <div className="pr-banner pr-warn" data-testid="warning-silent">
          <strong>We hear nothing.</strong> The microphone is silent: check it isn’t muted, or choose another one.
        </div>
      )}
      {warnings.clipping && (
        <div className="pr-banner pr-warn" data-testid="warning-clipping">
          <strong>Too loud: the input is clipping.</strong> Move back from the microphone or lower its gain.
        </div>
      )}
    </div>
  );
}
