/**
 * How every browser test here starts Debian's Chromium (TOOLCHAIN.md): no sandbox as root, and
 * no background networking, which a closed network would answer with endless refusals.
 * `CHROMIUM_PATH` points at another Chrome or Chromium.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
