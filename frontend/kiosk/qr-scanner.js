// <hl-qr-scanner>: reads a receipt's QR code or barcode with the tablet's camera, in the browser,
// with ZXing's JavaScript port. Nothing leaves the tablet but the decoded text, which the element
// reports as a "code-scanned" event ({ detail: { text } }); "scan-failed" tells why it cannot scan
// (no camera, permission refused), so the view can offer the keypad instead.
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';

class HlQrScanner extends HTMLElement {
  connectedCallback() {
    if (!this.video) {
      this.video = document.createElement('video');
      this.video.setAttribute('playsinline', '');
      this.video.setAttribute('muted', '');
      this.video.setAttribute('aria-hidden', 'true');
      this.video.style.cssText = 'width:100%;height:100%;object-fit:cover;border-radius:inherit;';
      this.append(this.video);
    }
  }

  disconnectedCallback() {
    this.stop();
  }

  /** Starts the camera (the rear one when there is a choice) and decodes until a code is read. */
  async start() {
    this.stop();
    const hints = new Map();
    // Receipts carry a QR (survey link) and often a Code 128 barcode of the dossier code.
    hints.set(DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128, BarcodeFormat.CODE_39]);
    const reader = new BrowserMultiFormatReader(hints);
    try {
      this.controls = await reader.decodeFromConstraints(
        { video: { facingMode: 'environment' } }, this.video, (result, error, controls) => {
          if (result) {
            controls.stop();
            this.controls = undefined;
            this.dispatchEvent(new CustomEvent('code-scanned', { detail: { text: result.getText() } }));
          }
        });
    } catch (e) {
      this.dispatchEvent(new CustomEvent('scan-failed', { detail: { reason: (e && e.name) || 'Error' } }));
    }
  }

  stop() {
    if (this.controls) {
      this.controls.stop();
      this.controls = undefined;
    }
  }
}

customElements.define('hl-qr-scanner', HlQrScanner);
