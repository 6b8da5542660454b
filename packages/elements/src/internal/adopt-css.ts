/**
 * Styles that a lazy module brings, for the shadow roots it renders in (the survey's form, the
 * signature pad's panels): the returned function adds them beside the element's own, once per
 * root. Without Lit, so that a module that imports nothing its element's first load imports can
 * use it (the pad's panels: see `PanelKit` in signature-pad.ts). Where a browser cannot adopt a
 * constructed style sheet, a `<style>` element, as Lit does.
 */
export function cssAdopter(cssText: string): (root: ShadowRoot) => void {
  const roots = new WeakSet<ShadowRoot>();
  let sheet: CSSStyleSheet | undefined;
  return (root) => {
    if (roots.has(root)) return;
    roots.add(root);
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(cssText);
      }
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = cssText;
      root.append(style);
    }
  };
}
