import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-options.mjs';

/** Debian's Chromium under playwright-core, headless, started as every test here starts it. */
export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
