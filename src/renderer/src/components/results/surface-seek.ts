/**
 * Seeking the waveform so the media element always ends up where the user asked.
 *
 * wavesurfer.js keeps a seek made while the media lacks data (readyState below
 * HAVE_FUTURE_DATA, as it is during an earlier seek) as a pending time, and forgets that pending
 * time when the earlier seek's "seeking" event arrives with another position. Two quick seeks
 * (← then a layer key) then leave the media at the first one, and the player follows it back.
 */

/** The parts of wavesurfer.js a seek touches. */
export interface SeekableSurface {
  getDuration(): number;
  setTime(seconds: number): void;
  getMediaElement(): HTMLMediaElement | null;
}

/** Moves the cursor at once and the media element itself, whatever its ready state. */
export function seekSurface(surface: SeekableSurface, seconds: number): void {
  const duration = surface.getDuration();
  const target = Math.max(0, Number.isFinite(duration) && duration > 0 ? Math.min(seconds, duration) : seconds);
  surface.setTime(target);
  const media = surface.getMediaElement();
  if (media && Math.abs(media.currentTime - target) > 0.01) media.currentTime = target;
}
