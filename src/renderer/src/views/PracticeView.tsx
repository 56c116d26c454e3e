import { PracticeFlow } from './practice/PracticeFlow';

export function PracticeView() {
  return (
    <section aria-labelledby="practice-title">
      <header className="view-header">
        <h1 id="practice-title">Practice</h1>
        <p className="muted">
          Tell one incident you owned, against the clock. Keep Mitigation to two sentences, spend most of your time on
          the Structural fix, and close on what you learned about the system.
        </p>
      </header>
      <PracticeFlow />
    </section>
  );
}
