import { AppError, AppErrorCode } from '../errors/app-error';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/;

/** Parses `90s`, `15m`, `3h`, `14d`, `2w` into milliseconds. Rejects zero, negatives and other units. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  const unit = match?.[2];
  const amount = match ? Number(match[1]) : NaN;
  if (!unit || !Number.isFinite(amount) || amount <= 0) {
    throw new AppError(AppErrorCode.INVALID_DURATION, {
      message: `"${text}" is not a duration; use a number followed by ms, s, m, h, d or w (for example 14d)`,
    });
  }
  return Math.round(amount * (UNIT_MS[unit] ?? 0));
}

/** Formats milliseconds as the largest whole unit: 1209600000 → `14d`. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    const size = UNIT_MS[unit] ?? 1;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
