import { create } from 'zustand';

export const VIEWS = ['practice', 'sessions', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return (VIEWS as readonly string[]).includes(name ?? '') ? (name as View) : 'practice';
}

interface NavigationState {
  view: View;
  go(view: View): void;
}

/** Hash routing: in-page navigation never leaves the app's page (the shell blocks real navigation). */
export const useNavigation = create<NavigationState>((set) => ({
  view: viewFromHash(window.location.hash),
  go: (view) => {
    window.location.hash = `#/${view}`;
    set({ view });
  },
}));

window.addEventListener('hashchange', () => {
  useNavigation.setState({ view: viewFromHash(window.location.hash) });
});
