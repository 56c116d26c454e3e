/**
 * Running an export and what came of it. Desktop: the system save dialog picks the file, and
 * replacing an existing file needs a confirmation. Web shell: the browser downloads the bytes.
 */
import type { Contract } from '../../../../shared/contract';
import type { InputOf } from '../../../../shared/contract-types';
import { call, CallError, messageOf } from '../../coach';
import { redactionNames, type ExportForm } from './export-form';

export interface Capabilities {
  save: boolean;
  pdf: { available: boolean; reason: string | null };
}

export type Outcome =
  | { kind: 'idle' }
  | { kind: 'working'; what: string }
  | { kind: 'done'; message: string; placeholders: Array<{ placeholder: string; names: string[]; used: boolean }> }
  | { kind: 'confirm'; token: string; fileName: string; path: string }
  | { kind: 'error'; message: string };

export type ShowOutcome = (outcome: Outcome) => void;

type ExportRequest = InputOf<Contract, 'export.render'>;

/** Hands bytes to the browser as a download (web shell). */
export function download(bytes: Uint8Array<ArrayBuffer>, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function saveThroughDialog(request: ExportRequest, show: ShowOutcome): Promise<void> {
  show({ kind: 'working', what: 'Preparing the file…' });
  const saved = await call('export.save', request);
  if (saved.status === 'cancelled') show({ kind: 'idle' });
  else if (saved.status === 'confirm_overwrite')
    show({ kind: 'confirm', token: saved.token, fileName: saved.fileName, path: saved.path });
  else
    show({
      kind: 'done',
      message: `Saved ${saved.fileName} (${Math.ceil(saved.bytes / 1024)} KB) to ${saved.path}.`,
      placeholders: [],
    });
}

async function renderAndDownload(request: ExportRequest, show: ShowOutcome): Promise<void> {
  show({ kind: 'working', what: request.format === 'pdf' ? 'Printing the PDF…' : 'Preparing the file…' });
  const rendered = await call('export.render', request);
  download(rendered.bytes as Uint8Array<ArrayBuffer>, rendered.fileName, rendered.mimeType);
  show({
    kind: 'done',
    message: `Downloaded ${rendered.fileName} (${Math.ceil(rendered.bytes.byteLength / 1024)} KB).`,
    placeholders: rendered.placeholders,
  });
}

export async function runExport(
  sessionId: string,
  form: ExportForm,
  caps: Capabilities,
  show: ShowOutcome,
): Promise<void> {
  const request = { sessionId, format: form.format, names: redactionNames(form) };
  try {
    if (caps.save) await saveThroughDialog(request, show);
    else await renderAndDownload(request, show);
  } catch (error) {
    show({ kind: 'error', message: error instanceof CallError ? error.info.message : messageOf(error) });
  }
}

export async function confirmReplace(token: string, show: ShowOutcome): Promise<void> {
  show({ kind: 'working', what: 'Replacing the file…' });
  try {
    const saved = await call('export.confirmOverwrite', { token });
    show({ kind: 'done', message: `Replaced ${saved.fileName} at ${saved.path}.`, placeholders: [] });
  } catch (error) {
    show({ kind: 'error', message: messageOf(error) });
  }
}
