// The time-axis view: the core lays it out (src/core/timeline/axisDrawing.ts, shared with the HTML export); here it
// becomes DOM, and the event pointed at or focused is shown in the detail line.
import { axisDrawing } from '../../core/timeline/axisDrawing';
import type { TimelineView } from '../../core/timeline/view';
import { fromMarkup } from './dom';

export function axisContent(view: TimelineView): Node[] {
  return axisDrawing(view, true).map((node) => fromMarkup(node));
}

/** Shows the event under the pointer or with the focus in the axis's detail line (its label, as written). */
export function followAxisDetail(container: HTMLElement): void {
  const show = (target: EventTarget | null) => {
    const item = target instanceof Element ? target.closest('.axis-event') : null;
    const detail = container.querySelector('.axis-detail');
    if (item && detail) detail.textContent = item.getAttribute('aria-label');
  };
  container.addEventListener('focusin', (event) => show(event.target));
  container.addEventListener('mouseover', (event) => show(event.target));
}
