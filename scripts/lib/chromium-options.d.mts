/** Debian's Chromium, or `CHROMIUM_PATH`. */
export declare const chromiumPath: string;
/** The flags every browser test here starts Chromium with. */
export declare const chromiumArgs: readonly string[];
