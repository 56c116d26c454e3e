import { Notices } from './components/Notices';
import { useNavigation, type View } from './stores/navigation';
import { CompareView } from './views/CompareView';
import { DocumentsView } from './views/DocumentsView';
import { PracticeView } from './views/PracticeView';
import { ResultsView } from './views/ResultsView';
import { SessionsView } from './views/SessionsView';
import { SettingsView } from './views/SettingsView';

const NAV: { view: View; label: string; hint: string }[] = [
  { view: 'practice', label: 'Practice', hint: 'Record or type a timed answer' },
  { view: 'sessions', label: 'Sessions', hint: 'Your takes, grouped by story' },
  { view: 'documents', label: 'Documents', hint: 'Audit a written postmortem and outline an answer' },
  { view: 'settings', label: 'Settings', hint: 'Models, microphone, about' },
];

export function App() {
  const view = useNavigation((s) => s.view);
  const route = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  return (
    <div className="app-frame">
      <nav className="app-nav" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>Postmortem Coach</span>
        </div>
        <ul>
          {NAV.map((item) => (
            <li key={item.view}>
              <button
                type="button"
                className={item.view === view ? 'nav-item active' : 'nav-item'}
                aria-current={item.view === view ? 'page' : undefined}
                onClick={() => go(item.view)}
                title={item.hint}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
        <p className="nav-foot">Everything stays on this machine.</p>
      </nav>
      <main className="app-main" id="main">
        {route.view === 'practice' && <PracticeView />}
        {route.view === 'sessions' && <SessionsView />}
        {route.view === 'results' && <ResultsView id={route.id} />}
        {route.view === 'compare' && <CompareView key={`${route.a}/${route.b}`} a={route.a} b={route.b} />}
        {route.view === 'documents' && <DocumentsView />}
        {route.view === 'settings' && <SettingsView />}
      </main>
      <Notices />
    </div>
  );
}
