import type { ReactiveController } from 'lit';
import SignaturePad, { type PointGroup } from 'signature_pad';
import type { Messages } from '../base/localization.js';
import { cssAdopter } from '../internal/adopt-css.js';
import { buttonCss } from '../internal/button.css.js';
import { drawMessages } from './draw.messages.js';
import { drawCss } from './draw.styles.js';
import type {
  EgovSignaturePad,
  PanelKit,
  SignaturePoint,
  SignatureValue,
} from './signature-pad.js';

/**
 * The draw mode of `egov-signature-pad`, fetched with `import()` when a box to draw in is first
 * shown, with signature_pad: the box, its buttons, words and styles, and the controller that runs
 * signature_pad on it. The first load holds the value (the strokes) and its validity, so the
 * element is a whole form control before this arrives; a page whose signer types or declares
 * never loads it.
 *
 * It imports nothing the first load imports — Lit and the localisation layer come from the
 * element, in `kit` (see `PanelKit`) —, so that a bundler keeps the first load one file.
 */
export function drawPanel(kit: PanelKit) {
  const t = kit.defineMessages('signature-pad', drawMessages);
  return {
    // The draw mode's validity messages, for the element's checks (see `ModePanel`).
    required: { draw: t.requiredDraw },
    invalid: { draw: () => t.tooLittleInk },
    /** The box on `host`, with its controller. */
    control: (host: EgovSignaturePad) => new DrawController(host, kit, t),
  };
}

type Strokes = readonly (readonly SignaturePoint[])[];

/** The drawn signature, signed now. */
const drawn = (points: Strokes, svg: string): SignatureValue => ({
  mode: 'draw',
  svg,
  points,
  signedAt: new Date().toISOString(),
});

/** The box's styles, after the buttons', beside the element's own. */
const adoptStyles = cssAdopter(buttonCss + drawCss);

/**
 * The box on one element: renders it, starts signature_pad on it once it is in the page (and
 * again after the element is moved), draws the element's strokes whenever they change or the box
 * shows again, and undoes and clears. The element keeps the strokes, in its draw signature.
 */
export class DrawController implements ReactiveController {
  private pad?: DrawPad;
  /** The draw signature on the box, to draw again only when the element's changes. */
  private drawn?: SignatureValue;
  private shown = false;

  constructor(
    private readonly host: EgovSignaturePad,
    private readonly kit: PanelKit,
    private readonly t: Messages<typeof drawMessages>,
  ) {
    host.addController(this);
  }

  private get strokes(): Strokes {
    return this.host.signed.draw?.points ?? [];
  }

  hostUpdated(): void {
    const { host, t } = this;
    const canvas = host.renderRoot.querySelector('canvas');
    const shown = host.mode === 'draw';
    const signed = host.signed.draw;
    if (!this.pad) {
      if (!shown || !canvas || !host.isConnected) return;
      const ink = getComputedStyle(host).getPropertyValue('--egov-signature-ink').trim();
      this.pad = new DrawPad(canvas, ink, (points, svg) =>
        host.sign('draw', drawn(points, svg), true, t.strokeAdded(points.length)),
      );
      this.shown = false;
    }
    this.pad.enabled = !(host.isDisabled || host.readonly);
    // A hidden box is drawn when it shows again: it has no size to draw at before.
    if (signed !== this.drawn || (shown && !this.shown)) {
      this.drawn = signed;
      this.pad.redraw(this.strokes);
    }
    this.shown = shown;
  }

  // Moved in the page: the element does not render again, so start signature_pad here.
  hostConnected(): void {
    this.hostUpdated();
  }

  hostDisconnected(): void {
    this.pad?.destroy();
    this.pad = undefined;
  }

  /** Removes the last stroke. */
  undo(): void {
    const { host, strokes, t } = this;
    if (!strokes.length || host.isDisabled || host.readonly) return;
    const points = strokes.slice(0, -1);
    host.sign(
      'draw',
      points.length ? drawn(points, this.pad?.svg(points) ?? '') : undefined,
      true,
      t.undone(points.length),
    );
  }

  /** Removes every stroke. */
  clear(): void {
    const { host, t } = this;
    if (!this.strokes.length || host.isDisabled || host.readonly) return;
    host.sign('draw', undefined, true, t.cleared);
  }

  /**
   * The box to draw in, the hint that points keyboard users to the other modes,
   * and the undo and clear buttons (`aria-disabled` rather than `disabled` when there is nothing
   * to undo, so that they stay in the tab order and say why).
   */
  render(locale: string) {
    const { host, t } = this;
    const { html, nothing, translate } = this.kit;
    adoptStyles(host.renderRoot as ShadowRoot);
    const disabled = host.isDisabled;
    const ariaDisabled = disabled
      ? nothing
      : !this.strokes.length || host.readonly
        ? 'true'
        : 'false';
    return html`<div class="panel" ?hidden=${host.mode !== 'draw'}>
      <div class="pad">
        <canvas part="canvas" role="img" aria-label=${translate(t.canvas, locale)} aria-describedby="draw-hint"></canvas>
      </div>
      <p class="baseline" id="draw-hint">${translate(t.drawHint, locale)}</p>
      <div class="actions">
        <button part="undo" type="button" ?disabled=${disabled} aria-disabled=${ariaDisabled} @click=${() => this.undo()}>
          ${translate(t.undo, locale)}
        </button>
        <button part="clear" type="button" ?disabled=${disabled} aria-disabled=${ariaDisabled} @click=${() => this.clear()}>
          ${translate(t.clear, locale)}
        </button>
      </div>
    </div>`;
  }
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * signature_pad on one element's canvas: strokes kept as fractions of the box (so that they
 * survive any box size), drawn again at the screen's pixel density whenever the box or the
 * density changes — a canvas loses its drawing whenever its bitmap is resized.
 */
class DrawPad {
  private readonly pad: SignaturePad;
  private readonly resizeObserver: ResizeObserver;
  private densityQuery?: MediaQueryList;
  private drawnSize = { width: 0, height: 0, ratio: 0 };
  private strokes: Strokes = [];

  /**
   * @param onStroke Called when the person ends a stroke, with every stroke and the SVG.
   */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    ink: string,
    private readonly onStroke: (strokes: Strokes, svg: string) => void,
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
  svg(strokes: Strokes): string {
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
  redraw(strokes: Strokes): void {
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
