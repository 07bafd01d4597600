/**
 * The notification mails in English: the reference catalogue. Its keys are the catalogue's keys; every other
 * language is typed `MailCatalogue`, so a missing or extra key fails the type check.
 *
 * Conventions: `{name}` placeholders are filled by the worker (values are made one line first); keys ending
 * `_one` / `_other` are plural forms chosen with `Intl.PluralRules`; `_sign` / `_approve` / `_review` are
 * the same sentence for each recipient role, because the verb changes the whole sentence in most languages.
 * Text only, no markup: the worker escapes everything on the way into HTML.
 */
export const EN_MAIL = {
  greeting: 'Hello {name},',
  documents_one: 'Document',
  documents_other: 'Documents',
  respondBy: 'Respond by',
  deadline: 'Deadline',
  deletion: 'Deletion date',
  attached: 'Attached',
  reasonGiven: 'Reason given',
  someRecipient: 'A recipient',
  messageFrom: 'Message from {sender}',
  personalLinkNote:
    'This link is personal: anyone who has it can act in your name, so please do not forward this e-mail.',
  automatedNote: 'This e-mail was sent automatically by Signet.',
  progress_one: '{done} of {required} required signature or approval has been given.',
  progress_other: '{done} of {required} required signatures and approvals have been given.',

  invitationSubject_sign: '{sender} asks you to sign: {subject}',
  invitationSubject_approve: '{sender} asks you to approve: {subject}',
  invitationSubject_review: '{sender} asks you to review: {subject}',
  invitationBody_sign: '{sender} ({email}) has sent you “{subject}” to sign.',
  invitationBody_approve: '{sender} ({email}) has sent you “{subject}” to approve.',
  invitationBody_review: '{sender} ({email}) has sent you “{subject}” to review.',
  actionButton_sign: 'Review and sign',
  actionButton_approve: 'Review and approve',
  actionButton_review: 'Open the documents',

  reminderSubject_sign: 'Reminder: “{subject}” is waiting for your signature',
  reminderSubject_approve: 'Reminder: “{subject}” is waiting for your approval',
  reminderSubject_review: 'Reminder: please review “{subject}”',
  reminderBody_sign: '{sender} ({email}) is still waiting for you to sign “{subject}”.',
  reminderBody_approve: '{sender} ({email}) is still waiting for you to approve “{subject}”.',
  reminderBody_review: '{sender} ({email}) is still waiting for you to review “{subject}”.',

  expiryWarningSubject_sign: 'Deadline approaching: please sign “{subject}”',
  expiryWarningSubject_approve: 'Deadline approaching: please approve “{subject}”',
  expiryWarningSubject_review: 'Deadline approaching: please review “{subject}”',
  expiryWarningBody_sign: '“{subject}” must be signed by {deadline}. After that you can no longer sign it.',
  expiryWarningBody_approve: '“{subject}” must be approved by {deadline}. After that you can no longer approve it.',
  expiryWarningBody_review: '“{subject}” is open until {deadline}. After that your link no longer works.',
  expiryWarningSenderSubject: 'Deadline approaching: {subject}',
  expiryWarningSenderBody: 'Your envelope “{subject}” expires on {deadline}.',

  completedSubject: 'Completed: {subject}',
  completedSenderBody: 'Everyone has signed or approved your envelope “{subject}”.',
  completedRecipientBody: 'Everyone has signed or approved “{subject}”, sent by {sender}.',
  completedAttached: 'The signed copies are attached. Each ends with a signature page listing who acted and when.',
  completedStored: 'The signed copies are stored beside the originals in the document library.',
  completedOpenEnvelope: 'Open the envelope and the signed copies',

  declinedSubject: 'Declined: {subject}',
  declinedSenderBody: '{actor} declined your envelope “{subject}”. It is closed; nobody else can act on it.',
  declinedRecipientBody: '“{subject}” was declined. The envelope is closed and nothing more is needed from you.',

  cancelledSubject: 'Cancelled: {subject}',
  cancelledSenderBody: 'Your envelope “{subject}” was cancelled by {actor}.',
  cancelledRecipientBody:
    '{actor} cancelled “{subject}”. Nothing more is needed from you; earlier links no longer work.',

  expiredSubject: 'Expired: {subject}',
  expiredSenderBody: 'Your envelope “{subject}” expired on {deadline} before everyone had acted.',
  expiredRecipientBody:
    'The deadline for “{subject}” passed on {deadline}. The envelope is closed and your link no longer works.',

  retentionWarningSubject: 'Scheduled deletion: {subject}',
  retentionWarningBody:
    'The documents of “{subject}” will be deleted on {deleteAt} under the library’s retention policy.',
  retentionWarningBodySoon: 'The documents of “{subject}” will soon be deleted under the library’s retention policy.',
  retentionWarningHold: 'To keep them, set a legal hold on the envelope before then.',

  deletedSubject: 'Deleted: {subject}',
  deletedBody: 'The documents of “{subject}” were deleted under the library’s retention policy.',
} as const;

/** The keys of the notification catalogue. */
export type MailMessageKey = keyof typeof EN_MAIL;
/** One language's notification texts: exactly the English keys. */
export type MailCatalogue = Record<MailMessageKey, string>;
