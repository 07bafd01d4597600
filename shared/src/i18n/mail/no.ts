import type { MailCatalogue } from './en';

/** Varslings-e-postene på norsk (bokmål). */
export const NO_MAIL: MailCatalogue = {
  greeting: 'Hei {name},',
  documents_one: 'Dokument',
  documents_other: 'Dokumenter',
  respondBy: 'Svar innen',
  deadline: 'Frist',
  deletion: 'Slettedato',
  attached: 'Vedlagt',
  reasonGiven: 'Oppgitt begrunnelse',
  someRecipient: 'En mottaker',
  messageFrom: 'Melding fra {sender}',
  personalLinkNote: 'Lenken er personlig: Alle som har den, kan handle på dine vegne. Ikke videresend denne e-posten.',
  automatedNote: 'Denne e-posten ble sendt automatisk av Signet.',
  progress_one: '{done} av {required} påkrevd signatur eller godkjenning er gitt.',
  progress_other: '{done} av {required} påkrevde signaturer og godkjenninger er gitt.',

  invitationSubject_sign: '{sender} ber deg signere: {subject}',
  invitationSubject_approve: '{sender} ber deg godkjenne: {subject}',
  invitationSubject_review: '{sender} ber deg gå gjennom: {subject}',
  invitationBody_sign: '{sender} ({email}) har sendt deg «{subject}» til signering.',
  invitationBody_approve: '{sender} ({email}) har sendt deg «{subject}» til godkjenning.',
  invitationBody_review: '{sender} ({email}) har sendt deg «{subject}» til gjennomsyn.',
  actionButton_sign: 'Se gjennom og signer',
  actionButton_approve: 'Se gjennom og godkjenn',
  actionButton_review: 'Åpne dokumentene',

  reminderSubject_sign: 'Påminnelse: «{subject}» venter på signaturen din',
  reminderSubject_approve: 'Påminnelse: «{subject}» venter på godkjenningen din',
  reminderSubject_review: 'Påminnelse: gå gjennom «{subject}»',
  reminderBody_sign: '{sender} ({email}) venter fortsatt på at du signerer «{subject}».',
  reminderBody_approve: '{sender} ({email}) venter fortsatt på at du godkjenner «{subject}».',
  reminderBody_review: '{sender} ({email}) venter fortsatt på at du går gjennom «{subject}».',

  expiryWarningSubject_sign: 'Fristen nærmer seg: signer «{subject}»',
  expiryWarningSubject_approve: 'Fristen nærmer seg: godkjenn «{subject}»',
  expiryWarningSubject_review: 'Fristen nærmer seg: gå gjennom «{subject}»',
  expiryWarningBody_sign: '«{subject}» må signeres innen {deadline}. Etter det kan du ikke lenger signere.',
  expiryWarningBody_approve: '«{subject}» må godkjennes innen {deadline}. Etter det kan du ikke lenger godkjenne.',
  expiryWarningBody_review: '«{subject}» er åpen til {deadline}. Etter det virker ikke lenken din lenger.',
  expiryWarningSenderSubject: 'Fristen nærmer seg: {subject}',
  expiryWarningSenderBody: 'Forsendelsen din «{subject}» utløper {deadline}.',

  completedSubject: 'Fullført: {subject}',
  completedSenderBody: 'Alle har signert eller godkjent forsendelsen din «{subject}».',
  completedRecipientBody: 'Alle har signert eller godkjent «{subject}», sendt av {sender}.',
  completedAttached:
    'De signerte eksemplarene er vedlagt. Hvert av dem avsluttes med en signaturside som viser hvem som handlet og når.',
  completedStored: 'De signerte eksemplarene er lagret ved siden av originalene i dokumentbiblioteket.',
  completedOpenEnvelope: 'Åpne forsendelsen og de signerte eksemplarene',

  declinedSubject: 'Avslått: {subject}',
  declinedSenderBody:
    '{actor} har avslått forsendelsen din «{subject}». Den er lukket, og ingen andre kan handle på den.',
  declinedRecipientBody: '«{subject}» er avslått. Forsendelsen er lukket, og du trenger ikke gjøre noe mer.',

  cancelledSubject: 'Avbrutt: {subject}',
  cancelledSenderBody: 'Forsendelsen din «{subject}» ble avbrutt av {actor}.',
  cancelledRecipientBody:
    '{actor} har avbrutt «{subject}». Du trenger ikke gjøre noe mer, og tidligere lenker virker ikke lenger.',

  expiredSubject: 'Utløpt: {subject}',
  expiredSenderBody: 'Forsendelsen din «{subject}» utløp {deadline} før alle hadde handlet.',
  expiredRecipientBody:
    'Fristen for «{subject}» gikk ut {deadline}. Forsendelsen er lukket, og lenken din virker ikke lenger.',

  retentionWarningSubject: 'Planlagt sletting: {subject}',
  retentionWarningBody: 'Dokumentene i «{subject}» slettes {deleteAt} i henhold til bibliotekets oppbevaringsregler.',
  retentionWarningBodySoon: 'Dokumentene i «{subject}» slettes snart i henhold til bibliotekets oppbevaringsregler.',
  retentionWarningHold: 'Skal de beholdes, må du sette et juridisk hold på forsendelsen før den tid.',

  deletedSubject: 'Slettet: {subject}',
  deletedBody: 'Dokumentene i «{subject}» er slettet i henhold til bibliotekets oppbevaringsregler.',
};
