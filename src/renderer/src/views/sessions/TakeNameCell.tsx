import { useState } from 'react';
import type { HistoryEntry } from '../../../../shared/channels/history';
import { AnalyseLaterButton } from '../../components/AnalyseLaterButton';
import { useHistory } from '../../stores/history';
import { useNavigation } from '../../stores/navigation';

/** A take's name (which opens it), what it is, and its actions; or, while renaming, the new name. */
export function TakeNameCell({ take, name }: { take: HistoryEntry; name: string }) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState('');
  return (
    <td className="take-name">
      {renaming ? (
        <RenameForm id={take.id} draft={draft} setDraft={setDraft} onDone={() => setRenaming(false)} />
      ) : (
        <>
          <TakeSummary take={take} name={name} />
          <TakeActions
            id={take.id}
            name={name}
            onRename={() => {
              // The field starts with the name shown, so a small change needs no retyping.
              setDraft(name);
              setRenaming(true);
            }}
          />
        </>
      )}
    </td>
  );
}

function RenameForm({
  id,
  draft,
  setDraft,
  onDone,
}: {
  id: string;
  draft: string;
  setDraft: (draft: string) => void;
  onDone: () => void;
}) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void useHistory.getState().rename(id, draft).then(onDone);
      }}
    >
      <label className="visually-hidden" htmlFor={`rename-${id}`}>
        New name
      </label>
      <input
        id={`rename-${id}`}
        value={draft}
        maxLength={120}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
        autoFocus
        data-testid="rename-input"
      />
      <button type="submit">Save</button>
    </form>
  );
}

function TakeSummary({ take, name }: { take: HistoryEntry; name: string }) {
  const open = useNavigation((s) => s.open);
  return (
    <>
      <button type="button" className="link take-open" onClick={() => open({ view: 'results', id: take.id })}>
        {name}
      </button>
      <div className="muted small question">“{take.question}”</div>
      <div className="muted small">
        {take.importedFrom !== null ? `imported from ${take.importedFrom}` : take.kind}
        {take.corrected ? ' · corrected' : ''}
        {take.digestNote ? ` · ${take.digestNote}` : ''}
      </div>
      {!take.digest && take.status !== 'recording' && take.status !== 'processing' && (
        <AnalyseLaterButton sessionId={take.id} typed={take.kind === 'typed'} name={name} />
      )}
    </>
  );
}

function TakeActions({ id, name, onRename }: { id: string; name: string; onRename: () => void }) {
  const open = useNavigation((s) => s.open);
  return (
    <div className="row-actions">
      <button type="button" onClick={() => open({ view: 'results', id })} aria-label={`Open “${name}”`}>
        Open
      </button>
      <button type="button" onClick={onRename} aria-label={`Rename “${name}”`}>
        Rename
      </button>
      <button
        type="button"
        className="danger"
        onClick={() => void useHistory.getState().remove(id)}
        aria-label={`Delete “${name}”`}
      >
        Delete
      </button>
    </div>
  );
}
