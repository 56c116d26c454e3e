import { useEffect, useRef, useState } from 'react';
import { playGentleSignal } from '../../audio/gentle-signal';

const DRAFT_KEY = 'coach.typed.draft.v1';

/** The writing countdown, ticking four times a second; a gentle signal when time is up. */
export function useWritingClock(minutes: number): { elapsed: number; left: number; limitSec: number } {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const signalled = useRef(false);
  const limitSec = minutes * 60;
  const elapsed = (now - startedAt) / 1000;
  const left = limitSec - elapsed;

  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    if (left <= 0 && !signalled.current) {
      signalled.current = true;
      playGentleSignal();
    }
  }, [left]);

  return { elapsed, left, limitSec };
}

/** The answer being written; the draft survives a reload or an accidental navigation until it is submitted. */
export function useTypedDraft(): [string, (text: string) => void] {
  const [text, setText] = useState(() => localStorage.getItem(DRAFT_KEY) ?? '');
  useEffect(() => {
    localStorage.setItem(DRAFT_KEY, text);
  }, [text]);
  return [text, setText];
}

export function clearTypedDraft(): void {
  localStorage.removeItem(DRAFT_KEY);
}
