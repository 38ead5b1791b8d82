// The camera: the phone's rear camera, read for QR codes a dozen times a second by the browser's
// BarcodeDetector, or else by zxing in WebAssembly served by this site.

/** A code that stays in view is read once; it counts again after leaving the view this long. */
const SAME_CODE_MS = 3_000;
const FRAME_PAUSE_MS = 80;

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };

/** Takes a code the camera sees once, however long it stays in view. */
export class SameCodeFilter {
  #code = '';
  #seenAt = 0;

  /** Whether a code seen at `now` (ms) is a new read. */
  accept(code: string, now: number): boolean {
    const repeat = code === this.#code && now - this.#seenAt < SAME_CODE_MS;
    this.#seenAt = now;
    this.#code = code;
    return !repeat;
  }

  /** The steward asks for the code in view to be read again. */
  forget() {
    this.#code = '';
  }
}

export class Camera {
  #stream: MediaStream | null = null;
  #detector: Detector | null = null;

  constructor(private readonly video: HTMLVideoElement) {}

  /**
   * Starts filming and offers each code read to `onCode`, only while `ready()` (a scan pending is not
   * interrupted). Throws when there is no camera or it may not be used.
   */
  async start(onCode: (code: string) => void, ready: () => boolean) {
    this.#detector ??= await makeDetector();
    this.#stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    this.video.srcObject = this.#stream;
    await this.video.play();
    const readFrame = async () => {
      if (!this.#stream || !this.#detector) return;
      if (this.video.readyState >= 2 && ready()) {
        try {
          const [found] = await this.#detector.detect(this.video);
          if (found) onCode(found.rawValue);
        } catch {
          // A frame that cannot be read: try the next one.
        }
      }
      setTimeout(() => requestAnimationFrame(readFrame), FRAME_PAUSE_MS);
    };
    requestAnimationFrame(readFrame);
  }

  stop() {
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
  }
}

async function makeDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: { new (o: object): Detector; getSupportedFormats(): Promise<string[]> } })
    .BarcodeDetector;
  if (native && (await native.getSupportedFormats()).includes('qr_code')) return new native({ formats: ['qr_code'] });
  // No BarcodeDetector (desktop Chromium, Firefox, Safari): zxing in WebAssembly, served by this site.
  const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
  // Its hashed URL, written by the page on the scanner's script tag.
  const wasm = document.querySelector<HTMLScriptElement>('script[data-wasm-url]')?.dataset.wasmUrl ?? '/assets/zxing_reader.wasm';
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasm : prefix + path) },
  });
  return new BarcodeDetector({ formats: ['qr_code'] });
}
