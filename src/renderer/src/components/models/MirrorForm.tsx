import { useState } from 'react';

/** Keyed by the saved URL so it starts from what is stored each time that changes. */
export function MirrorForm({ saved, onSave }: { saved: string; onSave: (url: string | null) => Promise<void> }) {
  const [mirror, setMirrorText] = useState(saved);
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(mirror.trim() === '' ? null : mirror.trim());
      }}
    >
      <label htmlFor="mirror-url">Download mirror</label>
      <input
        id="mirror-url"
        type="url"
        placeholder="https://your-mirror.example/whisper/"
        value={mirror}
        onChange={(event) => setMirrorText(event.target.value)}
        size={40}
      />
      <button type="submit">Save mirror</button>
      <span className="muted small">Files from a mirror are still checked against the pinned checksums.</span>
    </form>
  );
}
