import { AboutPanel } from '../components/AboutPanel';
import { MicrophonePanel } from '../components/MicrophonePanel';
import { ModelsPanel } from '../components/ModelsPanel';

export function SettingsView() {
  return (
    <section aria-labelledby="settings-title">
      <header className="view-header">
        <h1 id="settings-title">Settings</h1>
        <p className="muted">Speech models, microphone and where your data lives.</p>
      </header>
      <ModelsPanel />
      <MicrophonePanel />
      <AboutPanel />
    </section>
  );
}
