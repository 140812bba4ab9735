import QRCode from 'qrcode';

/**
 * The QR code on a printed consent: the consent id and the SHA-256 of its text, so anyone
 * holding the paper can find the record and check that the text is the one stored.
 */
export async function consentQrSvg(consentId: string, textSha256: string): Promise<string> {
  const payload = `AIMEDLAB-CONSENT:${consentId}:${textSha256}`;
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
}
