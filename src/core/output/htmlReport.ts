// A report as one self-contained HTML page to share or print: its TLP label as a banner, its details, the metrics,
// the time axis and its events, and every section rendered from the Markdown. Nothing in it is loaded from anywhere
// and nothing runs: a Content-Security-Policy allows only the page's own stylesheet, which carries the caller's nonce.
// Report text is only ever escaped text: raw HTML is shown as written, links go to http(s) and mailto addresses only.
import MarkdownIt, { type Token } from 'markdown-it';
import type { Analysis } from '../analysis/analyze';
import { tlpLevelOf, type TlpLevel } from '../security/tlp';
import { escapeHtml, markup, toHtml, type Markup } from '../text/markup';
import { axisDrawing, eventLabel } from '../timeline/axisDrawing';
import type { EventView, TimelineView } from '../timeline/view';
import stylesheet from './htmlReport.css';

export interface HtmlReportInput {
  readonly analysis: Analysis;
  /** The timeline as the preview shows it (src/shared/timelineView.ts builds it). */
  readonly view: TimelineView;
  /** A fresh random token for the stylesheet's CSP nonce: the core has no randomness of its own. */
  readonly nonce: string;
}

/** What each TLP 2.0 label allows, in FIRST's words (TLP 2.0, 2022). */
const TLP_MEANINGS: Readonly<Record<TlpLevel, string>> = {
  'TLP:RED': 'For the eyes and ears of individual recipients only, no further disclosure.',
  'TLP:AMBER+STRICT': 'Limited disclosure, recipients can only spread this on a need-to-know basis within their organization only.',
  'TLP:AMBER': 'Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients.',
  'TLP:GREEN': 'Limited disclosure, recipients can spread this within their community.',
  'TLP:CLEAR': 'Recipients can spread this to the world, there is no limit on disclosure.',
};

const KIND_TITLES = { security: 'Security incident', operational: 'Operational incident' } as const;

/** A nonce goes into an attribute and the policy as is, so it must be plain base64 (or hex, or base64url). */
const NONCE = /^[A-Za-z0-9+/_=-]{16,128}$/;

export function htmlReport({ analysis, view, nonce }: HtmlReportInput): string {
  if (!NONCE.test(nonce)) throw new Error('The nonce must be 16 to 128 base64 characters');
  const level = tlpLevelOf(analysis.report.frontMatter?.raw.tlp);
  const policy = `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
  const { title, body } = renderMarkdown(analysis);
  const main = [metrics(view), timeline(view), techniques(view)].map(toHtml).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Incident Report Studio">
<title>${escapeHtml(level ? `${level} · ${view.title}` : view.title)}</title>
<style nonce="${nonce}">
${stylesheet}${pageMargins(level)}</style>
</head>
<body>
${toHtml(banner(view, level))}
<main>
${header(analysis, view, title)}
${main}
<article class="report-body">
${body}</article>
</main>
</body>
</html>
`;
}

/** The label as a banner in FIRST's colours (on black), with what it allows; a plain note without a label. */
function banner(view: TimelineView, level: TlpLevel | null): Markup {
  if (!view.tlp) return markup('div', { class: 'tlp-banner tlp-none', role: 'note' }, [markup('span', { class: 'tlp-label' }, ['No TLP label']), ' Ask the author before sharing this report.']);
  const colour = view.tlp.colour ? ` tlp-${view.tlp.colour}` : '';
  const meaning = level ? [' ', markup('span', { class: 'tlp-meaning' }, [TLP_MEANINGS[level]])] : [];
  return markup('div', { class: `tlp-banner${colour}`, role: 'note', 'aria-label': 'Traffic Light Protocol' }, [markup('span', { class: 'tlp-label' }, [view.tlp.label]), ...meaning]);
}

/**
 * Printed pages repeat the label in their top and bottom margins, as TLP 2.0 asks of documents. Only a known level
 * is written into the stylesheet, so report text never reaches CSS.
 */
function pageMargins(level: TlpLevel | null): string {
  if (!level) return '';
  const colour = level.slice('TLP:'.length).split('+')[0].toLowerCase();
  const box = `content: "${level}"; color: var(--tlp-${colour}); background: #000; font: 700 8pt system-ui, sans-serif; width: 30mm; height: 5mm; text-align: center; vertical-align: middle;`;
  return `@page { @top-right { ${box} margin-top: 7mm; } @bottom-left { ${box} margin-bottom: 8mm; } }\n`;
}

/** The kind, the title (rendered from the Markdown, else the view's: the file's name) and the front matter. */
function header(analysis: Analysis, view: TimelineView, title: string | null): string {
  const kind = view.kind ? toHtml(markup('p', { class: 'kind' }, [KIND_TITLES[view.kind]])) : '';
  const details = frontMatterDetails(analysis.report.frontMatter?.raw ?? {}).map(toHtml).join('');
  return `<header class="report-header">${kind}<h1>${title ?? escapeHtml(view.title)}</h1>${details}</header>`;
}

/** The front matter as written (valid or not), one term per key. */
function frontMatterDetails(raw: Readonly<Record<string, unknown>>): Markup[] {
  const entries = Object.entries(raw);
  if (entries.length === 0) return [];
  const items = entries.map(([key, value]) => markup('div', {}, [markup('dt', {}, [key]), markup('dd', {}, [plainValue(value)])]));
  return [markup('dl', { class: 'details', 'aria-label': 'Report details' }, items)];
}

function plainValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(plainValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function metrics(view: TimelineView): Markup {
  const items = view.metrics.map((metric) =>
    markup('div', { class: metric.known ? 'metric' : 'metric unknown' }, [markup('dt', {}, [metric.name]), markup('dd', {}, [metric.value]), markup('dd', { class: 'metric-detail' }, [metric.detail])]),
  );
  const start = view.start ? `Measured from ${view.start}. ` : '';
  return markup('section', { class: 'metrics', 'aria-labelledby': 'metrics-title' }, [
    markup('h2', { id: 'metrics-title' }, ['Metrics']),
    markup('dl', { class: 'metric-list' }, items),
    markup('p', { class: 'zone' }, [`${start}Times in ${view.timezone}.`]),
  ]);
}

/** The preview's time axis, drawn statically, then every event in words (the axis alone cannot be read on paper). */
function timeline(view: TimelineView): Markup {
  const dated = view.dated.flatMap((group) => group.events);
  const rows = [...dated, ...view.undated].map(eventRow);
  const table =
    rows.length === 0
      ? []
      : [
          markup('table', { class: 'events' }, [
            markup('thead', {}, [markup('tr', {}, [markup('th', { scope: 'col' }, ['When']), markup('th', { scope: 'col' }, ['Phase']), markup('th', { scope: 'col' }, ['Event'])])]),
            markup('tbody', {}, rows),
          ]),
        ];
  return markup('section', { class: 'time-axis', 'aria-labelledby': 'axis-title' }, [markup('h2', { id: 'axis-title' }, ['Time axis']), markup('div', { class: 'axis' }, axisDrawing(view, false)), ...table]);
}

function eventRow(event: EventView): Markup {
  const phase = event.phase === event.categoryTitle ? event.phase : `${event.phase} · ${event.categoryTitle}`;
  const when = [event.when ?? 'undated', ...(event.gap ? [markup('span', { class: 'gap' }, [event.gap])] : [])];
  return markup('tr', { class: `event category-${event.category}`, title: eventLabel(event) }, [
    markup('td', { class: 'when' }, when),
    markup('td', { class: 'phase' }, [phase]),
    markup('td', { class: 'text' }, [event.text]),
  ]);
}

const STATUS_NOTES = { valid: null, unknown: 'not in ATT&CK', revoked: 'revoked', deprecated: 'deprecated' } as const;

function techniques(view: TimelineView): Markup | string {
  if (view.techniques.length === 0) return '';
  const rows = view.techniques.map((technique) => {
    const note = STATUS_NOTES[technique.status];
    return markup('tr', {}, [
      markup('td', { class: 'technique-id' }, [technique.id]),
      markup('td', {}, [technique.name, ...(note ? [' ', markup('span', { class: `technique-status status-${technique.status}` }, [note])] : [])]),
      markup('td', {}, [technique.tactics]),
    ]);
  });
  return markup('section', { class: 'techniques', 'aria-labelledby': 'techniques-title' }, [
    markup('h2', { id: 'techniques-title' }, ['ATT&CK techniques']),
    markup('table', {}, [
      markup('thead', {}, [markup('tr', {}, [markup('th', { scope: 'col' }, ['ID']), markup('th', { scope: 'col' }, ['Technique']), markup('th', { scope: 'col' }, ['Tactics'])])]),
      markup('tbody', {}, rows),
    ]),
  ]);
}

// Raw HTML is parsed (so that it ends where a Markdown preview ends it) but written as text; see `rawHtmlAsText`.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
/** Links to the web and to mail addresses only: no `javascript:`, `data:`, `file:` or relative links. */
markdown.validateLink = (url) => /^(?:https?|mailto):/i.test(url);
markdown.renderer.rules.html_block = (tokens, index) => rawHtmlAsText(tokens[index].content);
markdown.renderer.rules.html_inline = (tokens, index) => rawHtmlAsText(tokens[index].content);
markdown.renderer.rules.link_open = (tokens, index, options, _env, renderer) => {
  tokens[index].attrSet('rel', 'noopener noreferrer');
  return renderer.renderToken(tokens, index, options);
};
/** An image is never loaded: it becomes a link to it, named by its alt text. */
markdown.renderer.rules.image = (tokens, index, options, env, renderer) => {
  const token = tokens[index];
  const source = String(token.attrGet('src') ?? '');
  const alt = renderer.renderInlineAsText(token.children ?? [], options, env);
  return `<a class="image" href="${escapeHtml(source)}" rel="noopener noreferrer">Image: ${escapeHtml(alt || source)}</a>`;
};

/**
 * Raw HTML as the text it is, so a `<script>` is read, not run. Comments are left out, as every Markdown preview
 * leaves them out: authors write notes and `incident-report-disable` comments in them that were never meant to be read.
 */
function rawHtmlAsText(html: string): string {
  let text = '';
  let from = 0;
  for (let open = html.indexOf('<!--'); open !== -1; open = html.indexOf('<!--', from)) {
    text += html.slice(from, open);
    const close = html.indexOf('-->', open + 4);
    from = close === -1 ? html.length : close + 3;
  }
  text += html.slice(from);
  return text.trim() === '' ? '' : escapeHtml(text);
}

/** The title's Markdown (null without one) and the rest of the report's, without its front matter (the header shows it). */
function renderMarkdown(analysis: Analysis): { title: string | null; body: string } {
  const { text, frontMatter, title } = analysis.report;
  // Front matter blanked rather than cut, so markdown-it's line numbers stay those of the text and find the title.
  const masked = frontMatter ? text.slice(0, frontMatter.range.start) + text.slice(frontMatter.range.start, frontMatter.range.end).replace(/[^\r\n]/g, '') + text.slice(frontMatter.range.end) : text;
  const env = {};
  const tokens = markdown.parse(masked.replace(/^\uFEFF/, ''), env);
  const titleAt = title ? tokens.findIndex((token) => token.type === 'heading_open' && token.map?.[0] === title.line) : -1;
  const [, inline] = titleAt === -1 ? [] : tokens.splice(titleAt, 3);
  tokens.forEach(alignmentAsClass);
  return {
    title: inline ? markdown.renderer.renderInline(inline.children ?? [], markdown.options, env) : null,
    body: markdown.renderer.render(tokens, markdown.options, env),
  };
}

/** Table cells' alignment as a class: the policy allows no inline `style` attribute. */
function alignmentAsClass(token: Token): void {
  const style = token.attrGet('style');
  if (style === null) return;
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
  const align = /^text-align:(left|center|right)$/.exec(String(style))?.[1];
  if (align) token.attrJoin('class', `align-${align}`);
}
