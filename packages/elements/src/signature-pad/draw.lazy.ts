import { html, nothing } from 'lit';
import SignaturePad, { type PointGroup } from 'signature_pad';
import { translate } from '../base/localization.js';
import { drawWords } from './draw.messages.js';
import type { SignaturePoint } from './signature-pad.js';

export { drawStyles } from './draw.styles.js';
export { drawWords };

/**
 * The draw mode of `egov-signature-pad`, fetched with `import()` when a box to draw in is first
 * shown, with signature_pad: the canvas code, the box's words and styles. The first load holds
 * the mode choice, the typed name and the declaration; a page whose signer types or declares
 * never loads this.
 */

/** What the draw panel shows of the element's state. */
export interface DrawPanel {
  /** Another mode is chosen. */
  readonly hidden: boolean;
  /** The box's accessible name. */
  readonly label: string;
  readonly disabled: boolean;
  /** Nothing to undo or clear (no strokes, or read-only). */
  readonly empty: boolean;
  readonly undo: () => void;
  readonly clear: () => void;
}

/**
 * The box to draw in, the hint that points keyboard users to the other modes, and the undo and
 * clear buttons (`aria-disabled` rather than `disabled` when there is nothing to undo, so that
 * they stay in the tab order and say why).
 */
export function renderDrawPanel(panel: DrawPanel, locale: string) {
  const ariaDisabled = panel.disabled ? nothing : panel.empty ? 'true' : 'false';
  return html`<div class="panel" ?hidden=${panel.hidden}>
    <div class="pad">
      <canvas part="canvas" role="img" aria-label=${panel.label} aria-describedby="draw-hint"></canvas>
    </div>
    <p class="baseline" id="draw-hint">${translate(drawWords.drawHint, locale)}</p>
    <div class="actions">
      <button part="undo" type="button" ?disabled=${panel.disabled} aria-disabled=${ariaDisabled} @click=${panel.undo}>
        ${translate(drawWords.undo, locale)}
      </button>
      <button part="clear" type="button" ?disabled=${panel.disabled} aria-disabled=${ariaDisabled} @click=${panel.clear}>
        ${translate(drawWords.clear, locale)}
      </button>
    </div>
  </div>`;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * signature_pad on one element's canvas: strokes kept as fractions of the box (so that they
 * survive any box size), drawn again at the screen's pixel density whenever the box or the
 * density changes — a canvas loses its drawing whenever its bitmap is resized.
 */
export class DrawPad {
  private readonly pad: SignaturePad;
  private readonly resizeObserver: ResizeObserver;
  private densityQuery?: MediaQueryList;
  private drawnSize = { width: 0, height: 0, ratio: 0 };
  private strokes: readonly (readonly SignaturePoint[])[] = [];

  /**
   * @param onStroke Called when the person ends a stroke, with every stroke and the SVG.
   */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    ink: string,
    private readonly onStroke: (
      strokes: readonly (readonly SignaturePoint[])[],
      svg: string,
    ) => void,
  ) {
    this.pad = new SignaturePad(canvas, {
      penColor: ink || '#1b1b1b',
      minWidth: 0.75,
      maxWidth: 2.75,
      // Every pointer move counts: Chromium already coalesces them per frame.
      throttle: 0,
      minDistance: 2,
    });
    this.pad.addEventListener('endStroke', this.onStrokeEnd);
    this.resizeObserver = new ResizeObserver(() => this.redraw(this.strokes));
    this.resizeObserver.observe(canvas);
    this.watchDensity();
  }

  /** Whether the person can draw (not when the control is disabled or read-only). */
  set enabled(enabled: boolean) {
    if (enabled) this.pad.on();
    else this.pad.off();
  }

  /** The strokes as an SVG document, or `''` when there are none. */
  svg(strokes: readonly (readonly SignaturePoint[])[]): string {
    this.redraw(strokes);
    return strokes.length ? this.pad.toSVG() : '';
  }

  destroy(): void {
    this.pad.removeEventListener('endStroke', this.onStrokeEnd);
    this.pad.off();
    this.resizeObserver.disconnect();
    this.densityQuery?.removeEventListener('change', this.onDensityChange);
  }

  /** Moving the window to a screen of another density changes no size: watch the density too. */
  private watchDensity() {
    this.densityQuery?.removeEventListener('change', this.onDensityChange);
    this.densityQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.densityQuery.addEventListener('change', this.onDensityChange);
  }

  private onDensityChange = () => {
    this.watchDensity();
    this.redraw(this.strokes);
  };

  /** Sizes the bitmap to the box at the screen's density and draws `strokes`, scaled to it. */
  redraw(strokes: readonly (readonly SignaturePoint[])[]): void {
    this.strokes = strokes;
    const { canvas, pad } = this;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (!width || !height) return; // hidden: drawn when shown
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const size = this.drawnSize;
    if (size.width !== width || size.height !== height || size.ratio !== ratio) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      this.drawnSize = { width, height, ratio };
    }
    const options = {
      dotSize: pad.dotSize,
      minWidth: pad.minWidth,
      maxWidth: pad.maxWidth,
      penColor: pad.penColor,
      velocityFilterWeight: pad.velocityFilterWeight,
      compositeOperation: pad.compositeOperation,
    };
    pad.clear();
    pad.fromData(
      strokes.map(
        (stroke): PointGroup => ({
          ...options,
          points: stroke.map(([x, y, time]) => ({
            x: x * width,
            y: y * height,
            time,
            pressure: 0.5,
          })),
        }),
      ),
    );
  }

  private onStrokeEnd = () => {
    const width = this.canvas.clientWidth;
    const height = this.canvas.clientHeight;
    this.strokes = this.pad
      .toData()
      .map((group) => {
        const start = group.points[0]?.time ?? 0;
        return group.points.map(
          (point): SignaturePoint => [
            round(point.x / width),
            round(point.y / height),
            Math.round(point.time - start),
          ],
        );
      })
      .filter((stroke) => stroke.length > 0);
    this.onStroke(this.strokes, this.pad.toSVG());
  };
}
