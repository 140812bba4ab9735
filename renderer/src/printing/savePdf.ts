import { pdfBlob } from '../consent/pdf';

/**
 * Save as PDF: the PDF the core made with the print engine (printToPDF in the app), handed
 * to the browser's download, which asks where to save it (Electron's save dialog, limited to
 * our own blob: PDFs by the main process). Nothing is written unless the receptionist
 * chooses a place.
 */
export function savePdf(base64: string, fileName: string): void {
  const url = URL.createObjectURL(pdfBlob(base64));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
