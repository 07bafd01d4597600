import type { TListEnvelopesQuery } from '@signet/shared';
import { AppError, AppErrorCode, normaliseEmail } from '@signet/shared';
import { openPageToken, signPageToken } from '../temporal/page-token';

type Sort = TListEnvelopesQuery['sort'];

/** Where the previous page ended: the last row's sort value and id. */
export type ListCursor = { sort: Sort; value: string; id: string };

const ORDER: Record<Sort, { column: string; direction: 'ASC' | 'DESC' }> = {
  'updated-desc': { column: 'updated_at', direction: 'DESC' },
  'created-desc': { column: 'created_at', direction: 'DESC' },
  'expires-asc': { column: 'expires_at', direction: 'ASC' },
};

/** No deadline is before 1970, and PostgreSQL refuses year 0: earlier instants become the epoch (same rows). */
const EARLIEST = Date.parse('1970-01-01T00:00:00.000Z');

function instantFrom(iso: string): string {
  return new Date(Math.max(Date.parse(iso), EARLIEST)).toISOString();
}

/** `\`, `%` and `_` taken literally in a LIKE pattern (with `ESCAPE '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The sort column of `sort` (its value goes into the next page's cursor). */
export function sortColumnOf(sort: Sort): string {
  return ORDER[sort].column;
}

/**
 * The list query over `envelope_read_model`. Every caller value is a parameter; the SQL text is built from
 * constants only. `now` is for the time-dependent views (the deadline warning window).
 */
export function buildEnvelopeListSql(
  query: TListEnvelopesQuery,
  now: number,
  cursor: ListCursor | undefined,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [new Date(now).toISOString()];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (query.status) where.push(`status = ${param(query.status)}`);
  if (query.senderEmail) where.push(`sender_email = ${param(normaliseEmail(query.senderEmail))}`);
  if (query.expiringBefore) where.push(`expires_at < ${param(instantFrom(query.expiringBefore))}::timestamptz`);
  if (query.q) where.push(`search_text LIKE ${param(`%${escapeLike(query.q.toLowerCase())}%`)} ESCAPE '\\'`);
  if (query.view === 'expiring-soon') where.push(`status = 'PENDING' AND warning_at <= $1 AND expires_at > $1`);
  if (query.view === 'needs-attention') where.push(`${NEEDS_ATTENTION}`);
  const { column, direction } = ORDER[query.sort];
  if (cursor) {
    const op = direction === 'DESC' ? '<' : '>';
    where.push(`(${column}, envelope_id) ${op} (${param(cursor.value)}::timestamptz, ${param(cursor.id)})`);
  }
  const sql = `SELECT ${SUMMARY_COLUMNS}, ${NEEDS_ATTENTION} AS needs_attention FROM envelope_read_model
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${column} ${direction}, envelope_id ${direction}
    LIMIT ${param(query.pageSize + 1)}`;
  return { sql, params };
}

/** What a summary shows (not the search text, which can be long). */
const SUMMARY_COLUMNS = `envelope_id, sender_email, sender_name, subject, status, created_at, updated_at, ended_at,
  expires_at, next_reminder_at, acted_count, required_count, recipients, document_names, signed_copy`;

/** Declined, expired, a failed webhook delivery, or pending inside the deadline warning window ($1 = now). */
const NEEDS_ATTENTION = `(status IN ('DECLINED', 'EXPIRED') OR delivery_failed OR (status = 'PENDING' AND warning_at <= $1))`;

/** The cursor as an opaque token, HMAC-signed like the visibility tokens (a forged one is 400 at once). */
export function signListCursor(secret: string, cursor: ListCursor): string {
  return signPageToken(secret, Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id]), 'utf8'));
}

/** The cursor of `token`; VALIDATION_FAILED when forged, or made for another sort order. */
export function openListCursor(secret: string, token: string, sort: Sort): ListCursor {
  const raw = openPageToken(secret, token);
  const parsed: unknown = JSON.parse(raw.toString('utf8'));
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string'
  ) {
    throw new AppError(AppErrorCode.VALIDATION_FAILED, { message: 'nextPageToken does not belong to this sort order' });
  }
  return { sort, value: parsed[1], id: parsed[2] };
}
