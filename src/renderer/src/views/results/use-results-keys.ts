import { useEffect } from 'react';
import type { Layer } from '../../../../core/analysis/layers';
import { layerForKey } from '../../../../core/results/playback';
import { usePlayer } from '../../stores/player';

/** Keys that belong to a control the user is typing in or operating. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Plays, steps, changes speed or jumps to a layer, unless the key belongs to a control. */
function playerKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
  const player = usePlayer.getState();
  if (e.key === ' ' || e.code === 'Space') {
    // A focused button keeps Space for itself (except the transcript and the page).
    if (e.target instanceof HTMLButtonElement) return;
    e.preventDefault();
    player.toggle();
  } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    e.preventDefault();
    player.step(e.key === 'ArrowRight' ? 1 : -1);
  } else if (e.key === '[' || e.key === ']') {
    e.preventDefault();
    player.stepRate(e.key === ']' ? 1 : -1);
  } else {
    const layer: Layer | null = layerForKey(e.key);
    if (layer) {
      e.preventDefault();
      player.jumpToLayer(layer);
    }
  }
}

/** Keyboard on the results page: space play/pause, ←/→ previous/next sentence, 1-5 jump to a layer, [ ] speed. */
export function useResultsKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => playerKey(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
