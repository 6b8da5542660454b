/**
 * The box's styles, as text (draw.lazy.ts imports nothing of Lit: see `PanelKit` in
 * signature-pad.ts), adopted beside the element's own, after the buttons' (button.css.ts), when
 * draw.lazy.ts arrives.
 */
export const drawCss = /* css */ `
  .panel[hidden] {
    display: none;
  }

  .pad {
    max-width: var(--egov-signature-max-width, 36rem);
    border: 2px solid var(--_egov-color-border);
    border-radius: var(--_egov-radius);
    overflow: hidden;
  }

  .has-error .pad {
    border-color: var(--_egov-color-error);
  }

  canvas {
    display: block;
    box-sizing: border-box;
    width: 100%;
    aspect-ratio: var(--egov-signature-aspect-ratio, 3 / 1);
    /* Only the box itself stops scrolling and zooming, so the page still scrolls around it. */
    touch-action: none;
    cursor: crosshair;
    /* The ink is painted black-on-white into the bitmap, which forced colours do not recolour:
       keep the box white in every colour scheme so the ink stays visible. */
    background: var(--egov-signature-paper, #fff);
    forced-color-adjust: none;
  }

  :host([disabled]) canvas,
  :host([readonly]) canvas {
    cursor: not-allowed;
  }

  .baseline {
    margin: 0;
    color: var(--_egov-color-hint);
    font-size: 0.875em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  @media (forced-colors: active) {
    .pad {
      border-color: CanvasText;
    }
  }
`;
