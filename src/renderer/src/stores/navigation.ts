import { create } from 'zustand';
import { hashOf, routeFromHash, sectionOf, type Route, type View } from '../routing';

export type { Route, View } from '../routing';

interface NavigationState {
  /** Section highlighted in the main navigation. */
  view: View;
  /** The full route, including results (#/sessions/<id>) and compare (#/compare/<a>/<b>). */
  route: Route;
  go(view: View): void;
  open(route: Route): void;
}

/** Hash routing: in-page navigation never leaves the app's page (the shell blocks real navigation). */
export const useNavigation = create<NavigationState>((set) => {
  const initial = routeFromHash(window.location.hash);
  const open = (route: Route): void => {
    window.location.hash = hashOf(route);
    set({ route, view: sectionOf(route) });
  };
  return {
    view: sectionOf(initial),
    route: initial,
    go: (view) => open({ view }),
    open,
  };
});

/**
 * Opens Practice to start a take. The page keeps its scroll across views; Practice must open at its
 * top, with Start in sight.
 */
export function openPracticeAtTop(): void {
  useNavigation.getState().go('practice');
  window.scrollTo(0, 0);
}

/** Opens the results view of a take (the practice flow calls this when processing is done). */
export function openResults(id: string): void {
  useNavigation.getState().open({ view: 'results', id });
}

window.addEventListener('hashchange', () => {
  const route = routeFromHash(window.location.hash);
  useNavigation.setState({ route, view: sectionOf(route) });
});
