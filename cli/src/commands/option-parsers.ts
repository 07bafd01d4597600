import { InvalidArgumentError } from 'commander';

/** Commander accumulator for repeatable options (`--to a --to b`); undefined until first given. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Parses a whole number ≥ 0; anything else is a usage error (exit code 2). */
export function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number (0 or more)');
  return Number(value);
}
