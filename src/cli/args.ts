import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` in strict mode, its errors turned into one-line usage errors that name the command. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(command, error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

export function usageError(command: string, message: string): CliError {
  return new CliError(`incident-report ${command}: ${message} (see "incident-report ${command} --help")`);
}

/** Whether the arguments ask for help (before a `--` that ends the options). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

export function oneOf<T extends string>(command: string, option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(command, `--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
}

export function nonNegativeInteger(command: string, option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw usageError(command, `--${option} takes a whole number, not "${value}"`);
  return Number(value);
}

/** The single file argument of `export` and `timeline`. */
export function singleFile(command: string, positionals: readonly string[]): string {
  if (positionals.length !== 1) throw usageError(command, positionals.length === 0 ? 'give the report file' : 'give one report file');
  return positionals[0];
}
