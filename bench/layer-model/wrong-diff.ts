import type { WrongLabel } from './cv-report';

/** How the held-out sentences one run got wrong differ from another run's. */
export interface WrongDiff {
  /** Wrong before, right now. */
  fixed: WrongLabel[];
  /** Right before, wrong now. */
  lost: WrongLabel[];
  /** Wrong in both, read as a different wrong layer now. */
  moved: { before: WrongLabel; now: WrongLabel }[];
}

/** A held-out sentence's place, as a key: its story and index. */
export const place = (w: Pick<WrongLabel, 'story' | 'sentence'>): string => `${w.story}#${w.sentence}`;

export function wrongDiff(before: readonly WrongLabel[], now: readonly WrongLabel[]): WrongDiff {
  const was = new Map(before.map((w) => [place(w), w]));
  const is = new Map(now.map((w) => [place(w), w]));
  return {
    fixed: before.filter((w) => !is.has(place(w))),
    lost: now.filter((w) => !was.has(place(w))),
    moved: now.flatMap((w) => {
      const b = was.get(place(w));
      return b && b.read !== w.read ? [{ before: b, now: w }] : [];
    }),
  };
}
