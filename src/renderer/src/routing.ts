/**
 * Hash routes of the renderer, as pure functions (unit-tested without a DOM):
 *   #/practice  #/sessions  #/documents  #/settings    the four sections
 *   #/sessions/<id>                          the results of one take
 *   #/compare/<idA>/<idB>                    two takes side by side
 */
const VIEWS = ['practice', 'sessions', 'documents', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export type Route = { view: View } | { view: 'results'; id: string } | { view: 'compare'; a: string; b: string };

const ID = /^[a-z0-9][a-z0-9-]{2,63}$/;

export function routeFromHash(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return '';
      }
    });
  const [head, first, second] = parts;
  // #/results/<id> is accepted as an alias of #/sessions/<id>.
  if ((head === 'sessions' || head === 'results') && first && ID.test(first)) return { view: 'results', id: first };
  if (head === 'compare' && first && second && ID.test(first) && ID.test(second))
    return { view: 'compare', a: first, b: second };
  return { view: (VIEWS as readonly string[]).includes(head ?? '') ? (head as View) : 'practice' };
}

export function hashOf(route: Route): string {
  switch (route.view) {
    case 'results':
      return `#/sessions/${encodeURIComponent(route.id)}`;
    case 'compare':
      return `#/compare/${encodeURIComponent(route.a)}/${encodeURIComponent(route.b)}`;
    default:
      return `#/${route.view}`;
  }
}

/** The main-navigation section a route belongs to (results and compare live under Sessions). */
export function sectionOf(route: Route): View {
  return route.view === 'results' || route.view === 'compare' ? 'sessions' : route.view;
}
