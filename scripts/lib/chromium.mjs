import { chromium } from 'playwright-core';

/**
 * Debian's Chromium, launched the way this machine needs (TOOLCHAIN.md): no sandbox as root,
 * and no background networking, which a closed network would answer with endless refusals.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}
