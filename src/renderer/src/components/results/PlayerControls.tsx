import { PLAYBACK_RATES } from '../../../../core/results/playback';
import { formatClock } from '../../../../core/time/clock';
import { layerName } from '../../results/layers';
import { usePlayer } from '../../stores/player';

/** Play/pause, time, speed, loop status and follow; the keyboard shortcuts are listed beside. */
export function PlayerControls() {
  const hasAudio = usePlayer((s) => s.hasAudio);
  const announcement = usePlayer((s) => s.announcement);
  return (
    <div className="player-controls" data-testid="player-controls">
      {hasAudio ? (
        <AudioControls />
      ) : (
        <span className="muted">Typed answer: no recording to replay. Times are estimated from a speaking rate.</span>
      )}
      <Shortcuts hasAudio={hasAudio} />
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}

function AudioControls() {
  const ready = usePlayer((s) => s.ready);
  const loading = usePlayer((s) => s.loading);
  const error = usePlayer((s) => s.error);
  const playing = usePlayer((s) => s.playing);
  const duration = usePlayer((s) => s.duration);
  const loopLayer = usePlayer((s) => s.loopLayer);
  const follow = usePlayer((s) => s.follow);
  const player = usePlayer.getState();
  return (
    <>
      <button
        type="button"
        className="primary play"
        onClick={() => player.toggle()}
        disabled={!ready}
        aria-label={playing ? 'Pause' : 'Play'}
        data-testid="play-toggle"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <span className="clock" aria-label="Position">
        <Clock testId="clock" /> / {formatClock(duration)}
      </span>
      <SpeedPicker />
      {loopLayer && (
        <span className="looping" data-testid="looping">
          Looping {layerName(loopLayer)}{' '}
          <button type="button" className="link" onClick={() => player.setLoopLayer(null)}>
            stop
          </button>
        </span>
      )}
      <label className="follow">
        <input type="checkbox" checked={follow} onChange={(e) => player.setFollow(e.target.checked)} /> Follow in
        transcript
      </label>
      {loading !== null && (
        <span className="muted" role="status">
          Loading the recording… {Math.round(loading * 100)}%
        </span>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

function SpeedPicker() {
  const rate = usePlayer((s) => s.rate);
  return (
    <label className="speed">
      Speed{' '}
      <select
        value={rate}
        onChange={(e) => {
          const target = Number(e.target.value);
          const direction = target > rate ? 1 : -1;
          // Step until the chosen speed: keeps one code path for keys and the menu.
          for (let i = 0; i < PLAYBACK_RATES.length && usePlayer.getState().rate !== target; i++)
            usePlayer.getState().stepRate(direction);
        }}
        data-testid="speed"
      >
        {PLAYBACK_RATES.map((r) => (
          <option key={r} value={r}>
            {r}×
          </option>
        ))}
      </select>
    </label>
  );
}

function Shortcuts({ hasAudio }: { hasAudio: boolean }) {
  return (
    <p className="shortcuts muted small">
      Keys:{' '}
      {hasAudio && (
        <>
          <kbd>Space</kbd> play/pause ·{' '}
        </>
      )}
      <kbd>←</kbd>/<kbd>→</kbd> sentence · <kbd>1</kbd>–<kbd>5</kbd> layer
      {hasAudio && (
        <>
          {' '}
          · <kbd>[</kbd>/<kbd>]</kbd> speed
        </>
      )}
    </p>
  );
}

function Clock({ testId }: { testId?: string }) {
  const time = usePlayer((s) => s.time);
  return <span data-testid={testId}>{formatClock(time)}</span>;
}

/** Compact controls beside the transcript, so replay stays at hand when the page is scrolled. */
export function MiniPlayer() {
  const hasAudio = usePlayer((s) => s.hasAudio);
  const ready = usePlayer((s) => s.ready);
  const playing = usePlayer((s) => s.playing);
  const rate = usePlayer((s) => s.rate);
  const loopLayer = usePlayer((s) => s.loopLayer);
  if (!hasAudio) return null;
  return (
    <div className="mini-player" data-testid="mini-player">
      <button
        type="button"
        onClick={() => usePlayer.getState().toggle()}
        disabled={!ready}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <span className="clock">
        <Clock />
      </span>
      <span className="muted small">{rate}×</span>
      {loopLayer && <span className="looping small">looping {layerName(loopLayer)}</span>}
    </div>
  );
}
