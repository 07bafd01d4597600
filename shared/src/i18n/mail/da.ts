import type { MailCatalogue } from './en';

/** Notifikationsmails på dansk. */
export const DA_MAIL: MailCatalogue = {
  greeting: 'Hej {name},',
  documents_one: 'Dokument',
  documents_other: 'Dokumenter',
  respondBy: 'Svar senest',
  deadline: 'Frist',
  deletion: 'Sletningsdato',
  attached: 'Vedhæftet',
  reasonGiven: 'Angivet begrundelse',
  someRecipient: 'En modtager',
  messageFrom: 'Besked fra {sender}',
  personalLinkNote:
    'Linket er personligt: Alle, der har det, kan handle på dine vegne, så videresend venligst ikke denne e-mail.',
  automatedNote: 'Denne e-mail blev sendt automatisk af Signet.',
  progress_one: '{done} af {required} påkrævet underskrift eller godkendelse er givet.',
  progress_other: '{done} af {required} påkrævede underskrifter og godkendelser er givet.',

  invitationSubject_sign: '{sender} beder dig underskrive: {subject}',
  invitationSubject_approve: '{sender} beder dig godkende: {subject}',
  invitationSubject_review: '{sender} beder dig gennemse: {subject}',
  invitationBody_sign: '{sender} ({email}) har sendt dig »{subject}« til underskrift.',
  invitationBody_approve: '{sender} ({email}) har sendt dig »{subject}« til godkendelse.',
  invitationBody_review: '{sender} ({email}) har sendt dig »{subject}« til gennemsyn.',
  actionButton_sign: 'Gennemse og underskriv',
  actionButton_approve: 'Gennemse og godkend',
  actionButton_review: 'Åbn dokumenterne',

  reminderSubject_sign: 'Påmindelse: »{subject}« venter på din underskrift',
  reminderSubject_approve: 'Påmindelse: »{subject}« venter på din godkendelse',
  reminderSubject_review: 'Påmindelse: gennemse »{subject}«',
  reminderBody_sign: '{sender} ({email}) venter stadig på, at du underskriver »{subject}«.',
  reminderBody_approve: '{sender} ({email}) venter stadig på, at du godkender »{subject}«.',
  reminderBody_review: '{sender} ({email}) venter stadig på, at du gennemser »{subject}«.',

  expiryWarningSubject_sign: 'Fristen nærmer sig: underskriv »{subject}«',
  expiryWarningSubject_approve: 'Fristen nærmer sig: godkend »{subject}«',
  expiryWarningSubject_review: 'Fristen nærmer sig: gennemse »{subject}«',
  expiryWarningBody_sign: '»{subject}« skal underskrives senest {deadline}. Derefter kan du ikke længere underskrive.',
  expiryWarningBody_approve: '»{subject}« skal godkendes senest {deadline}. Derefter kan du ikke længere godkende.',
  expiryWarningBody_review: '»{subject}« er åben indtil {deadline}. Derefter virker dit link ikke længere.',
  expiryWarningSenderSubject: 'Fristen nærmer sig: {subject}',
  expiryWarningSenderBody: 'Din forsendelse »{subject}« udløber den {deadline}.',

  completedSubject: 'Fuldført: {subject}',
  completedSenderBody: 'Alle har underskrevet eller godkendt din forsendelse »{subject}«.',
  completedRecipientBody: 'Alle har underskrevet eller godkendt »{subject}«, sendt af {sender}.',
  completedAttached:
    'De underskrevne eksemplarer er vedhæftet. Hvert af dem slutter med en underskriftsside, der viser, hvem der handlede og hvornår.',
  completedStored: 'De underskrevne eksemplarer er gemt ved siden af originalerne i dokumentbiblioteket.',
  completedOpenEnvelope: 'Åbn forsendelsen og de underskrevne eksemplarer',

  declinedSubject: 'Afvist: {subject}',
  declinedSenderBody:
    '{actor} har afvist din forsendelse »{subject}«. Den er lukket, og ingen andre kan længere handle på den.',
  declinedRecipientBody: '»{subject}« er blevet afvist. Forsendelsen er lukket, og der kræves ikke mere af dig.',

  cancelledSubject: 'Annulleret: {subject}',
  cancelledSenderBody: 'Din forsendelse »{subject}« blev annulleret af {actor}.',
  cancelledRecipientBody:
    '{actor} har annulleret »{subject}«. Der kræves ikke mere af dig, og tidligere links virker ikke længere.',

  expiredSubject: 'Udløbet: {subject}',
  expiredSenderBody: 'Din forsendelse »{subject}« udløb den {deadline}, før alle havde handlet.',
  expiredRecipientBody:
    'Fristen for »{subject}« udløb den {deadline}. Forsendelsen er lukket, og dit link virker ikke længere.',

  retentionWarningSubject: 'Planlagt sletning: {subject}',
  retentionWarningBody:
    'Dokumenterne i »{subject}« slettes den {deleteAt} i henhold til bibliotekets opbevaringspolitik.',
  retentionWarningBodySoon: 'Dokumenterne i »{subject}« slettes snart i henhold til bibliotekets opbevaringspolitik.',
  retentionWarningHold: 'Hvis de skal bevares, skal du sætte et juridisk tilbagehold på forsendelsen inden da.',

  deletedSubject: 'Slettet: {subject}',
  deletedBody: 'Dokumenterne i »{subject}« er slettet i henhold til bibliotekets opbevaringspolitik.',
};
