import type { MailCatalogue } from './en';

/** De meldingsmails in het Nederlands. */
export const NL_MAIL: MailCatalogue = {
  greeting: 'Beste {name},',
  documents_one: 'Document',
  documents_other: 'Documenten',
  respondBy: 'Reageren vóór',
  deadline: 'Uiterste datum',
  deletion: 'Verwijderdatum',
  attached: 'Bijgevoegd',
  reasonGiven: 'Opgegeven reden',
  someRecipient: 'Een ontvanger',
  messageFrom: 'Bericht van {sender}',
  personalLinkNote:
    'Deze link is persoonlijk: iedereen die hem heeft, kan namens u handelen. Stuur deze e-mail daarom niet door.',
  automatedNote: 'Deze e-mail is automatisch verzonden door Signet.',
  progress_one: '{done} van {required} vereiste ondertekening of goedkeuring is gegeven.',
  progress_other: '{done} van {required} vereiste ondertekeningen en goedkeuringen zijn gegeven.',

  invitationSubject_sign: '{sender} vraagt u te ondertekenen: {subject}',
  invitationSubject_approve: '{sender} vraagt u goed te keuren: {subject}',
  invitationSubject_review: '{sender} vraagt u te bekijken: {subject}',
  invitationBody_sign: '{sender} ({email}) heeft u ‘{subject}’ ter ondertekening gestuurd.',
  invitationBody_approve: '{sender} ({email}) heeft u ‘{subject}’ ter goedkeuring gestuurd.',
  invitationBody_review: '{sender} ({email}) heeft u ‘{subject}’ ter inzage gestuurd.',
  actionButton_sign: 'Bekijken en ondertekenen',
  actionButton_approve: 'Bekijken en goedkeuren',
  actionButton_review: 'Documenten openen',

  reminderSubject_sign: 'Herinnering: ‘{subject}’ wacht op uw ondertekening',
  reminderSubject_approve: 'Herinnering: ‘{subject}’ wacht op uw goedkeuring',
  reminderSubject_review: 'Herinnering: bekijk ‘{subject}’',
  reminderBody_sign: '{sender} ({email}) wacht nog op uw ondertekening van ‘{subject}’.',
  reminderBody_approve: '{sender} ({email}) wacht nog op uw goedkeuring van ‘{subject}’.',
  reminderBody_review: '{sender} ({email}) vraagt u nogmaals ‘{subject}’ te bekijken.',

  expiryWarningSubject_sign: 'Termijn verloopt binnenkort: onderteken ‘{subject}’',
  expiryWarningSubject_approve: 'Termijn verloopt binnenkort: keur ‘{subject}’ goed',
  expiryWarningSubject_review: 'Termijn verloopt binnenkort: bekijk ‘{subject}’',
  expiryWarningBody_sign:
    '‘{subject}’ moet uiterlijk {deadline} zijn ondertekend. Daarna kunt u niet meer ondertekenen.',
  expiryWarningBody_approve:
    '‘{subject}’ moet uiterlijk {deadline} zijn goedgekeurd. Daarna kunt u niet meer goedkeuren.',
  expiryWarningBody_review: '‘{subject}’ is beschikbaar tot {deadline}. Daarna werkt uw link niet meer.',
  expiryWarningSenderSubject: 'Termijn verloopt binnenkort: {subject}',
  expiryWarningSenderBody: 'Uw envelop ‘{subject}’ verloopt op {deadline}.',

  completedSubject: 'Voltooid: {subject}',
  completedSenderBody: 'Iedereen heeft uw envelop ‘{subject}’ ondertekend of goedgekeurd.',
  completedRecipientBody: 'Iedereen heeft ‘{subject}’ ondertekend of goedgekeurd, verstuurd door {sender}.',
  completedAttached:
    'De ondertekende exemplaren zijn bijgevoegd. Elk exemplaar eindigt met een handtekeningpagina waarop staat wie wanneer heeft gehandeld.',
  completedStored: 'De ondertekende exemplaren zijn naast de originelen in de documentbibliotheek opgeslagen.',
  completedOpenEnvelope: 'Envelop en ondertekende exemplaren openen',

  declinedSubject: 'Geweigerd: {subject}',
  declinedSenderBody:
    '{actor} heeft uw envelop ‘{subject}’ geweigerd. De envelop is gesloten; niemand anders kan er nog iets mee doen.',
  declinedRecipientBody: '‘{subject}’ is geweigerd. De envelop is gesloten en er is niets meer van u nodig.',

  cancelledSubject: 'Geannuleerd: {subject}',
  cancelledSenderBody: 'Uw envelop ‘{subject}’ is geannuleerd door {actor}.',
  cancelledRecipientBody:
    '{actor} heeft ‘{subject}’ geannuleerd. Er is niets meer van u nodig en eerdere links werken niet meer.',

  expiredSubject: 'Verlopen: {subject}',
  expiredSenderBody: 'Uw envelop ‘{subject}’ is op {deadline} verlopen voordat iedereen had gehandeld.',
  expiredRecipientBody:
    'De termijn voor ‘{subject}’ is op {deadline} verstreken. De envelop is gesloten en uw link werkt niet meer.',

  retentionWarningSubject: 'Geplande verwijdering: {subject}',
  retentionWarningBody:
    'De documenten van ‘{subject}’ worden op {deleteAt} verwijderd volgens het bewaarbeleid van de bibliotheek.',
  retentionWarningBodySoon:
    'De documenten van ‘{subject}’ worden binnenkort verwijderd volgens het bewaarbeleid van de bibliotheek.',
  retentionWarningHold: 'Wilt u ze bewaren, plaats de envelop dan vóór die tijd onder juridische bewaring.',

  deletedSubject: 'Verwijderd: {subject}',
  deletedBody: 'De documenten van ‘{subject}’ zijn verwijderd volgens het bewaarbeleid van de bibliotheek.',
};
