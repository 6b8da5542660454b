/**
 * A person using a page, the way a journey says: with a mouse, with the keyboard only, or with
 * a finger on a touch screen. The journeys are written once against this; the keyboard person
 * never clicks — it moves the focus with Tab / Shift+Tab, activates with Enter or Space, picks
 * with the arrow keys and types.
 */

const TAB_LIMIT = 150;

/** Whether `target`, or something inside it (shadow DOM included), has the focus. */
function focusWithin(target) {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  for (let node = active; node; node = node.parentNode ?? node.host) {
    if (node === target) return true;
  }
  return false;
}

export class Person {
  /** @param {'mouse' | 'keyboard' | 'touch'} way */
  constructor(page, way) {
    this.page = page;
    this.way = way;
  }

  get keyboardOnly() {
    return this.way === 'keyboard';
  }

  /** Moves the focus to `locator` with Tab (forwards, then backwards) — keyboard only. */
  async tabTo(locator) {
    await locator.waitFor({ state: 'visible' });
    // Resolved once: finding an element by role through every shadow root is the slow part.
    const target = await locator.elementHandle();
    try {
      if (await target.evaluate(focusWithin)) return;
      for (const key of ['Tab', 'Shift+Tab']) {
        for (let i = 0; i < TAB_LIMIT; i += 1) {
          await this.page.keyboard.press(key);
          if (await target.evaluate(focusWithin)) return;
        }
      }
      throw new Error(`Tab never reached ${locator}`);
    } finally {
      await target.dispose();
    }
  }

  /** Follows a link or presses a button. */
  async press(locator) {
    if (this.way === 'keyboard') {
      await this.tabTo(locator);
      await this.page.keyboard.press('Enter');
    } else if (this.way === 'touch') {
      await locator.tap();
    } else {
      await locator.click();
    }
  }

  /** Replaces the text of a text box with `text`. */
  async fill(locator, text) {
    if (this.way === 'keyboard') {
      await this.tabTo(locator);
      await this.page.keyboard.press('ControlOrMeta+A');
      await this.page.keyboard.press('Backspace');
      await this.page.keyboard.type(text);
    } else {
      if (this.way === 'touch') await locator.tap();
      await locator.fill(text);
    }
  }

  /** Picks the option of a `<select>` whose value is `value`. */
  async select(locator, value) {
    if (this.way !== 'keyboard') {
      await locator.selectOption(value);
      return;
    }
    await this.tabTo(locator);
    const { from, to } = await locator.evaluate(
      (select, wanted) => ({
        from: select.selectedIndex,
        to: Array.from(select.options).findIndex((option) => option.value === wanted),
      }),
      value,
    );
    if (to < 0) throw new Error(`no option ${value} in ${locator}`);
    const key = to > from ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(to - from); i += 1) await this.page.keyboard.press(key);
    // Chromium fires `change` on each arrow key of a closed select; some controls wait for blur.
    if ((await locator.inputValue()) !== value) throw new Error(`could not pick ${value}`);
  }

  /** Checks a radio button (with the keyboard: into its group, then the arrow keys). */
  async checkRadio(radio) {
    if (this.way !== 'keyboard') {
      if (this.way === 'touch') await radio.tap();
      else await radio.check();
      return;
    }
    if (await radio.isChecked()) return;
    const group = radio.locator('xpath=ancestor::*[@role="radiogroup" or self::fieldset][1]');
    await this.tabTo((await group.count()) ? group : radio);
    for (let i = 0; i < 12 && !(await radio.isChecked()); i += 1) {
      await this.page.keyboard.press('ArrowDown');
    }
    if (!(await radio.isChecked())) {
      await this.tabTo(radio);
      await this.page.keyboard.press('Space');
    }
    if (!(await radio.isChecked())) throw new Error(`could not check ${radio}`);
  }

  /** Ticks a checkbox. */
  async tick(checkbox) {
    if (await checkbox.isChecked()) return;
    if (this.way === 'keyboard') {
      await this.tabTo(checkbox);
      await this.page.keyboard.press('Space');
    } else if (this.way === 'touch') {
      await checkbox.tap();
    } else {
      await checkbox.check();
    }
  }

  /**
   * Chooses files in the system's file dialog, opened from `opener` — a button or a file input
   * (its label): the keyboard person opens it with Space, the others click or tap.
   */
  async upload(opener, files) {
    const chooser = this.page.waitForEvent('filechooser');
    if (this.way === 'keyboard') {
      await this.tabTo(opener);
      await this.page.keyboard.press('Space');
    } else if (this.way === 'touch') {
      await opener.tap();
    } else {
      await opener.click();
    }
    await (await chooser).setFiles(files);
  }

  /** Draws a signature-like stroke on `canvas` (mouse, or real touch events on a touch screen). */
  async draw(canvas) {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the signature pad has no box');
    const points = Array.from({ length: 24 }, (_, i) => ({
      x: box.x + box.width * (0.15 + (0.7 * i) / 23),
      y: box.y + box.height * (0.55 + 0.25 * Math.sin(i / 2.2)),
    }));
    if (this.way === 'touch') {
      const cdp = await this.page.context().newCDPSession(this.page);
      const touch = (type, point) =>
        cdp.send('Input.dispatchTouchEvent', {
          type,
          touchPoints: point ? [{ x: point.x, y: point.y, id: 1, radiusX: 2, radiusY: 2 }] : [],
        });
      await touch('touchStart', points[0]);
      for (const point of points.slice(1)) await touch('touchMove', point);
      await touch('touchEnd');
      await cdp.detach();
      return;
    }
    await this.page.mouse.move(points[0].x, points[0].y);
    await this.page.mouse.down();
    for (const point of points.slice(1)) await this.page.mouse.move(point.x, point.y, { steps: 2 });
    await this.page.mouse.up();
  }
}
