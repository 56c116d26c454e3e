import { useRef, useState, type KeyboardEvent } from 'react';
import type { Analysis } from '../../../../core/analysis/types';
import { DeliveryPanel } from '../../components/results/DeliveryPanel';
import { RubricCard } from '../../components/results/RubricCard';
import { WorksheetPanel } from '../../components/results/WorksheetPanel';

const TABS = [
  { id: 'coaching', label: 'Tier, rubric and fixes' },
  { id: 'worksheet', label: 'Worksheet' },
  { id: 'delivery', label: 'Delivery' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * The coaching beside the transcript, one part at a time: the summary (tier, rubric, the top three
 * fixes, the follow-up question) first, the worksheet and delivery one click away. Showing them all
 * at once made a page of thousands of pixels that quoted the same sentences twice.
 */
export function CoachingTabs({ analysis, readOnly }: { analysis: Analysis; readOnly: boolean }) {
  const [tab, setTab] = useState<TabId>('coaching');
  const buttons = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  // Arrow keys move between tabs, as the tab pattern expects.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]?.id ?? 'coaching';
    setTab(next);
    buttons.current[next]?.focus();
  };
  return (
    <div className="coaching-column">
      <div className="tabs" role="tablist" aria-label="Coaching" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            data-testid={`tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'coaching' && <RubricCard analysis={analysis} />}
        {tab === 'worksheet' && <WorksheetPanel analysis={analysis} readOnly={readOnly} />}
        {tab === 'delivery' && <DeliveryPanel analysis={analysis} />}
      </div>
    </div>
  );
}
