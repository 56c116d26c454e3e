import type { ReactNode } from 'react';
import { useMicrophone } from '../../stores/microphone';

/**
 * "Silent" and "clipping" warnings for the live input. Before a take a warning takes the place of
 * the volume hint (`children`) instead of adding a banner, so the setup keeps its height and Start
 * never moves below the fold while the user adjusts the microphone; while recording it is a banner.
 */
export function SignalWarnings({ children }: { children?: ReactNode }) {
  const warnings = useMicrophone((s) => s.warnings);
  const live = useMicrophone((s) => s.status === 'live');
  const silent = live && warnings.silent;
  const clipping = live && warnings.clipping;
  const look = children === undefined ? 'pr-banner pr-warn' : 'pr-field-hint pr-signal-warn';
  return (
    <div aria-live="polite">
      {silent && (
        <p className={look} data-testid="warning-silent">
          <strong>We hear nothing.</strong> The microphone is silent: check it isn’t muted, or choose another one.
        </p>
      )}
      {clipping && (
        <p className={look} data-testid="warning-clipping">
          <strong>Too loud: the input is clipping.</strong> Move back from the microphone or lower its gain.
        </p>
      )}
      {!silent && !clipping && children}
    </div>
  );
}
