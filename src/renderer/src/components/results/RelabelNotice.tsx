import { layerName } from '../../results/layers';
import { useResults } from '../../stores/results';

/**
 * Says which other sentences moved when the user set one sentence's layer (the coach reads each
 * sentence with its neighbours), and offers to keep them as they were.
 */
export function RelabelNotice() {
  const ripple = useResults((s) => s.ripple);
  const keep = useResults((s) => s.keepRippled);
  const dismiss = useResults((s) => s.dismissRipple);
  if (!ripple) return null;
  const moved = ripple.changes
    .map((c) => `sentence ${c.index + 1} from ${layerName(c.from)} to ${layerName(c.to)}`)
    .join(', ');
  const plural = ripple.changes.length > 1;
  return (
    <div role="status" className="notice relabel-notice" data-testid="relabel-notice">
      <p>
        Setting sentence {ripple.edited + 1} to {layerName(ripple.layer)} also moved {moved}: the coach reads each
        sentence with the ones around it.
      </p>
      <p className="actions">
        <button type="button" onClick={keep}>
          {plural
            ? 'Keep them as they were'
            : `Keep sentence ${(ripple.changes[0]?.index ?? 0) + 1} as ${layerName(ripple.changes[0]?.from ?? 'other')}`}
        </button>{' '}
        <button type="button" className="link" onClick={dismiss}>
          Accept the change
        </button>
      </p>
    </div>
  );
}
