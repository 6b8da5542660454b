/**
 * `h('a', { href }, 'text')`: builds an element. Children are nodes or text (never parsed as
 * HTML, so what the server sends cannot inject markup); `null`, `false` and `undefined` are
 * skipped, arrays are flattened. Attributes: `on<event>` adds a listener, `true` sets a boolean
 * attribute, `false`/`null`/`undefined` leaves it out, objects (e.g. `client`) are set as
 * properties — how the egov elements take their data.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (typeof value === 'object' || typeof value === 'function') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces what `element` holds with `children`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** The page address's query parameter `name`, trimmed; `''` when absent. */
export function param(name) {
  return new URLSearchParams(location.search).get(name)?.trim() ?? '';
}
