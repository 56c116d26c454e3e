import { meterFraction, toDb } from '../../../../core/practice/signal';
import { useMicrophone } from '../../stores/microphone';

/** The live input level (RMS bar with a peak tick), from the capture worklet, ~20 updates/s. */
export function LevelMeter({ big = false }: { big?: boolean }) {
  const levelDb = useMicrophone((s) => s.levelDb);
  const peak = useMicrophone((s) => s.peak);
  const maxFraction = useMicrophone((s) => s.maxFraction);
  const live = useMicrophone((s) => s.status === 'live');
  const fraction = live ? meterFraction(levelDb) : 0;
  const peakFraction = live ? meterFraction(toDb(peak)) : 0;
  const shown = Math.max(-60, Math.round(levelDb));
  return (
    <div>
      <div
        className={big ? 'pr-meter pr-big' : 'pr-meter'}
        role="meter"
        aria-label="Input level"
        aria-valuemin={-60}
        aria-valuemax={0}
        aria-valuenow={shown}
        aria-valuetext={live ? `${shown} dB` : 'microphone off'}
        data-testid="level-meter"
        data-level={fraction.toFixed(3)}
        data-max-level={maxFraction.toFixed(3)}
      >
        <div
          className="pr-meter-fill"
          style={{
            width: `${fraction * 100}%`,
            ['--meter-width' as string]: `${fraction > 0 ? 100 / fraction : 100}%`,
          }}
        />
        {peakFraction > 0 && <div className="pr-meter-peak" style={{ left: `calc(${peakFraction * 100}% - 1px)` }} />}
      </div>
      <div className="pr-meter-scale" aria-hidden="true">
        <span>−60 dB</span>
        <span>−30</span>
        <span>0</span>
      </div>
    </div>
  );
}
