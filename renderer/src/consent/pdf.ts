import { useEffect, useState } from 'react';

/** The core sends PDFs as base64 (JSON transport); the viewer needs them as a Blob. */
export function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/**
 * A `blob:` URL for a PDF while the component showing it is mounted. The CSP allows
 * `frame-src blob:`, and a blob URL keeps the patient's form inside the page: nothing is
 * written to disk or sent anywhere. The URL is revoked when the viewer goes away.
 */
export function usePdfUrl(base64: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!base64) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(pdfBlob(base64));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [base64]);
  return url;
}
