import { escapeHtml } from '../pages/sign-page';
import type { OpenApiDocument } from './openapi-document';

// The human page at `/api/docs`: the OpenAPI document rendered on the server into plain HTML. No script and no
// external resource, so the page works offline and its CSP can forbid everything but inline styles. Every
// value from the document is escaped, although the document is our own.

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#222}' +
  'h2{margin-top:2rem;border-bottom:1px solid #ddd}section{margin:1rem 0;padding:.5rem 1rem;background:#f7f7f7;' +
  'border-radius:4px}code,pre{font:13px/1.4 ui-monospace,monospace}pre{overflow:auto;max-height:24rem;' +
  'background:#fff;padding:.5rem}.m{font-weight:700;text-transform:uppercase;margin-right:.5rem}' +
  'summary{cursor:pointer}td,th{text-align:left;padding:.1rem .6rem .1rem 0;vertical-align:top}';

type Json = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function pretty(value: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
}

function renderParameters(parameters: unknown): string {
  if (!Array.isArray(parameters) || parameters.length === 0) return '';
  const rows = (parameters as Json[])
    .map((p) => {
      const required = p.required === true ? 'required' : 'optional';
      return `<tr><td><code>${escapeHtml(text(p.name))}</code></td><td>${escapeHtml(text(p.in))}</td><td>${required}</td><td>${escapeHtml(text(p.description))}</td></tr>`;
    })
    .join('');
  return `<table><tr><th>parameter</th><th>in</th><th></th><th></th></tr>${rows}</table>`;
}

function renderBody(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const content = ((body as Json).content ?? {}) as Json;
  return Object.entries(content)
    .map(([type, media]) => `<details><summary>request body: ${escapeHtml(type)}</summary>${pretty(media)}</details>`)
    .join('');
}

function renderResponses(responses: unknown): string {
  const items = Object.entries((responses ?? {}) as Json).map(([status, response]) => {
    const { description = '', content } = response as { description?: string; content?: Json };
    const detail = content ? pretty(content) : '';
    return `<details><summary><code>${escapeHtml(status)}</code> ${escapeHtml(description)}</summary>${detail}</details>`;
  });
  return items.join('');
}

function renderOperation(path: string, method: string, operation: Json): string {
  const security = Array.isArray(operation.security) && operation.security.length > 0 ? 'bearer token' : 'public';
  return (
    `<section id="${escapeHtml(text(operation.operationId))}">` +
    `<div><span class="m">${escapeHtml(method)}</span><code>${escapeHtml(path)}</code> · ${security}</div>` +
    `<p>${escapeHtml(text(operation.summary))}</p>` +
    renderParameters(operation.parameters) +
    renderBody(operation.requestBody) +
    renderResponses(operation.responses) +
    `</section>`
  );
}

/** The whole page for `document`. */
export function renderDocsPage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Json)[method];
      return operation ? [renderOperation(path, method, operation as Json)] : [];
    }),
  );
  const schemas = Object.entries(document.components?.schemas ?? {})
    .map(([name, schema]) => `<details><summary><code>${escapeHtml(name)}</code></summary>${pretty(schema)}</details>`)
    .join('');
  const title = `${document.info.title} ${document.info.version}`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>` +
    `<p>${escapeHtml(document.info.description ?? '')}</p>` +
    `<p>OpenAPI ${escapeHtml(document.openapi)} document: <a href="/api/docs/openapi.json">openapi.json</a></p>` +
    `<h2>Operations</h2>${operations.join('')}<h2>Schemas</h2>${schemas}</body></html>`
  );
}
