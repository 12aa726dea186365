export interface Palette {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly blue: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly underline: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain = (text: string) => text;

/** Colour only on a terminal, and never when NO_COLOR is set to anything but the empty string (no-color.org). */
export function paletteFor(isTty: boolean, env: NodeJS.ProcessEnv): Palette {
  if (!isTty || (env.NO_COLOR ?? '') !== '') return { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, underline: plain };
  return { red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
}

/** Text from a report, safe to print on a terminal: control characters (escape sequences included) become U+FFFD. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD').replace(/[\t\n]/g, ' ');
}
