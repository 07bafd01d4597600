import { RecipientApiError } from './recipient-api';

// Inside a Teams dialog the bot opens `/sign/<token>?host=teams` in an iframe. Only then is teams-js loaded
// (a dynamic import: its own chunk, never fetched by a standalone page).

export type TeamsHost = {
  /** Teams' UI language (e.g. "fi-fi"), if it told us. */
  locale?: string;
  theme?: string;
  /** Closes the dialog, handing the result to the bot. */
  submit: (result: { action: string }) => void;
};

const TEAMS_TIMEOUT_MS = 5_000;

export function isHostedInTeams(): boolean {
  return new URLSearchParams(window.location.search).get('host') === 'teams' && window.parent !== window;
}

/** Initialises teams-js; undefined when not in Teams or when Teams does not answer. */
export async function connectTeams(): Promise<TeamsHost | undefined> {
  if (!isHostedInTeams()) return undefined;
  try {
    const { app, dialog } = await import('@microsoft/teams-js');
    // A parent that is not Teams never answers: give up after a while and work as a standalone page.
    const context = await Promise.race([
      app.initialize().then(() => app.getContext()),
      new Promise<never>((_resolve, reject) =>
        setTimeout(() => reject(new RecipientApiError('UNKNOWN', 0)), TEAMS_TIMEOUT_MS),
      ),
    ]);
    return {
      locale: context.app.locale,
      theme: context.app.theme,
      submit: (result) => {
        try {
          dialog.url.submit(result);
        } catch {
          // Not opened as a dialog (a tab): nothing to close.
        }
      },
    };
  } catch {
    return undefined;
  }
}
