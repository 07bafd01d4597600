import type { TTemplate } from '@signet/shared';
import { AppError, AppErrorCode, normaliseEmail, ZIdSchema, ZTemplateSettingsSchema } from '@signet/shared';
import type { Caller } from '../auth/caller';
import { isAdmin } from '../auth/caller';
import type { ApiContext } from '../context';
import type { Database, Queryable } from '../db/database';

/** What the template use cases need. */
export type TemplateDeps = {
  db: Database;
  /** Epoch milliseconds. */
  now: () => number;
  newId: () => string;
};

export type TemplateRow = {
  id: string;
  owner: string;
  name: string;
  description: string | null;
  settings: unknown;
  created_at: Date;
  updated_at: Date;
};

export const TEMPLATE_COLUMNS = 'id, owner, name, description, settings, created_at, updated_at';

/** The owner key of what a caller saves: the lower-cased e-mail (or `operator`). */
export function ownerOf(caller: Caller): string {
  return normaliseEmail(caller.subject);
}

/** A row as the API answers it. Settings are parsed again: a row is only trusted as far as its schema. */
export function toTemplate(row: TemplateRow): TTemplate {
  const settings = typeof row.settings === 'string' ? (JSON.parse(row.settings) as unknown) : row.settings;
  return {
    id: row.id,
    owner: row.owner,
    name: row.name,
    description: row.description,
    settings: ZTemplateSettingsSchema.parse(settings),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * The template `id` if the caller may see it: its owner or an admin. Anyone else gets TEMPLATE_NOT_FOUND,
 * exactly as for an id that does not exist, so ids of other senders' templates cannot be probed.
 */
export async function findVisibleTemplate(db: Queryable, caller: Caller, id: string): Promise<TemplateRow> {
  if (!ZIdSchema.safeParse(id).success) throw new AppError(AppErrorCode.TEMPLATE_NOT_FOUND);
  const [row] = await db.query<TemplateRow>(`SELECT ${TEMPLATE_COLUMNS} FROM templates WHERE id = $1`, [id]);
  if (!row || (!isAdmin(caller) && row.owner !== ownerOf(caller))) {
    throw new AppError(AppErrorCode.TEMPLATE_NOT_FOUND, { message: `no template ${id}` });
  }
  return row;
}

/** TEMPLATE_NAME_TAKEN for a unique violation of (owner, name); anything else unchanged. */
export function nameTakenOr(error: unknown, name: string, isUniqueViolation: (e: unknown) => boolean): unknown {
  if (!isUniqueViolation(error)) return error;
  return new AppError(AppErrorCode.TEMPLATE_NAME_TAKEN, {
    message: `a template named "${name}" already exists`,
    details: { field: 'name' },
  });
}

/** Template use cases need the database; without one the routes answer DATABASE_UNAVAILABLE. */
export function templateDepsOf(ctx: Pick<ApiContext, 'database' | 'now' | 'newId'>): TemplateDeps {
  if (!ctx.database) {
    throw new AppError(AppErrorCode.DATABASE_UNAVAILABLE, { message: 'this API was started without a database' });
  }
  return { db: ctx.database, now: ctx.now, newId: ctx.newId };
}
