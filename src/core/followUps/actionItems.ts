import { readDate } from '../parse/dates';
import type { ListItem, Section, Table } from '../parse/report';
import { isoDate, wallClockAt } from '../parse/zones';
import type { ReportMatch } from '../template/match';
import type { Range } from '../types';

/** A due date as read: a calendar date, or text that is no date (`action.bad-due-date`). */
type DueDate =
  | {
      readonly kind: 'date';
      /** The first day the date can mean, on the report's calendar: `2025-03-01` (`March 2025` is `2025-03-01`). */
      readonly date: string;
      /** Just after the last instant the date can mean: the item is overdue from then on. */
      readonly until: Date;
      readonly range: Range;
    }
  | { readonly kind: 'unreadable'; readonly text: string; readonly range: Range };

/**
 * A follow-up action of a report: a task-list item (`- [ ] …`, `- [x] …`) or a row of an actions table, in a
 * section with the `actions` role (or one of its subsections).
 */
export interface ActionItem {
  /** What is to be done, without a trailing `(owner: …, due: …)`. */
  readonly text: string;
  readonly status: 'open' | 'done';
  /** As written: `@payments`, `Alice`; null when none is written (or only the `@` of the template). */
  readonly owner: string | null;
  readonly due: DueDate | null;
  /** As written: `P1`, `high`. */
  readonly priority: string | null;
  /** 0-based line of the item (its first line) or of the table row. */
  readonly line: number;
  /** The item's text after its task marker, or the table row. */
  readonly range: Range;
  /**
   * For a task-list item, where the value of each key its text names stands, even a blank one (`owner: @`): a fix
   * adds only the others, and a blank is reported where it stands. Null for a table row, whose cells are filled in place.
   */
  readonly written: Written | null;
}

/** What the reader needs of an analysis: where the sections are, and the zone and year dates are read in. */
export interface ActionContext {
  readonly match: ReportMatch;
  readonly timezone: string;
  readonly timeline: { readonly referenceYear: number | null };
}

const TASK_MARKER = /\[([ xX])\]\s*$/;
/** `owner: …`, `due: …`, `priority: …`. The value is read from what follows. */
const KEYED = /\b(owner|due|priority)[ \t]*:[ \t]*/gi;
/** `due 2025-03-01`, `due by March 1`, `due on 1 March`: without a colon, only before something that starts like a date. */
const BARE_DUE = /\bdue\s+(?:(?:by|on)\s+)?(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/i;
/** `@name`, `@org/team`; not the middle of an e-mail address. */
const MENTION = /(?<![\w.@])@\w[\w./-]*/;
const PRIORITY = /\bP[0-4]\b/;
/** A keyed value ends at a comma, semicolon or closing parenthesis (a date's own commas are read by the date reader). */
const VALUE_END = /[,;)]/;
/** What the fix writes for a due date to be filled in; read as no date yet. */
const DUE_PLACEHOLDER = 'YYYY-MM-DD';

/** Every action item of the report's sections with the `actions` role and their subsections, in document order. */
export function actionItems(context: ActionContext): ActionItem[] {
  const sections = new Set<Section>();
  const addWithChildren = (section: Section) => {
    sections.add(section);
    section.children.forEach(addWithChildren);
  };
  for (const m of context.match.all) {
    if (m.template.role === 'actions') [m.section, ...m.duplicates].forEach((section) => section && addWithChildren(section));
  }
  const found = [...sections].flatMap((section) => [...section.items.flatMap((item) => taskItem(item, context) ?? []), ...section.tables.flatMap((table) => tableItems(table, context))]);
  return found.sort((a, b) => a.range.start - b.range.start);
}

/** Open, and its due date is over in the clock's time. */
export function isOverdue(item: ActionItem, now: Date): boolean {
  return item.status === 'open' && item.due?.kind === 'date' && now >= item.due.until;
}

/** ` (owner: @, due: YYYY-MM-DD)` for what the item lacks: the text a fix appends and the snippet's model. */
export function metadataTemplate(missing: { readonly owner: boolean; readonly due: boolean }): string {
  const parts = [...(missing.owner ? ['owner: @'] : []), ...(missing.due ? [`due: ${DUE_PLACEHOLDER}`] : [])];
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function taskItem(item: ListItem, context: ActionContext): ActionItem | null {
  const task = TASK_MARKER.exec(item.marker);
  if (!task) return null;
  const metadata = readMetadata(item.text, item.range.start, context);
  return {
    text: withoutMetadataTail(item.text),
    status: task[1] === ' ' ? 'open' : 'done',
    owner: metadata.owner,
    due: metadata.due,
    priority: metadata.priority,
    line: item.line,
    range: item.range,
    written: metadata.written,
  };
}

interface Written {
  readonly owner: Range | null;
  readonly due: Range | null;
}

interface Metadata {
  readonly owner: string | null;
  readonly due: DueDate | null;
  readonly priority: string | null;
  readonly written: Written;
}

/** A value in an item's text and where it starts in that text. */
interface Value {
  readonly text: string;
  readonly start: number;
}

/**
 * The owner, due date and priority written in an item's text (`offset`: where the text stands in the report). A
 * keyed form wins over a bare one: `owner: Alice` over an `@name` elsewhere in the text.
 */
function readMetadata(text: string, offset: number, context: ActionContext): Metadata {
  let owner: Value | null = null;
  let priority: string | null = null;
  let due: Value | null = null;
  for (const keyed of text.matchAll(KEYED)) {
    const value = valueAt(text, keyed.index + keyed[0].length);
    const key = keyed[1].toLowerCase();
    if (key === 'due') due ??= value;
    else if (key === 'owner') owner ??= value;
    else priority ??= value.text || null;
  }
  if (!due) {
    const bare = BARE_DUE.exec(text);
    if (bare) due = valueAt(text, bare.index + bare[0].length);
  }
  owner ??= firstMention(text);
  priority ??= PRIORITY.exec(text)?.[0] ?? null;
  const at = (value: Value | null) => value && { start: offset + value.start, end: offset + value.start + value.text.length };
  return {
    owner: owner && owner.text !== '@' && owner.text !== '' ? owner.text : null,
    due: due ? readDue(text, due, offset, context) : null,
    priority,
    written: { owner: at(owner), due: at(due) },
  };
}

function firstMention(text: string): Value | null {
  const mention = MENTION.exec(text);
  if (!mention) return null;
  // A sentence may end right after the name: "… to @payments."
  let end = mention[0].length;
  while ('./-'.includes(mention[0][end - 1])) end--;
  return { text: mention[0].slice(0, end), start: mention.index };
}

/** The text without a last `( … )` that holds `owner:`, `due:` or `priority:`. */
function withoutMetadataTail(text: string): string {
  const open = text.lastIndexOf('(');
  if (open === -1 || text.indexOf(')', open) !== text.length - 1) return text;
  return /\b(?:owner|due|priority)[ \t]*:/i.test(text.slice(open)) ? text.slice(0, open).trimEnd() : text;
}

/** The value from `start` (blanks before it skipped) to a comma, semicolon, closing parenthesis or the end. */
function valueAt(text: string, start: number): Value {
  const rest = text.slice(start);
  const end = rest.search(VALUE_END);
  const raw = end === -1 ? rest : rest.slice(0, end);
  return { text: raw.trim(), start: start + raw.length - raw.trimStart().length };
}

/** The date of a `due` value; null when the writer says it is not known yet (`TBD`, the fix's placeholder, nothing). */
function readDue(text: string, value: Value, offset: number, context: ActionContext): DueDate | null {
  if (value.text === '' || value.text.toUpperCase() === DUE_PLACEHOLDER) return null;
  // The whole rest is read, not only up to a comma: "March 1, 2025" has one.
  const rest = text.slice(value.start);
  const restEnd = rest.search(/[;)]/);
  const reading = readDate(restEnd === -1 ? rest : rest.slice(0, restEnd), { timezone: context.timezone, referenceYear: context.timeline.referenceYear ?? undefined });
  const start = offset + value.start;
  if (reading.kind === 'unknown') return null;
  if (reading.kind !== 'date') return { kind: 'unreadable', text: value.text, range: { start, end: start + value.text.length } };
  return {
    kind: 'date',
    date: isoDate(wallClockAt(reading.start.getTime(), context.timezone)),
    until: reading.endUntil ?? reading.startUntil,
    range: { start: start + reading.range.start, end: start + reading.range.end },
  };
}

/** Headings of an actions table's columns, normalised (`Due date` → `duedate`). */
const COLUMNS = {
  action: ['action', 'actionitem', 'actionitems', 'item', 'task', 'followup', 'recommendation', 'what'],
  owner: ['owner', 'owners', 'assignee', 'who', 'responsible'],
  due: ['due', 'duedate', 'deadline', 'bywhen', 'targetdate', 'when'],
  status: ['status', 'state', 'done'],
  priority: ['priority', 'prio'],
} as const;
type Column = keyof typeof COLUMNS;

/** Status cells that say the work is done; anything else (or nothing) is open. */
const DONE = new Set(['done', 'closed', 'complete', 'completed', 'resolved', 'fixed', 'finished', 'yes', 'x', '[x]', '✅', '✔', '✔️']);

/** The rows of a table whose header has an action column (Action, Task, …), each an item. */
function tableItems(table: Table, context: ActionContext): ActionItem[] {
  const columnOf = (column: Column) => table.header.cells.findIndex((cell) => (COLUMNS[column] as readonly string[]).includes(normalizeHeader(cell.text)));
  const action = columnOf('action');
  if (action === -1) return [];
  const [owner, due, status, priority] = (['owner', 'due', 'status', 'priority'] as const).map(columnOf);
  return table.rows.flatMap((row): ActionItem[] => {
    const cell = (index: number) => (index === -1 ? undefined : row.cells[index]);
    const actionCell = cell(action);
    if (!actionCell || actionCell.text === '') return [];
    // Columns first; a column that is absent or blank leaves the action's own words to say it (`@team`, `due …`).
    const inline = readMetadata(actionCell.text, actionCell.range.start, context);
    const dueCell = cell(due);
    const statusText = plain(cell(status)?.text ?? '');
    const first = row.cells[0];
    const last = row.cells[row.cells.length - 1];
    return [
      {
        text: actionCell.text,
        status: DONE.has(statusText.toLowerCase()) ? 'done' : 'open',
        owner: plain(cell(owner)?.text ?? '') || inline.owner,
        due: dueCell && dueCell.text !== '' ? readDue(dueCell.text, { text: dueCell.text, start: 0 }, dueCell.range.start, context) : inline.due,
        priority: plain(cell(priority)?.text ?? '') || inline.priority,
        line: row.line,
        range: { start: first.range.start, end: last.range.end },
        written: null,
      },
    ];
  });
}

function normalizeHeader(text: string): string {
  return plain(text).toLowerCase().replace(/[^a-z]/g, '');
}

/** Without emphasis and code markup. */
function plain(text: string): string {
  return text.replace(/[*_`]/g, '').trim();
}
