import type { TEnvelopeList } from '@signet/shared';
import { formatTime, renderTable } from './text';

/** `signet list` for humans: one row per envelope and how to get the next page. Times are UTC. */
export function formatEnvelopeList(list: TEnvelopeList): string {
  if (list.items.length === 0) return 'No envelopes.';
  const rows = list.items.map((item) => [
    item.envelopeId,
    item.status,
    `${item.progress.done}/${item.progress.required}`,
    formatTime(item.expiresAt),
    formatTime(item.nextReminderAt),
    formatTime(item.startedAt),
  ]);
  const table = renderTable(['ENVELOPE', 'STATUS', 'DONE', 'EXPIRES', 'NEXT REMINDER', 'STARTED'], rows);
  return list.nextPageToken ? `${table}\n\nMore: signet list --page-token ${list.nextPageToken}` : table;
}
