import type { MailCatalogue } from './en';

/** Aviseringsmejlen på svenska. */
export const SV_MAIL: MailCatalogue = {
  greeting: 'Hej {name},',
  documents_one: 'Dokument',
  documents_other: 'Dokument',
  respondBy: 'Svara senast',
  deadline: 'Tidsfrist',
  deletion: 'Raderingsdatum',
  attached: 'Bifogat',
  reasonGiven: 'Angiven anledning',
  someRecipient: 'En mottagare',
  messageFrom: 'Meddelande från {sender}',
  personalLinkNote:
    'Länken är personlig: den som har den kan agera i ditt namn, så vidarebefordra inte det här mejlet.',
  automatedNote: 'Det här mejlet skickades automatiskt av Signet.',
  progress_one: '{done} av {required} nödvändig underskrift eller godkännande har lämnats.',
  progress_other: '{done} av {required} nödvändiga underskrifter och godkännanden har lämnats.',

  invitationSubject_sign: '{sender} ber dig skriva under: {subject}',
  invitationSubject_approve: '{sender} ber dig godkänna: {subject}',
  invitationSubject_review: '{sender} ber dig granska: {subject}',
  invitationBody_sign: '{sender} ({email}) har skickat ”{subject}” till dig för underskrift.',
  invitationBody_approve: '{sender} ({email}) har skickat ”{subject}” till dig för godkännande.',
  invitationBody_review: '{sender} ({email}) har skickat ”{subject}” till dig för granskning.',
  actionButton_sign: 'Granska och skriv under',
  actionButton_approve: 'Granska och godkänn',
  actionButton_review: 'Öppna dokumenten',

  reminderSubject_sign: 'Påminnelse: ”{subject}” väntar på din underskrift',
  reminderSubject_approve: 'Påminnelse: ”{subject}” väntar på ditt godkännande',
  reminderSubject_review: 'Påminnelse: granska ”{subject}”',
  reminderBody_sign: '{sender} ({email}) väntar fortfarande på att du skriver under ”{subject}”.',
  reminderBody_approve: '{sender} ({email}) väntar fortfarande på att du godkänner ”{subject}”.',
  reminderBody_review: '{sender} ({email}) väntar fortfarande på att du granskar ”{subject}”.',

  expiryWarningSubject_sign: 'Tidsfristen närmar sig: skriv under ”{subject}”',
  expiryWarningSubject_approve: 'Tidsfristen närmar sig: godkänn ”{subject}”',
  expiryWarningSubject_review: 'Tidsfristen närmar sig: granska ”{subject}”',
  expiryWarningBody_sign:
    '”{subject}” måste skrivas under senast {deadline}. Därefter kan du inte längre skriva under.',
  expiryWarningBody_approve: '”{subject}” måste godkännas senast {deadline}. Därefter kan du inte längre godkänna.',
  expiryWarningBody_review: '”{subject}” är öppet till och med {deadline}. Därefter fungerar din länk inte längre.',
  expiryWarningSenderSubject: 'Tidsfristen närmar sig: {subject}',
  expiryWarningSenderBody: 'Ditt utskick ”{subject}” löper ut den {deadline}.',

  completedSubject: 'Klart: {subject}',
  completedSenderBody: 'Alla har skrivit under eller godkänt ditt utskick ”{subject}”.',
  completedRecipientBody: 'Alla har skrivit under eller godkänt ”{subject}”, skickat av {sender}.',
  completedAttached:
    'De undertecknade exemplaren bifogas. Vart och ett avslutas med en underskriftssida som visar vem som agerade och när.',
  completedStored: 'De undertecknade exemplaren har sparats bredvid originalen i dokumentbiblioteket.',
  completedOpenEnvelope: 'Öppna utskicket och de undertecknade exemplaren',

  declinedSubject: 'Avböjt: {subject}',
  declinedSenderBody:
    '{actor} har avböjt ditt utskick ”{subject}”. Det är stängt och ingen annan kan längre agera på det.',
  declinedRecipientBody: '”{subject}” har avböjts. Utskicket är stängt och inget mer behövs från dig.',

  cancelledSubject: 'Avbrutet: {subject}',
  cancelledSenderBody: 'Ditt utskick ”{subject}” avbröts av {actor}.',
  cancelledRecipientBody:
    '{actor} har avbrutit ”{subject}”. Inget mer behövs från dig, och tidigare länkar fungerar inte längre.',

  expiredSubject: 'Utgånget: {subject}',
  expiredSenderBody: 'Ditt utskick ”{subject}” gick ut den {deadline} innan alla hade agerat.',
  expiredRecipientBody:
    'Tidsfristen för ”{subject}” gick ut den {deadline}. Utskicket är stängt och din länk fungerar inte längre.',

  retentionWarningSubject: 'Planerad radering: {subject}',
  retentionWarningBody: 'Dokumenten i ”{subject}” raderas den {deleteAt} enligt bibliotekets gallringsregler.',
  retentionWarningBodySoon: 'Dokumenten i ”{subject}” raderas snart enligt bibliotekets gallringsregler.',
  retentionWarningHold: 'Om de ska bevaras måste du belägga utskicket med bevarandekrav före dess.',

  deletedSubject: 'Raderat: {subject}',
  deletedBody: 'Dokumenten i ”{subject}” har raderats enligt bibliotekets gallringsregler.',
};
