import type { MailCatalogue } from './en';

/** Ilmoitussähköpostit suomeksi. */
export const FI_MAIL: MailCatalogue = {
  greeting: 'Hei {name},',
  documents_one: 'Asiakirja',
  documents_other: 'Asiakirjat',
  respondBy: 'Vastattava viimeistään',
  deadline: 'Määräaika',
  deletion: 'Poistopäivä',
  attached: 'Liitteenä',
  reasonGiven: 'Ilmoitettu syy',
  someRecipient: 'Vastaanottaja',
  messageFrom: 'Viesti lähettäjältä {sender}',
  personalLinkNote:
    'Linkki on henkilökohtainen: kuka tahansa, jolla se on, voi toimia nimissäsi. Älä siksi välitä tätä viestiä eteenpäin.',
  automatedNote: 'Tämä on Signetin automaattisesti lähettämä viesti.',
  progress_one: 'Vaadittu allekirjoitus tai hyväksyntä: {done}/{required} annettu.',
  progress_other: 'Vaaditut allekirjoitukset ja hyväksynnät: {done}/{required} annettu.',

  invitationSubject_sign: '{sender} pyytää allekirjoitustasi: {subject}',
  invitationSubject_approve: '{sender} pyytää hyväksyntääsi: {subject}',
  invitationSubject_review: '{sender} pyytää sinua tutustumaan: {subject}',
  invitationBody_sign: '{sender} ({email}) lähetti sinulle allekirjoitettavaksi ”{subject}”.',
  invitationBody_approve: '{sender} ({email}) lähetti sinulle hyväksyttäväksi ”{subject}”.',
  invitationBody_review: '{sender} ({email}) lähetti sinulle tiedoksi ”{subject}”.',
  actionButton_sign: 'Tarkasta ja allekirjoita',
  actionButton_approve: 'Tarkasta ja hyväksy',
  actionButton_review: 'Avaa asiakirjat',

  reminderSubject_sign: 'Muistutus: ”{subject}” odottaa allekirjoitustasi',
  reminderSubject_approve: 'Muistutus: ”{subject}” odottaa hyväksyntääsi',
  reminderSubject_review: 'Muistutus: tutustu asiakirjoihin ”{subject}”',
  reminderBody_sign: '{sender} ({email}) odottaa yhä allekirjoitustasi: ”{subject}”.',
  reminderBody_approve: '{sender} ({email}) odottaa yhä hyväksyntääsi: ”{subject}”.',
  reminderBody_review: '{sender} ({email}) pyytää yhä sinua tutustumaan asiakirjoihin ”{subject}”.',

  expiryWarningSubject_sign: 'Määräaika lähestyy: allekirjoita ”{subject}”',
  expiryWarningSubject_approve: 'Määräaika lähestyy: hyväksy ”{subject}”',
  expiryWarningSubject_review: 'Määräaika lähestyy: tutustu asiakirjoihin ”{subject}”',
  expiryWarningBody_sign:
    '”{subject}” on allekirjoitettava viimeistään {deadline}. Sen jälkeen allekirjoittaminen ei ole enää mahdollista.',
  expiryWarningBody_approve:
    '”{subject}” on hyväksyttävä viimeistään {deadline}. Sen jälkeen hyväksyminen ei ole enää mahdollista.',
  expiryWarningBody_review: '”{subject}” on avoinna {deadline} asti. Sen jälkeen linkkisi ei enää toimi.',
  expiryWarningSenderSubject: 'Määräaika lähestyy: {subject}',
  expiryWarningSenderBody: 'Allekirjoituspyyntösi ”{subject}” määräaika päättyy {deadline}.',

  completedSubject: 'Valmis: {subject}',
  completedSenderBody: 'Kaikki ovat allekirjoittaneet tai hyväksyneet allekirjoituspyyntösi ”{subject}”.',
  completedRecipientBody: 'Kaikki ovat allekirjoittaneet tai hyväksyneet asiakirjat ”{subject}”, lähettäjänä {sender}.',
  completedAttached:
    'Allekirjoitetut kappaleet ovat liitteenä. Jokaisen lopussa on allekirjoitussivu, josta näkyy, kuka toimi ja milloin.',
  completedStored: 'Allekirjoitetut kappaleet on tallennettu asiakirjakirjastoon alkuperäisten viereen.',
  completedOpenEnvelope: 'Avaa allekirjoituspyyntö ja allekirjoitetut kappaleet',

  declinedSubject: 'Hylätty: {subject}',
  declinedSenderBody:
    '{actor} kieltäytyi allekirjoituspyynnöstäsi ”{subject}”. Pyyntö on suljettu, eikä kukaan muu voi enää toimia sen osalta.',
  declinedRecipientBody: '”{subject}” on hylätty. Allekirjoituspyyntö on suljettu, eikä sinulta tarvita enää mitään.',

  cancelledSubject: 'Peruttu: {subject}',
  cancelledSenderBody: '{actor} perui allekirjoituspyyntösi ”{subject}”.',
  cancelledRecipientBody:
    '{actor} perui allekirjoituspyynnön ”{subject}”. Sinulta ei tarvita enää mitään, eivätkä aiemmat linkit enää toimi.',

  expiredSubject: 'Vanhentunut: {subject}',
  expiredSenderBody: 'Allekirjoituspyyntösi ”{subject}” vanheni {deadline}, ennen kuin kaikki olivat toimineet.',
  expiredRecipientBody:
    'Allekirjoituspyynnön ”{subject}” määräaika päättyi {deadline}. Pyyntö on suljettu, eikä linkkisi enää toimi.',

  retentionWarningSubject: 'Ajastettu poisto: {subject}',
  retentionWarningBody:
    'Allekirjoituspyynnön ”{subject}” asiakirjat poistetaan {deleteAt} kirjaston säilytyskäytännön mukaisesti.',
  retentionWarningBodySoon:
    'Allekirjoituspyynnön ”{subject}” asiakirjat poistetaan pian kirjaston säilytyskäytännön mukaisesti.',
  retentionWarningHold:
    'Jos ne on säilytettävä, aseta allekirjoituspyynnölle oikeudellinen säilytysmääräys ennen sitä.',

  deletedSubject: 'Poistettu: {subject}',
  deletedBody: 'Allekirjoituspyynnön ”{subject}” asiakirjat on poistettu kirjaston säilytyskäytännön mukaisesti.',
};
