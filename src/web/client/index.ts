import { createWebCoach } from './web-coach';

// Runs before the renderer's module script (the server injects it first into index.html).
const token = document.querySelector<HTMLMetaElement>('meta[name="coach-token"]')?.content ?? '';
if (window.location.search.includes('token=')) {
  // Keep the token out of the address bar and history once the page has it.
  window.history.replaceState(null, '', window.location.pathname + window.location.hash);
}
window.coach = createWebCoach(token);
