// What the Timeline preview and the HTML export show, computed on the host (the extension, the CLI) so that the
// webview and the page only lay it out. No `vscode` here. The category titles live here, not in the core: the core
// never names a template's sections.
import type { Analysis } from '../core/analysis/analyze';
import { hasTimeOfDay, type Precision } from '../core/parse/dates';
import { axisLayout } from '../core/timeline/axis';
import { DAY, formatDuration, formatEventTime, metricLines, startLine } from '../core/timeline/format';
import type { PhaseCategory, Timeline, TimelineEvent } from '../core/timeline/types';
import type { EventView, PhaseGroupView, TechniqueView, TimelineView, TlpColour, TlpView } from '../core/timeline/view';

const CATEGORY_TITLES: Readonly<Record<PhaseCategory, string>> = {
  attack: 'Attack',
  impact: 'Impact',
  detection: 'Detection',
  response: 'Response',
  recovery: 'Recovery',
  detail: 'Other',
};

type DatedEvent = TimelineEvent & { readonly at: string; readonly precision: Precision };

export function timelineView(timeline: Timeline, title: string, tlp: unknown, techniques: readonly TechniqueView[]): TimelineView {
  const dated = timeline.events.filter((event): event is DatedEvent => event.at !== null && event.precision !== null);
  const undated = timeline.events.filter((event) => event.at === null);
  return {
    title,
    kind: timeline.kind,
    tlp: tlpView(tlp),
    timezone: timeline.timezone,
    metrics: metricLines(timeline),
    start: startLine(timeline),
    dated: groupByPhase(
      dated.map((event, index) => ({
        ...eventView(event),
        when: formatEventTime(event, timeline.timezone),
        gap: index > 0 ? formatGap(dated[index - 1], event) : null,
      })),
    ),
    undated: undated.map(eventView),
    axis: axisLayout(timeline),
    techniques,
  };
}

/** The view of a report's timeline, as the preview shows it and the HTML export prints it. */
export function reportTimelineView(analysis: Analysis, path: string): TimelineView {
  return timelineView(analysis.timeline, reportTitle(analysis, path), analysis.report.frontMatter?.raw.tlp, techniqueViews(analysis));
}

/** Each technique the report cites, once, in kill-chain order (by its earliest tactic), unknown IDs last. */
export function techniqueViews(analysis: Analysis): TechniqueView[] {
  const catalog = analysis.attack;
  if (!catalog) return [];
  const cited = analysis.attackChecks.filter((check) => check.reference.kind === 'technique');
  const citations = new Map<string, number>();
  for (const { reference } of cited) citations.set(reference.id, (citations.get(reference.id) ?? 0) + 1);
  return catalog.inKillChainOrder([...citations.keys()]).map((id) => {
    const { technique, status } = cited.find((check) => check.reference.id === id)!;
    const tactics = (technique?.tactics ?? []).map((shortname) => catalog.tacticByShortname(shortname)?.name ?? shortname);
    return { id, name: technique?.name ?? id, tactics: tactics.join(', '), status, citations: citations.get(id)! };
  });
}

/** The report's title (its first heading), else the file's name: for the preview and the Mermaid export. */
export function reportTitle(analysis: Analysis, path: string): string {
  return analysis.report.title?.title ?? fileNameOf(path);
}

export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The front matter's `tlp` as written, coloured when it names a TLP 2.0 colour (TLP 1.0's WHITE is CLEAR). */
export function tlpView(value: unknown): TlpView | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const label = value.trim();
  const named = /\b(RED|AMBER|GREEN|CLEAR|WHITE)\b/i.exec(label)?.[1].toLowerCase();
  const colour: TlpColour | null = named === 'white' ? 'clear' : ((named as TlpColour | undefined) ?? null);
  return { label, colour };
}

/** What does not depend on the event's date; dated events add `when` and `gap`. */
function eventView(event: TimelineEvent): EventView {
  const categoryTitle = CATEGORY_TITLES[event.category];
  return { id: event.id, line: event.line, text: event.text, phase: event.phase ?? categoryTitle, category: event.category, categoryTitle, when: null, gap: null };
}

/** "+2 h 15 min"; in whole days when either date has no time, since its midnight is not a real instant. */
function formatGap(previous: DatedEvent, event: DatedEvent): string | null {
  const seconds = (Date.parse(event.at) - Date.parse(previous.at)) / 1000;
  if (seconds <= 0) return null;
  if (hasTimeOfDay(previous.precision) && hasTimeOfDay(event.precision)) return `+${formatDuration(seconds)}`;
  const days = Math.round(seconds / DAY);
  return days > 0 ? `+${days} d` : null;
}

function groupByPhase(events: readonly EventView[]): PhaseGroupView[] {
  const groups: (PhaseGroupView & { events: EventView[] })[] = [];
  for (const event of events) {
    const last = groups.at(-1);
    if (last && last.phase === event.phase && last.category === event.category) last.events.push(event);
    else groups.push({ phase: event.phase, category: event.category, categoryTitle: event.categoryTitle, events: [event] });
  }
  return groups;
}
