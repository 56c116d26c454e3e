import { useEffect, useState } from 'react';
import { call, messageOf } from '../../coach';
import { analysisOfDoc } from '../../results/analysis-of';
import type { ComparedTake } from './compared-take';

/** Loads both takes with their analyses; an error when either cannot be read or has none yet. */
export function useComparedTakes(
  a: string,
  b: string,
): { takes: [ComparedTake, ComparedTake] | null; error: string | null } {
  const [takes, setTakes] = useState<[ComparedTake, ComparedTake] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    Promise.all([call('results.get', { id: a }), call('results.get', { id: b })])
      .then(([ra, rb]) => {
        const aa = analysisOfDoc(ra.session);
        const ab = analysisOfDoc(rb.session);
        if (!aa || !ab) throw new Error('one of the two takes has no analysis yet');
        if (alive)
          setTakes([
            { doc: ra.session, analysis: aa },
            { doc: rb.session, analysis: ab },
          ]);
      })
      .catch((e: unknown) => {
        if (alive) setError(messageOf(e));
      });
    return () => {
      alive = false;
    };
  }, [a, b]);

  return { takes, error };
}
