/**
 * A module loaded with `import()` on first use, the promise kept: asking a loaded module again
 * through `import()` costs a trip through the module loader on every call (a third of a
 * millisecond in Node), a kept promise nothing.
 */
export function lazy<Module>(load: () => Promise<Module>): () => Promise<Module> {
  let loading: Promise<Module> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined; // offline now, maybe not on the next call
      throw error;
    });
    return loading;
  };
}
