import { raw } from 'hono/html';
import QRCode from 'qrcode';

/**
 * A ticket's QR code as inline SVG (no image request, crisp on any screen), error correction M as
 * the code's format is sized for. The SVG holds only the modules' paths, never the text: nothing to
 * escape. Also draws the devices page's pairing link (`/scan#pair=CODE`).
 */
export async function ticketQrSvg(code: string): Promise<ReturnType<typeof raw>> {
  const svg = await QRCode.toString(code, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4, // the quiet zone the QR standard asks for: readers find the code faster
    color: { dark: '#000000', light: '#ffffff' },
  });
  return raw(svg);
}
