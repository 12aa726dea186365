const EVENT_SELECTOR = '.event';

/** An event in the list (an HTML item) or on the time axis (an SVG group). */
type EventItem = HTMLElement | SVGElement;

/**
 * Keyboard and mouse on the events: arrow keys, Home and End move the focus, Enter and Space choose the focused
 * event, a click chooses the event clicked. One event is in the tab order (a roving tab stop).
 */
export class EventNavigation {
  constructor(
    private readonly container: HTMLElement,
    private readonly choose: (item: EventItem) => void,
  ) {
    container.addEventListener('keydown', (event) => this.onKeyDown(event));
    container.addEventListener('click', (event) => {
      const item = eventItemOf(event.target);
      if (!item) return;
      this.focus(item);
      this.choose(item);
    });
  }

  /** The id of the event in the tab order, to keep it there when the events are rendered again. */
  tabStopId(): string | null {
    return this.container.querySelector<EventItem>(`${EVENT_SELECTOR}[tabindex="0"]`)?.dataset.id ?? null;
  }

  /**
   * Whether an event has the keyboard focus. An unfocused page keeps its `activeElement`: without `hasFocus()`, an
   * update would give the focus back to the event last chosen, taking it from the editor or the Command Palette.
   */
  hasFocus(): boolean {
    return document.hasFocus() && this.container.contains(document.activeElement);
  }

  /** After a render: puts the event with the first id found (else the first event) in the tab order. */
  restoreTabStop(ids: readonly (string | null)[], focus: boolean): void {
    const item = ids.map((id) => (id === null ? null : this.item(id))).find((found) => found) ?? this.items()[0];
    if (!item) return;
    this.setTabStop(item);
    if (focus) item.focus({ preventScroll: true });
  }

  item(id: string): EventItem | null {
    return this.items().find((item) => item.dataset.id === id) ?? null;
  }

  /** In time order: the axis draws lane by lane, so its items carry their order. */
  private items(): EventItem[] {
    const items = [...this.container.querySelectorAll<EventItem>(EVENT_SELECTOR)];
    return items.every((item) => item.dataset.order !== undefined) ? items.sort((a, b) => Number(a.dataset.order) - Number(b.dataset.order)) : items;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const current = eventItemOf(event.target);
    if (!current) return;
    const items = this.items();
    const index = items.indexOf(current);
    const target = (() => {
      switch (event.key) {
        case 'ArrowDown':
          return items[Math.min(index + 1, items.length - 1)];
        case 'ArrowUp':
          return items[Math.max(index - 1, 0)];
        case 'Home':
          return items[0];
        case 'End':
          return items[items.length - 1];
        case 'Enter':
        case ' ':
          this.choose(current);
          return current;
        default:
          return undefined;
      }
    })();
    if (!target) return;
    event.preventDefault();
    this.focus(target);
  }

  private focus(item: EventItem): void {
    this.setTabStop(item);
    item.focus();
  }

  private setTabStop(item: EventItem): void {
    for (const other of this.items()) other.tabIndex = other === item ? 0 : -1;
  }
}

function eventItemOf(target: EventTarget | null): EventItem | null {
  return target instanceof Element ? target.closest<EventItem>(EVENT_SELECTOR) : null;
}
