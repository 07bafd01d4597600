import type { RecipientApi, RecipientView } from '../common/recipient-api';
import type { TeamsHost } from '../common/teams-host';
import type { Translator } from './i18n';

/** What every state's renderer needs: the API, the texts, the mount point, and how to move on. */
export type PageContext = {
  token: string;
  api: RecipientApi;
  i18n: Translator;
  root: HTMLElement;
  /** Set only inside a Teams dialog. */
  teams: TeamsHost | undefined;
  /** The pdf.js worker's URL (from the HTML shell). */
  pdfWorkerUrl: string;
  /** Reloads the view from the API and renders whatever state it is in. */
  reload: () => Promise<void>;
  /** Shows the confirmation after an action. */
  done: (kind: DoneKind, view: RecipientView | undefined, detail?: string) => void;
  /** Switches the page's language and renders again. */
  setLocale: (locale: string) => void;
  /** Stores a fresh recipient session (after an e-mail code). */
  setSession: (session: string) => void;
};

export type DoneKind = 'signed' | 'approved' | 'declined' | 'delegated';
