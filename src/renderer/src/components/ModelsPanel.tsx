import { useRef } from 'react';
import { useModels } from '../stores/models';
import { DefaultModel } from './models/DefaultModel';
import { MirrorForm } from './models/MirrorForm';
import { ModelFileActions } from './models/ModelFileActions';
import { ModelsTable } from './models/ModelsTable';
import { UploadProgress } from './models/UploadProgress';
import { useModelsUpkeep } from './models/use-models-upkeep';

export function ModelsPanel() {
  const { overview, loadError, importFile, setMirror, upload, cancelUpload } = useModels();
  const fileInput = useRef<HTMLInputElement>(null);
  // The desktop app shows the system dialog (the back end reads the file itself); elsewhere the
  // page picks the file and uploads its bytes.
  const chooseModelFile = (): void => {
    if (overview?.importDialog) void importFile();
    else fileInput.current?.click();
  };
  useModelsUpkeep(overview, loadError);

  return (
    <section className="panel" aria-labelledby="models-title" data-testid="models-panel">
      <h2 id="models-title">Speech models</h2>
      <p className="muted">
        Whisper runs on this machine. Bigger models transcribe better and slower; downloads are checked against pinned
        checksums before use.
      </p>
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {overview && (
        <>
          <DefaultModel overview={overview} />
          <ModelsTable overview={overview} onImport={chooseModelFile} />
          <ModelFileActions overview={overview} fileInput={fileInput} onChoose={chooseModelFile} />
          {upload && <UploadProgress upload={upload} onCancel={cancelUpload} />}
          <MirrorForm key={overview.mirrorUrl ?? ''} saved={overview.mirrorUrl ?? ''} onSave={setMirror} />
        </>
      )}
    </section>
  );
}
