// Column charts as markup (src/core/text/markup.ts), drawn with SVG from figures, each with a visually hidden table of
// its figures, which a screen reader reads. What the Portfolio charts, in its words, is src/shared/portfolioPage.ts. Colours are classes that the webview's
// stylesheet maps to the theme's --vscode-charts-* variables, so light, dark and high-contrast themes follow. Report
// text (a severity, a quarter) is only ever text or an attribute value, never a class or an id.
import { SEVERITY_LEVELS } from '../parse/frontMatterValues';
import { markup, type Markup } from '../text/markup';

export interface ChartSeries {
  readonly name: string;
  readonly className: string;
}

interface ChartGroup {
  readonly label: string;
  /** One value per series; null where there is none (no report gives that metric), drawn as no column. */
  readonly values: readonly (number | null)[];
  /** A colour of the group's own (a severity's), instead of the series'. */
  readonly className?: string;
}

export interface Chart {
  /** Unique in the page: the figure's id, its caption's is `<id>-title`. */
  readonly id: string;
  readonly title: string;
  /** What the groups are, for the table's first column: "Severity", "Quarter". */
  readonly category: string;
  readonly series: readonly ChartSeries[];
  readonly groups: readonly ChartGroup[];
  readonly format: (value: number) => string;
  /** Said instead of the chart when no group has a value. */
  readonly empty: string;
}

/** The height of the tallest column; the others are in proportion to their values. */
export const PLOT_HEIGHT = 120;
const TOP = 18;
const LABEL_HEIGHT = 24;
const SINGLE_BAR_WIDTH = 40;
const GROUPED_BAR_WIDTH = 16;
/** Room for a label under its group (about LABEL_CHARACTERS wide) and between groups. */
const GROUP_GAP = 36;
/** A value too small for its column to be seen beside the tallest still gets a column this high. */
const MIN_VISIBLE_HEIGHT = 2;
const MIN_WIDTH = 160;
/** Longer labels are cut under their column; their title and the table give them in full. */
const LABEL_CHARACTERS = 12;

/** A column chart in a focusable figure: its caption, a legend when it has several series, the drawing and its table. */
export function columnChart(chart: Chart): Markup {
  const caption = markup('figcaption', { id: `${chart.id}-title`, class: 'chart-title' }, [chart.title]);
  const hasValues = chart.groups.some((group) => group.values.some((value) => value !== null));
  const body = hasValues ? [...legend(chart), drawing(chart), table(chart)] : [markup('p', { class: 'empty' }, [chart.empty])];
  return markup('figure', { class: 'chart', id: chart.id, tabindex: '0', 'aria-labelledby': `${chart.id}-title` }, [caption, ...body]);
}

/** The front matter's severities in their order (critical first, then SEV1 first), then others by name, `unknown` last. */
export function severityOrder(severities: readonly string[]): string[] {
  const rank = (severity: string) => {
    const index = SEVERITY_LEVELS.findIndex((level) => level.toLowerCase() === severity.toLowerCase());
    return index < 0 ? SEVERITY_LEVELS.length : index;
  };
  // The stats' keys are sorted already, `unknown` last; a stable sort keeps that order among equal ranks.
  return [...severities].sort((a, b) => rank(a) - rank(b));
}

/** `severity-1` (critical, SEV1) to `severity-5` (informational, SEV5); `severity-other` for any other text. */
export function severityClass(severity: string): string {
  const index = SEVERITY_LEVELS.findIndex((level) => level.toLowerCase() === severity.toLowerCase());
  return index < 0 ? 'severity-other' : `severity-${(index % 5) + 1}`;
}

function legend(chart: Chart): Markup[] {
  if (chart.series.length < 2) return [];
  // The table names the series for screen readers.
  return [
    markup(
      'ul',
      { class: 'legend', 'aria-hidden': 'true' },
      chart.series.map((series) => markup('li', {}, [markup('span', { class: `swatch ${series.className}` }), series.name])),
    ),
  ];
}

/** The columns, in pixels of a view box that the stylesheet scales down to the panel's width. */
function drawing(chart: Chart): Markup {
  const single = chart.series.length === 1;
  const barWidth = single ? SINGLE_BAR_WIDTH : GROUPED_BAR_WIDTH;
  const groupWidth = barWidth * chart.series.length + GROUP_GAP;
  const width = Math.max(MIN_WIDTH, groupWidth * chart.groups.length);
  const height = TOP + PLOT_HEIGHT + LABEL_HEIGHT;
  const baseline = TOP + PLOT_HEIGHT;
  const max = Math.max(0, ...chart.groups.flatMap((group) => group.values.filter((value): value is number => value !== null)));
  const offset = (width - groupWidth * chart.groups.length) / 2 + GROUP_GAP / 2;
  const groups = chart.groups.map((group, index) => {
    const left = offset + index * groupWidth;
    const centre = left + (barWidth * chart.series.length) / 2;
    const bars = group.values.flatMap((value, s) => {
      if (value === null) return [];
      const barHeight = columnHeight(value, max);
      const x = left + s * barWidth;
      const series = chart.series[s];
      const what = single ? group.label : `${group.label}, ${series.name}`;
      const column = markup('rect', { class: `bar ${group.className ?? series.className}`, x: String(x), y: String(round(baseline - barHeight)), width: String(barWidth), height: String(barHeight) }, [
        markup('title', {}, [`${what}: ${chart.format(value)}`]),
      ]);
      // One series leaves room for its values above the columns; several would overlap (the table has them).
      const label = single ? [markup('text', { class: 'bar-value', x: String(x + barWidth / 2), y: String(round(baseline - barHeight - 4)), 'text-anchor': 'middle' }, [chart.format(value)])] : [];
      return [column, ...label];
    });
    const name = markup('text', { class: 'bar-label', x: String(centre), y: String(baseline + 16), 'text-anchor': 'middle' }, [markup('title', {}, [group.label]), shorten(group.label)]);
    return markup('g', { class: 'group' }, [...bars, name]);
  });
  const axis = markup('line', { class: 'baseline', x1: '0', x2: String(width), y1: String(baseline), y2: String(baseline) });
  return markup('svg', { class: 'chart-drawing', viewBox: `0 0 ${width} ${height}`, width: String(width), height: String(height), role: 'img', 'aria-label': `${chart.title}: column chart` }, [
    ...groups,
    axis,
  ]);
}

/**
 * A column's height: the tallest value's is PLOT_HEIGHT, the others in proportion, to a tenth of a pixel; none for
 * zero. Durations range from minutes to weeks, so a value above zero is never drawn lower than MIN_VISIBLE_HEIGHT.
 */
export function columnHeight(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(MIN_VISIBLE_HEIGHT, round((value / max) * PLOT_HEIGHT));
}

/** The chart's figures as a table that only screen readers see (the stylesheet hides it visually). */
function table(chart: Chart): Markup {
  const header = markup('tr', {}, [chart.category, ...chart.series.map(({ name }) => name)].map((name) => markup('th', { scope: 'col' }, [name])));
  const rows = chart.groups.map((group) =>
    markup('tr', {}, [markup('th', { scope: 'row' }, [group.label]), ...group.values.map((value) => markup('td', {}, [value === null ? 'none' : chart.format(value)]))]),
  );
  return markup('table', { class: 'visually-hidden' }, [markup('caption', {}, [chart.title]), markup('thead', {}, [header]), markup('tbody', {}, rows)]);
}

function shorten(label: string): string {
  const characters = Array.from(label);
  return characters.length > LABEL_CHARACTERS ? `${characters.slice(0, LABEL_CHARACTERS - 1).join('')}…` : label;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
