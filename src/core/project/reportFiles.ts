import { slugify } from '../text/words';
import { isoDate } from '../parse/zones';

/** `<YYYY-MM-DD>-<slug>.md` for a report created at `createdAt`, dated by the local calendar of whoever creates it. */
export function reportFileName(title: string, createdAt: Date): string {
  const day = isoDate({ year: createdAt.getFullYear(), month: createdAt.getMonth() + 1, day: createdAt.getDate() });
  return `${day}-${slugify(title)}.md`;
}

/** The first of `name`, `name-2`, `name-3`, … that does not exist yet, so a new report never replaces a file. */
export async function firstFreeName(name: string, exists: (candidate: string) => Promise<boolean>): Promise<string> {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}${extension}`;
    if (!(await exists(candidate))) return candidate;
  }
}
