import { takeLaunchToken, type LaunchEnvironment } from './launch-token';
import { createWebCoach } from './web-coach';

const env: LaunchEnvironment = { location: window.location, history: window.history, storage: window.sessionStorage };

// Runs before the renderer's module script (the server puts this one first in index.html), so the
// renderer only ever sees the route part of the fragment.
const token = takeLaunchToken(env);
window.coach = createWebCoach(token);

// A launch URL opened in a tab already showing the app only changes the fragment: no reload, so
// take the token here too. This listener was added before the renderer's, so the renderer then
// reads the bare route. A different token (the server was restarted) needs a fresh page.
window.addEventListener('hashchange', () => {
  if (takeLaunchToken(env) !== token) window.location.reload();
});
