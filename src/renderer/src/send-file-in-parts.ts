/**
 * Sends a file the user picked in the page to the back end in ordered parts (audio imports and
 * model uploads): the back end never reads a path from the page, and each request stays small.
 * `stop` is asked before every part, so a cancel lets the part already on its way finish first.
 */
export async function sendFileInParts(
  file: Blob,
  partBytes: number,
  sendPart: (offset: number, bytes: Uint8Array<ArrayBuffer>) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  for (let offset = 0; offset < file.size && !stop(); offset += partBytes) {
    await sendPart(offset, new Uint8Array(await file.slice(offset, offset + partBytes).arrayBuffer()));
  }
}
