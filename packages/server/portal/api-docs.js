// The API reference page: renders /api/v1/openapi.json as plain, accessible HTML, with no asset
// from outside this server. Vietnamese headings with English beside them, like the portal.
const main = document.getElementById('docs');
const doc = await (await fetch('/api/v1/openapi.json')).json();

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children.flat()) node.append(child ?? '');
  return node;
};
const refName = (ref) => ref?.split('/').pop();
const typeOf = (schema = {}) => {
  if (schema.$ref)
    return el('a', { href: `#schema-${refName(schema.$ref)}` }, refName(schema.$ref));
  if (schema.type === 'array') return el('span', {}, 'array of ', typeOf(schema.items));
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf)
    return el(
      'span',
      {},
      ...schema.anyOf.flatMap((s, i) => (i ? [' | ', typeOf(s)] : [typeOf(s)])),
    );
  return [schema.type ?? 'any', schema.format ? ` (${schema.format})` : ''].join('');
};

main.replaceChildren(
  el('h1', {}, doc.info.title, ' ', el('small', {}, doc.info.version)),
  el('p', {}, doc.info.description),
  el(
    'p',
    {},
    'Base URL: ',
    el('code', {}, doc.servers[0].url),
    ' · ',
    el('a', { href: '/api/v1/openapi.json' }, 'openapi.json'),
  ),
);

const nav = el('nav', { 'aria-label': 'Mục lục / Contents' }, el('h2', {}, 'Mục lục / Contents'));
const list = el('ul');
nav.append(list);
main.append(nav);

for (const tag of doc.tags) {
  const section = el(
    'section',
    { 'aria-labelledby': `tag-${tag.name}` },
    el('h2', { id: `tag-${tag.name}` }, tag.name),
    el('p', {}, tag.description),
  );
  list.append(el('li', {}, el('a', { href: `#tag-${tag.name}` }, tag.name)));
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!op.tags.includes(tag.name)) continue;
      const params = (op.parameters ?? []).filter((p) => !p.$ref);
      const headers = (op.parameters ?? []).filter((p) => p.$ref).map((p) => refName(p.$ref));
      section.append(
        el(
          'article',
          { id: op.operationId },
          el(
            'h3',
            {},
            el('span', { class: `method ${method}` }, method.toUpperCase()),
            ' ',
            el('code', {}, path),
          ),
          el('p', {}, op.summary, op.description ? ` — ${op.description}` : ''),
          el(
            'p',
            { class: 'meta' },
            op.security?.length
              ? `Bearer token · roles: ${(op['x-roles'] ?? []).join(', ')}`
              : 'Public',
            headers.length ? ` · headers: ${headers.join(', ')}` : '',
          ),
          params.length
            ? el(
                'table',
                {},
                el('caption', {}, 'Tham số / Parameters'),
                el(
                  'thead',
                  {},
                  el(
                    'tr',
                    {},
                    el('th', { scope: 'col' }, 'name'),
                    el('th', { scope: 'col' }, 'in'),
                    el('th', { scope: 'col' }, 'type'),
                    el('th', { scope: 'col' }, 'description'),
                  ),
                ),
                el(
                  'tbody',
                  {},
                  params.map((p) =>
                    el(
                      'tr',
                      {},
                      el('td', {}, el('code', {}, p.name), p.required ? ' *' : ''),
                      el('td', {}, p.in),
                      el('td', {}, typeOf(p.schema)),
                      el('td', {}, p.description ?? ''),
                    ),
                  ),
                ),
              )
            : '',
          op.requestBody
            ? el(
                'p',
                {},
                'Body: ',
                ...Object.entries(op.requestBody.content).map(([type, media]) =>
                  el('span', {}, el('code', {}, type), ' ', typeOf(media.schema)),
                ),
              )
            : '',
          el(
            'ul',
            { class: 'responses' },
            Object.entries(op.responses).map(([status, response]) =>
              el(
                'li',
                {},
                el('code', {}, status),
                ' ',
                response.description,
                ' ',
                ...Object.values(response.content ?? {})
                  .slice(0, 1)
                  .map((m) => typeOf(m.schema)),
              ),
            ),
          ),
        ),
      );
    }
  }
  main.append(section);
}

const schemas = el(
  'section',
  { 'aria-labelledby': 'schemas' },
  el('h2', { id: 'schemas' }, 'Lược đồ / Schemas'),
);
list.append(el('li', {}, el('a', { href: '#schemas' }, 'Schemas')));
for (const [name, schema] of Object.entries(doc.components.schemas)) {
  const properties = Object.entries(schema.properties ?? {});
  schemas.append(
    el(
      'article',
      { id: `schema-${name}` },
      el('h3', {}, name),
      el('p', {}, schema.description ?? ''),
      properties.length
        ? el(
            'table',
            {},
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col' }, 'property'),
                el('th', { scope: 'col' }, 'type'),
                el('th', { scope: 'col' }, 'description'),
              ),
            ),
            el(
              'tbody',
              {},
              properties.map(([key, value]) =>
                el(
                  'tr',
                  {},
                  el(
                    'td',
                    {},
                    el('code', {}, key),
                    (schema.required ?? []).includes(key) ? ' *' : '',
                  ),
                  el('td', {}, typeOf(value)),
                  el('td', {}, value.description ?? ''),
                ),
              ),
            ),
          )
        : el('p', {}, typeOf(schema)),
    ),
  );
}
main.append(schemas);
