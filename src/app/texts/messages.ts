import type { MessageParams } from '../../core/errors';
import { fill, type Language, sentenceValue } from '../../shared/language';

/**
 * All user-facing text of the server, Dutch first, English for users whose locale is English.
 * Placeholders are `{name}`. It lives with the use cases (app), the lowest layer that speaks to
 * users: core only names message keys (`core/errors.ts`), the sidebar and page carry their own
 * texts, so this catalogue goes into Code.js alone (most of it into project files, see
 * `readTextsWith` below).
 */

const nl = {
  'app.name': 'Wegwijs',
  'menu.openSidebar': 'Zijbalk openen',
  'menu.setup': 'Blad inrichten',
  'menu.automationOn': 'Automatisch versturen aan',
  'menu.automationOff': 'Automatisch versturen uit',
  'menu.about': 'Over Wegwijs',
  'error.unexpected':
    'Er ging iets mis in Wegwijs (code {code}). Probeer het opnieuw; blijft het misgaan, meld dan deze code.',
  'error.busy': 'Het blad is even bezet door een andere actie. Probeer het over een paar seconden opnieuw.',
  'error.noUser':
    'Wegwijs kan niet zien wie je bent. Log in met je schoolaccount en open de zijbalk opnieuw.',
  'error.unknownUser':
    'Je staat niet in Wegwijs als schoolleider of chef buddy. Vraag de schoolleider om toegang.',
  'error.leaderOnly': 'Dit mag alleen de schoolleider.',
  'error.managersOnly': 'Dit mag alleen de schoolleider of een chef buddy.',
  'error.otherLocation': 'Je bent geen chef buddy van locatie {location}.',
  'error.plain': '{message}',
  'permission.missing':
    'Wegwijs heeft jouw toestemming "{permission}" ({scope}) niet, dus dit kan niet. Open Wegwijs opnieuw via het menu Extensies; Google vraagt dan om toestemming: vink "{permission}" aan. Heb je die vraag niet meer, trek dan de toegang van Wegwijs in via myaccount.google.com/permissions en open Wegwijs opnieuw.',
  'permission.identity': 'Je primaire e-mailadres voor je Google-account bekijken',
  'permission.sheet': 'Spreadsheets bekijken en beheren waarin deze app is geïnstalleerd',
  'permission.ui': 'Webcontent van derden weergeven en uitvoeren in prompts en zijbalken in Google-apps',
  'permission.mail': 'E-mail verzenden als jij',
  'permission.triggers': 'Deze app laten uitvoeren wanneer je niet aanwezig bent',
  'arg.notBoolean': 'Ongeldige invoer: {field} moet ja of nee zijn.',
  'arg.notList': 'Ongeldige invoer: {field} moet een lijst zijn.',
  'arg.notObject': 'Ongeldige invoer: {field} moet een object zijn.',
  'arg.unknownField': 'Ongeldige invoer: onbekend veld {field}.',
  'arg.notText': 'Ongeldige invoer: {field} moet tekst zijn.',
  'arg.tooLong': 'Ongeldige invoer: {field} is te lang (hoogstens {max} tekens).',
  'arg.notEmail': 'Ongeldige invoer: {field} is geen geldig e-mailadres.',
  'arg.notDate': 'Ongeldige invoer: {field} is geen datum (jjjj-mm-dd).',
  'arg.notObjectAt': 'Ongeldige invoer: {field} nummer {index} is geen koppeling.',
  'field.newcomer': 'nieuwe collega',
  'field.buddy': 'buddy',
  'field.location': 'locatie',
  'field.reason': 'reden',
  'field.email': 'e-mailadres',
  'field.date': 'datum',
  'field.planned': 'geplande datum',
  'field.activity': 'activiteit',
  'field.done': 'afgerond',
  'field.automaticSending': 'automatisch versturen',
  'field.pairs': 'koppelingen',
  'schema.missingTab': 'Het tabblad "{tab}" ontbreekt. Kies Wegwijs > Blad inrichten om het aan te maken.',
  'schema.missingColumn': 'In tabblad "{tab}" ontbreekt de kolom "{column}". Er is niets gewijzigd.',
  'schema.duplicateColumn': 'In tabblad "{tab}" staat de kolom "{column}" twee keer. Er is niets gewijzigd.',
  'cell.notADate': 'geen geldige datum (gebruik dd-mm-jjjj)',
  'cell.notANumber': 'geen getal',
  'cell.notAChoice': 'geen toegestane waarde',
  'cell.notAnEmail': 'geen e-mailadres (of meer dan één)',
  'cell.notACount': 'geen heel getal van 0 of meer',
  'cell.empty': 'leeg',
  'setup.done': 'Blad ingericht. {summary}',
  'setup.nothing': 'Het blad was al helemaal ingericht; er is niets gewijzigd.',
  'setup.createdTabs': 'Nieuwe tabbladen: {tabs}.',
  'setup.addedColumns': 'Toegevoegde kolommen: {columns}.',
  'setup.addedRows': 'Standaardinhoud: {rows}.',
  'setup.leaderAdded': 'Jij bent als schoolleider ingesteld.',
  'setup.noLeader':
    'Er staat geen leesbare schoolleider in het tabblad {tab} ("{setting}"). Alleen bij de allereerste inrichting wordt wie het blad inricht vanzelf schoolleider. Zet daar het e-mailadres van de schoolleider en kies daarna opnieuw Blad inrichten.',
  'setup.schoolYearWithoutHolidays':
    'Voor schooljaar {year} staan nog geen schoolvakanties in "Vrije dagen". Vul ze aan.',
  'about.title': 'Over Wegwijs',
  'about.version': 'Versie',
  'about.scopes': 'Toegestane rechten',
  'about.missingScopes': 'Ontbrekende rechten',
  'about.timeZones': 'Tijdzone blad / script',
  'about.mailQuota': 'Resterende mails vandaag',
  'about.trigger': 'Automatisch versturen',
  'about.runtime': 'Runtime ondersteunt wat Wegwijs gebruikt',
  'about.ok': 'in orde',
  'about.problem': 'let op',
  'about.yes': 'aan',
  'about.no': 'uit',
  'log.setup': 'Blad ingericht',
  'log.automationOn': 'Automatisch versturen aangezet',
  'log.automationOff': 'Automatisch versturen uitgezet',
  'log.scheduledRun': 'Geplande taken uitgevoerd',
  'automation.on': 'Automatisch versturen staat aan (elk uur).',
  'automation.off': 'Automatisch versturen staat uit. Zet het aan via het menu Wegwijs.',
  'automation.missing':
    'Automatisch versturen stond aan, maar de trigger ontbreekt. Zet het opnieuw aan via het menu.',
  'automation.noPermission':
    'Automatisch versturen kan niet: Wegwijs mist de toestemming "Deze app laten uitvoeren wanneer je niet aanwezig bent" (script.scriptapp). Open Wegwijs opnieuw via het menu en vink die toestemming aan.',
  'automation.stale':
    'Automatisch versturen staat aan, maar liep sinds {since} niet meer. Controleer de trigger.',
  'automation.owner': 'Automatische mail gaat uit namens {owner}.',
  'automation.offReadOnly':
    'Automatisch versturen staat uit, voor de hele school. Alleen de schoolleider kan het aanzetten: {leaders}.',
  'automation.brokenReadOnly':
    'Automatisch versturen werkt nu niet: er gaat geen automatische mail uit. Alleen de schoolleider kan dit herstellen: {leaders}.',
  'automation.aLeader': 'de schoolleider',
  'week.about':
    'Wegwijs helpt nieuwe collega’s op weg met een buddy, een inwerkschema, een welkomstpakket en check-ins; de schoolleider en de chef buddy’s werken ermee.',
  'week.askLeader': 'Hoor je erbij te staan? Vraag de schoolleider om toegang.',
  'week.askChief': 'Vragen over inwerken? Vraag het {name}, chef buddy van {location}.',
  'sidebar.usePageBuddy':
    'Je nieuwe collega’s volg je op Mijn Wegwijs: daar vink je het inwerkschema af en leg je check-ins vast. Je hebt dit blad daarvoor niet nodig.',
  'sidebar.usePageNewcomer':
    'Je inwerkschema, je buddy en je check-ins staan op Mijn Wegwijs. Je hebt dit blad daarvoor niet nodig.',
  'sidebar.noPageUrl': 'Het adres van Mijn Wegwijs krijg je van je chef buddy.',
  'checkin.invalid.missingMany': 'Vul nog in: {fields}.',
  'checkin.invalid.beforePrevious': 'De {field} ligt voor de vorige gehouden check-in ({previous}).',
  'checkin.closeBeforeStart': 'Inwerken afronden kan pas vanaf de startdatum ({date}).',
  'checkin.closeNoSchedule': 'Inwerken afronden kan niet: {name} heeft nog geen inwerkschema.',
  'checkin.closedPacketDropped': 'Het welkomstpakket was nog niet verzonden en gaat nu niet meer uit.',
  'schedule.notYet': 'Deze regel is pas op {date}: vanaf die dag kun je deze afvinken.',
  'pairing.chiefIsYou': 'dat ben jij: je wordt dan buddy én chef buddy van deze collega',
  'pairing.chiefIsBuddy': 'de chef buddy van de locatie: wordt dan buddy én chef buddy',
  'automation.failing':
    'Automatisch versturen staat aan, maar loopt fout sinds {since} ({count} keer achter elkaar): {reason} Er gaat geen automatische mail uit tot dit is opgelost.',
  'automation.noSheet':
    'Automatisch versturen kon het blad niet openen bij de run van {at}: er ging niets uit. Wat te doen: installeer Wegwijs in het blad zelf (README, "Installeren"), en zet automatisch versturen daarna uit en weer aan.',
  'error.scheduledOnly':
    'De geplande taken lopen alleen vanuit de eigen trigger van wie automatisch versturen aanzette. Er is niets gedaan.',
  'error.ownerNotLeader':
    'Wie automatisch versturen aanzette, staat niet meer bij de schoolleiders in Instellingen. Een schoolleider moet het opnieuw aanzetten.',
  'log.runFailed': 'Geplande run mislukt',
  'runFailure.subject': 'Wegwijs: automatisch versturen loopt vast',
  'runFailure.body':
    'De geplande run van Wegwijs mislukt sinds {since} ({count} keer achter elkaar), dus er gaan geen automatische mails uit.\nReden: {reason}\nOpen het blad en kijk in Extensies > Wegwijs > Over Wegwijs. Je krijgt deze mail maar één keer; zodra een run weer lukt, is het probleem opgelost.',
  'about.requiredScopes': 'Vereiste rechten',
  'about.triggerOwner': 'Trigger en eigenaar',
  'about.triggerMine': 'aanwezig, van {owner} (jij)',
  'about.triggerOther': 'van {owner} (alleen de eigenaar kan de trigger zien)',
  'about.triggerGone': 'ontbreekt bij {owner}',
  'about.triggerNone': 'geen: automatisch versturen staat uit',
  'about.lastRun': 'Laatste geplande run',
  'about.lastRunNone': 'nog geen',
  'about.lastRunValue': '{at}, {seconds} s, blad {sheet}, {sent} mail(s) verstuurd: {summary}',
  'about.sheetSeen': 'geopend',
  'about.sheetNotSeen': 'niet geopend',
  'about.runTimeToday': 'Triggertijd vandaag',
  'about.runTimeTodayValue':
    '{seconds} s in {runs} run(s) (grens: 90 min per dag voor gewone accounts, 6 uur voor Workspace)',
  'about.sendWindow': 'Verzendvenster',
  'about.sendWindowValue': '{window} op schooldagen',
  'reason.experience': '{years} jaar ervaring in het VSO',
  'reason.affinity': 'affiniteit met begeleiden',
  'reason.sameRole': 'zelfde functie ({role})',
  'reason.sameSubject': 'zelfde sectie/vak ({subject})',
  'reason.sameLocation': 'zelfde locatie',
  'reason.room': 'heeft nog ruimte: {load} van {capacity}',
  'reason.recentBuddy': 'was onlangs al buddy ({last})',
  'reason.otherLocation': 'werkt op {location}',
  'reason.endedBefore': 'was eerder de buddy (beëindigd: {reason})',
  'excl.noEmail': 'geen e-mailadres',
  'excl.isNewcomer': 'is de nieuwe collega zelf',
  'excl.leaving': 'gaat uit dienst',
  'excl.notActive': 'is zelf nog niet actief ({status})',
  'excl.otherLocation': 'werkt op een andere locatie ({location})',
  'excl.notWilling': 'kan of wil geen buddy zijn',
  'excl.absent': 'afwezig tot {until}',
  'excl.currentBuddy': 'is al de buddy',
  'excl.atCapacity': 'zit vol: {load} van {capacity}',
  'excl.tooNewAtSchool': 'werkt {years} jaar op deze school (buddyregel: minstens {min})',
  'excl.tooLittleVso': 'heeft {years} jaar ervaring in het VSO (buddyregel: minstens {min})',
  'excl.noAffinity': 'heeft geen affiniteit met begeleiden aangegeven (buddyregel)',
  'pairing.ruleNeedsConfirm':
    'Deze collega voldoet niet aan de buddyregel: {rule}. Bevestig dat je toch wilt koppelen; de uitzondering komt in Koppelingen.',
  'pairing.ruleException': 'uitzondering bevestigd: {rule}',
  'unassigned.noEligibleBuddy': 'niemand kan buddy zijn',
  'unassigned.allTaken': 'alle {candidates} mogelijke buddy’s zijn elders nodig',
  'pairing.unknownNewcomer': 'Deze nieuwe collega staat niet in het tabblad Medewerkers.',
  'pairing.unreadablePair':
    'Koppeling {index}: het e-mailadres van de {field} is niet te lezen; deze koppeling is overgeslagen.',
  'unassigned.unreadableEmail': 'het e-mailadres is niet te lezen ({tab}, rij {row})',
  'pairing.unknownBuddy': 'Deze buddy staat niet in het tabblad Medewerkers.',
  'pairing.notNewcomer': 'Deze collega is geen nieuwe collega (status is niet "nieuw").',
  'pairing.alreadyPaired': 'Deze nieuwe collega heeft al een buddy. Beëindig die koppeling eerst.',
  'pairing.notEligible': 'Deze collega kan geen buddy zijn: {reason}.',
  'pairing.noActivePair': 'Deze nieuwe collega heeft geen actieve koppeling.',
  'pairing.reasonRequired': 'Geef een reden op voor het beëindigen van de koppeling.',
  'pairing.unknownLocation': 'Locatie "{location}" staat niet in het tabblad Locaties.',
  'pairing.tooMany': 'Te veel koppelingen in één keer (hoogstens {max}).',
  'pairing.assigned': '{newcomer} is gekoppeld aan {buddy}.',
  'pairing.already': '{newcomer} was al gekoppeld aan {buddy}.',
  'pairing.ended': 'De koppeling van {name} is beëindigd.',
  'pairing.applied': '{count} koppeling(en) gemaakt.',
  'pairing.rejectedSome': '{count} niet gemaakt.',
  'pairing.mailSent': 'De buddy heeft een mail gekregen.',
  'pairing.mailQueued': 'De mail aan de buddy gaat met de volgende automatische ronde mee.',
  'pairing.mailFailed': 'De mail aan de buddy is mislukt; zie de kolom Buddy-mail.',
  'pairing.mailSkipped': 'De mail aan de buddy kan nog niet weg: {reason}.',
  'log.paired': 'Buddy gekoppeld',
  'log.pairEnded': 'Koppeling beëindigd',
  'log.pairsApplied': 'Voorstel koppelingen toegepast',
  'mail.invalidAddress': 'ongeldig e-mailadres',
  'mail.recipientLeft': 'de ontvanger is uit dienst',
  'mail.buddyLeft.subject': 'De buddy van {newcomer} is uit dienst',
  'mail.buddyLeft.body':
    '{buddy} is uit dienst (per {date}) en is nog de buddy van {newcomer} ({location}). Beëindig die koppeling in Wegwijs en kies een nieuwe buddy. Je krijgt dit bericht maar één keer.',
  'mail.templateMissing': 'bericht "{kind}" ontbreekt in het tabblad Berichten',
  'mail.templateError': 'het bericht heeft een fout: {errors}',
  'mail.unknownPlaceholder': 'onbekend veld {{{name}}}',
  'mail.missingValue': 'geen waarde voor {{{name}}}',
  'mail.footer': 'Verstuurd met Wegwijs, het hulpmiddel waarmee je school nieuwe collega’s inwerkt.',
  'schedule.warn.noStartDate': 'Er is geen geldige startdatum, dus er is geen inwerkschema gemaakt.',
  'schedule.warn.noTemplate': 'Er zijn geen schemasjablonen voor {location}.',
  'schedule.warn.templateRowIncomplete':
    'Een sjabloonregel van {location} is onvolledig en overgeslagen (week {week}, {day}, "{activity}").',
  'schedule.warn.startMoved':
    'De startdatum, {from}, is een vrije dag{description}; het inwerkschema begint op {to}.',
  'schedule.warn.weekSkipped':
    'De week van {monday} is vrij ({description}); het inwerkschema loopt daarna door.',
  'schedule.warn.holidaysMissing':
    'Voor schooljaar {schoolYear} staan nog geen schoolvakanties in "Vrije dagen". Vul ze aan; anders kunnen activiteiten in een vakantie vallen.',
  'schedule.warn.noBuddy': 'Er is nog geen buddy: de regels met de buddy worden ingevuld na het koppelen.',
  'schedule.warn.noChiefBuddy': 'Locatie {location} heeft nog geen chef buddy.',
  'schedule.warn.noSchoolLeader': 'Er is nog geen schoolleider ingesteld.',
  'schedule.warn.noIb': 'Er is geen IB-er aanwezig op {date} voor "{activity}".',
  'schedule.warn.noBackup': 'Er is geen achtervang gevonden op {date} voor "{activity}".',
  'schedule.warn.noShadowHost':
    'Er is op {date} geen meeloopcollega meer beschikbaar (hoogstens {max} keer per week per collega).',
  'schedule.warn.colleagueAbsent': '{name} is afwezig op {date} ("{activity}"); controleer deze regel.',
  'schedule.warn.hostFallback':
    'Op {date} is geen {hostKind} beschikbaar voor "{activity}"; er is een andere collega gekozen.',
  'schedule.movedDayOff': 'verplaatst van {from} ({description})',
  'schedule.movedBeforeStart': 'verplaatst van {from} (voor de start)',
  'schedule.empty': 'Er kon geen schema worden gemaakt. {reasons}',
  'schedule.saved':
    'Het inwerkschema van {name} is opgeslagen: {added} nieuw, {changed} gewijzigd, {removed} vervallen.',
  'schedule.generated': '{count} inwerkschema(’s) gemaakt.',
  'schedule.noSuchItem': 'Deze regel staat niet (meer) in het inwerkschema. Vernieuw de zijbalk.',
  'schedule.markedDone': 'Afgevinkt.',
  'schedule.markedOpen': 'Weer opengezet.',
  'schedule.none': 'Deze nieuwe collega heeft nog geen inwerkschema.',
  'error.notYourNewcomer': 'Je bent niet de buddy van deze nieuwe collega.',
  'log.scheduleSaved': 'Inwerkschema opgeslagen',
  'log.schedulesGenerated': 'Inwerkschema’s gemaakt',
  'welcome.noStartDate': 'geen geldige startdatum',
  'welcome.noWhoToAsk': 'de lijst "Wie vraag ik wat" voor {location} is leeg',
  'packet.exampleText':
    'Deze onderdelen van het welkomstpakket hebben nog de voorbeeldtekst: {sections}. Pas ze aan in het tabblad Welkomstpakket.',
  'welcome.noChiefBuddy': 'locatie {location} heeft geen chef buddy',
  'welcome.openLine': 'het inwerkschema heeft nog een open plek: {line}',
  'welcome.startedLongAgo': 'al begonnen op {date}',
  'welcome.cannotSend': 'Het welkomstpakket kan niet weg: {reason}.',
  'welcome.noQuota': 'Het mailquotum van vandaag is op. Probeer het morgen opnieuw.',
  'welcome.testFailed': 'De testmail kon niet worden verstuurd: {reason}',
  'welcome.testSent': 'Testmail verstuurd naar {to}. Het pakket zelf staat nog niet als verzonden.',
  'welcome.alreadySent': 'Het welkomstpakket is al verzonden ({at}); het gaat niet nog een keer.',
  'welcome.unknownState':
    'Van dit welkomstpakket is niet zeker of het is aangekomen. Vraag het na; zet daarna in de kolom Welkomstpakket "gepland" om het opnieuw te sturen.',
  'welcome.sent': 'Het welkomstpakket is verzonden.',
  'welcome.queued': 'Het mailquotum is op; het welkomstpakket gaat met de volgende automatische ronde mee.',
  'welcome.failed': 'Het welkomstpakket is niet verzonden: {state}',
  'welcome.erasedBefore':
    'deze persoon is op {date} gewist (AVG) en daarna opnieuw toegevoegd; het pakket gaat pas als de schoolleider op Nu versturen klikt',
  'log.welcomeSent': 'Welkomstpakket handmatig verstuurd',
  'checkin.signalNiet':
    'Bij de check-in van {date} was er geen klik met de buddy. Overweeg een andere buddy.',
  'checkin.signalTwijfel':
    'Twee keer twijfel over de klik met de buddy (laatst {date}). Overweeg een andere buddy.',
  'checkin.field.held': 'datum van de check-in',
  'checkin.field.phase': 'fase (4D)',
  'checkin.field.competencies': 'competenties',
  'checkin.field.wellbeing': 'welbevinden',
  'checkin.field.click': 'klik',
  'checkin.field.agreements': 'doen (afspraken)',
  'checkin.field.notes': 'notities',
  'checkin.field.reason': 'reden',
  'checkin.field.input': 'check-in',
  'checkin.invalid.notObject': 'Ongeldige invoer: {field} ontbreekt.',
  'checkin.invalid.unknownField': 'Ongeldige invoer: onbekend veld {field}.',
  'checkin.invalid.missing': 'Vul het veld "{field}" in.',
  'checkin.invalid.notDate': 'Ongeldige invoer: {field} is geen datum.',
  'checkin.invalid.future': 'De {field} ligt in de toekomst.',
  'checkin.invalid.beforeStart': 'De {field} ligt vóór de startdatum ({start}).',
  'checkin.invalid.notPhase':
    'Kies een fase: ontdekken, dromen, ontwerpen of doen (of discovery, dream, design, delivery).',
  'checkin.invalid.notList': 'Ongeldige invoer: {field} moet een lijst zijn.',
  'checkin.invalid.notCompetency':
    'Onbekende competentie "{value}". Kies uit de zeven competenties van het NJI-profiel.',
  'checkin.invalid.notWellbeing': 'Welbevinden is een heel getal van 1 tot en met 5.',
  'checkin.invalid.notClick': 'Kies bij klik: goed, twijfel of niet.',
  'checkin.invalid.notText': 'Ongeldige invoer: {field} moet tekst zijn.',
  'checkin.invalid.tooLong': 'Er staat te veel tekst bij "{field}" (hoogstens {max} tekens).',
  'checkin.recorded': 'Check-in vastgelegd.',
  'checkin.skipped': 'Check-in als overgeslagen vastgelegd.',
  'checkin.noSuchPlanned': 'Er staat geen open check-in gepland op {date}.',
  'checkin.notAllHeld': 'Nog niet alle check-ins zijn gehouden of overgeslagen ({count} open).',
  'checkin.notInOnboarding': 'Deze collega zit niet (meer) in het inwerktraject.',
  'checkin.closed': 'Het inwerken van {name} is afgerond.',
  'log.checkInRecorded': 'Check-in vastgelegd',
  'log.checkInSkipped': 'Check-in overgeslagen',
  'log.onboardingClosed': 'Inwerken afgerond',
  'overview.total': 'Totaal',
  'overview.mail.welcome': 'het welkomstpakket',
  'overview.mail.buddyMail': 'de buddy-mail',
  'overview.mail.reminder': 'de herinnering aan de check-in',
  'overview.mail.lateNotice': 'de melding dat de check-in te laat is',
  'overview.mail.chiefNotice': 'de melding aan de chef buddy',
  'overview.reasonNiet': 'geen klik',
  'overview.reasonTwijfel': 'twee keer twijfel',
  'overview.why.left': 'is uit dienst',
  'overview.why.notFound': 'staat niet in Medewerkers',
  'overview.why.absent': 'is afwezig tot {until}',
  'attention.noBuddy': '{name} heeft nog geen buddy (begint op {startDate}).',
  'attention.buddyUnavailable': 'De buddy van {name} ({buddy}) {why}.',
  'attention.repairSignal': '{name}: {reason} met buddy {buddy}; overweeg een andere buddy.',
  'attention.checkInLate': 'De check-in van {name}, gepland op {planned}, is {daysLate} dagen te laat.',
  'attention.welcomeNotSent': 'Het welkomstpakket van {name} is nog niet verzonden (begint op {startDate}).',
  'attention.mailFailed': 'Het versturen van {mail} voor {name} is mislukt: {reason}',
  'attention.mailUnknown': 'Het is niet zeker of {mail} voor {name} is aangekomen (sinds {since}).',
  'attention.unknownLocation': '{name} staat op locatie "{location}", die niet in Locaties staat.',
  'overview.col.location': 'Locatie',
  'overview.col.newcomers': 'Nieuwe collega’s in inwerktraject',
  'overview.col.withoutBuddy': 'Zonder buddy',
  'overview.col.soonWithoutWelcome': 'Start binnen 2 weken zonder welkomstpakket',
  'overview.col.schedule': 'Schema afgerond (%)',
  'overview.col.held': 'Check-ins gehouden',
  'overview.col.due': 'Check-ins open',
  'overview.col.late': 'Check-ins te laat',
  'overview.col.wellbeing': 'Gem. welbevinden',
  'overview.col.buddyLoad': 'Buddybelasting',
  'overview.col.mails': 'Mails mislukt of onbekend',
  'overview.updated':
    'Bijgewerkt op {at} door Wegwijs. Dit tabblad wordt elke keer helemaal opnieuw geschreven.',
  'overview.chartTitle': 'Check-ins gehouden en te laat per locatie',
  'overview.attentionHeading': 'Wat aandacht nodig heeft:',
  'overview.nothingNeedsAttention': 'Niets vraagt nu om aandacht.',
  'overview.line':
    '{location}: {newcomers} in inwerktraject, {withoutBuddy} zonder buddy; schema {schedule}% afgerond; check-ins {held} gehouden, {due} open, {late} te laat; {mails} mails mislukt of onbekend.',
  'privacy.reason.notes': 'notities, afspraken en redenen van check-ins gewist',
  'privacy.reason.pairReason': 'reden van beëindigde koppeling gewist',
  'privacy.reason.records': 'inwerkgegevens van vertrokken medewerkers verwijderd',
  'privacy.reason.log': 'oude regels uit het logboek verwijderd',
  'privacy.undated':
    '{count} medewerker(s) uit dienst zonder "Uit dienst per": hun gegevens kunnen niet worden gedateerd. Vul de datum in.',
  'privacy.nothing': 'niets',
  'privacy.purged': 'Bewaartermijnen toegepast: {count} rij(en) verwijderd of gewist.',
  'privacy.nothingToPurge': 'Er was niets over de bewaartermijn heen.',
  'privacy.role.self': 'over jou',
  'privacy.role.newcomer': 'jij als nieuwe collega',
  'privacy.role.buddy': 'jij als buddy',
  'privacy.role.chefbuddy': 'jij als chef buddy',
  'privacy.role.colleague': 'jij als collega in een inwerkschema',
  'privacy.role.author': 'vastgelegd door jou',
  'privacy.role.user': 'jouw acties in Wegwijs',
  'privacy.role.leader': 'jij als schoolleider',
  'privacy.mail.welcome': 'welkomstpakket',
  'privacy.mail.buddy': 'mail over je koppeling als buddy',
  'privacy.mail.reminder': 'herinnering aan een check-in',
  'privacy.mail.late': 'melding: check-in te laat',
  'privacy.exportNote':
    'Andere medewerkers staan er niet met naam in. Notities over deze persoon zijn opgenomen; controleer ze op gegevens van anderen voordat je ze doorgeeft. De versiegeschiedenis van het blad valt hier buiten.',
  'privacy.notYourself': 'Je kunt jezelf niet verwijderen. Vraag een andere schoolleider.',
  'privacy.erased': 'De persoon is uit alle tabbladen en opgeslagen gegevens van Wegwijs verwijderd.',
  'privacy.nothingToErase': 'Er stond niets (meer) over deze persoon in Wegwijs.',
  'privacy.erasedCounts': '{removed} verwijderd, {anonymised} geanonimiseerd',
  'log.retentionApplied': 'Bewaartermijnen toegepast',
  'log.personExported': 'Gegevens van een persoon opgevraagd',
  'log.personErased': 'Persoon verwijderd (AVG)',
  'sidebar.settingProblem':
    'De instelling "{setting}" heeft een waarde die Wegwijs niet begrijpt; de standaardwaarde geldt.',
  'sidebar.noChiefBuddy': 'Locatie {location} heeft nog geen chef buddy (tabblad Locaties).',
  'sidebar.rowProblem':
    '{tab}, rij {row}: {column} is {problem}. Wegwijs slaat deze waarde over tot die verbeterd is.',
  'sidebar.rowProblemsMore': 'En nog {count} cellen die Wegwijs niet kan lezen.',
  'sidebar.duplicate.staff':
    '{tab}: rijen {rows} hebben hetzelfde e-mailadres. Wegwijs gebruikt alleen rij {first} en mailt of koppelt deze persoon één keer; haal de dubbele rij weg.',
  'sidebar.duplicate.pairings':
    '{tab}: rijen {rows} zijn dezelfde koppeling of twee actieve koppelingen van één nieuwe collega. Alleen rij {first} telt; haal de andere weg.',
  'sidebar.duplicate.checkIns':
    '{tab}: rijen {rows} zijn dezelfde check-in. Alleen rij {first} telt en krijgt herinneringen; haal de andere weg.',
  'sidebar.buddyLeft':
    'Buddy {buddy} is uit dienst; {newcomer} heeft een nieuwe buddy nodig (tabblad {tab}, rij {row}).',
  'sidebar.roleSettingProblem':
    'De instelling "{setting}" bevat iets dat geen e-mailadres is ("{value}"); dat deel maakt niemand schoolleider. Zet er e-mailadressen in, gescheiden door komma’s.',
  'sidebar.noLeaders':
    'Er is geen schoolleider ingesteld (tabblad {tab}, instelling "{setting}"). Vul daar het e-mailadres van de schoolleider in.',
  'sidebar.unknownHelp':
    'Staat je e-mailadres in het tabblad Locaties (chef buddy) of bij de schoolleiders in Instellingen? Vraag de schoolleider om je toe te voegen.',
  // ---- Mijn Wegwijs (the web page) ----
  'page.noSpreadsheet':
    'Mijn Wegwijs weet nog niet welk blad het moet openen. Vraag de schoolleider om in het blad Extensies › Wegwijs › Blad inrichten te kiezen.',
  'page.noUser':
    'Welkom bij Mijn Wegwijs. We weten niet wie je bent: open deze pagina met je schoolaccount. Lukt het niet? Vraag je buddy of de chef buddy van je locatie.',
  'page.unknown':
    'Welkom bij Mijn Wegwijs. Voor jouw schoolaccount staat hier (nog) niets. Ben je nieuw of buddy? Vraag de chef buddy van je locatie om je toe te voegen.',
  'page.nothingYet':
    'Welkom bij Mijn Wegwijs. Je bent nu geen buddy en niet aan het inwerken, dus hier staat niets voor je.',
  'page.useSidebar':
    'Welkom bij Mijn Wegwijs. Als schoolleider of chef buddy werk je in het personeelsblad, via Extensies › Wegwijs.',
  'page.sidebarOnly':
    'Deze functie werkt alleen in het personeelsblad (Extensies › Wegwijs), niet op Mijn Wegwijs.',
  'page.onlyOwnCheckIn': 'Alleen de nieuwe collega zelf kan op een eigen check-in reageren.',
  'page.noSuchCheckIn': 'Er is geen gehouden check-in op {date}.',
  'page.invalidResponse':
    'Geef je reactie zo: bevestig de afspraken of schrijf een opmerking (hoogstens 1000 tekens), kies je klik (goed, twijfel of niet) en je welbevinden (1 tot en met 5).',
  'page.responded': 'Dank je wel, je reactie is opgeslagen.',
  // ---- Check-ins as the protocol coaches (issue 14) ----
  'checkin.field.steps': 'stappen (4D)',
  'checkin.field.levels': 'competenties (niveau)',
  'checkin.field.goals': 'doelen',
  'checkin.field.worries': 'zorgen, knelpunten of onzekerheden',
  'checkin.invalid.notSteps': 'Ongeldige invoer: {field} geeft per stap een tekst.',
  'checkin.invalid.notStep':
    'Onbekende stap "{value}". De stappen zijn ontdekken, dromen, ontwerpen en doen (of discovery, dream, design, delivery).',
  'checkin.invalid.notLevel':
    'Kies bij "{competence}" een niveau: oriënterend, op weg of zelfstandig (1 tot en met 3).',
  'checkin.invalid.twice': 'De competentie "{competence}" staat er twee keer bij.',
  'checkin.invalid.tooManyGoals': 'Kies hoogstens {max} doelen.',
  'checkin.invalid.notGoal':
    'Doel {index} heeft geen omschrijving. Geef elk doel een tekst, met een beginpunt en een eindpunt.',
  'checkin.invalid.notGoalStatus': 'Kies bij doel {index}: op koers, bereikt of bijgesteld.',
  'checkin.invalid.notLevels':
    'Geef je eigen beeld zo: per competentie uit het NJI-profiel een niveau (oriënterend, op weg of zelfstandig).',
  'mail.klik.subject': 'Klik-signaal bij {newcomer}: {reason}',
  'mail.klik.body':
    'Beste {chief},\n\nBij de check-in van {date} tussen {newcomer} en buddy {buddy} is het signaal: {reason}. Misschien helpt een gesprek, of een andere buddy.\n{where}\n\nJe krijgt dit bericht één keer per check-in. De notities van de check-in staan er niet in.',
  'mail.klik.where':
    'Je vindt {newcomer} in de zijbalk van Wegwijs (Extensies › Wegwijs › Nieuwe collega’s) in het personeelsbestand: {url}',
  'mail.klik.whereNoLink':
    'Je vindt {newcomer} in de zijbalk van Wegwijs (Extensies › Wegwijs › Nieuwe collega’s).',
  'attention.worries': '{name} meldde zorgen bij de check-in van {date}.',
  'summary.title': 'Bekwaamheidsdossier: inwerken van {name}',
  'summary.intro': 'Inwerken op locatie {location}, gestart op {start}, afgerond op {date}.',
  'summary.goals': 'Doelen en hoe ze afliepen',
  'summary.noGoals': 'Er zijn geen doelen vastgelegd.',
  'summary.from': 'beginpunt',
  'summary.to': 'eindpunt',
  'summary.competences': 'Competenties (NJI-profiel) met het laatste niveau',
  'summary.noLevels': 'Er zijn geen niveaus vastgelegd.',
  'summary.agreements': 'Afspraken voor na het inwerken',
  'summary.noAgreements': 'Er zijn geen afspraken vastgelegd.',
  'summary.footer': 'Samengesteld door Wegwijs uit de check-ins. Notities van check-ins staan hier nooit in.',
  'summary.notClosed': 'De samenvatting voor je bekwaamheidsdossier is er zodra je inwerken is afgerond.',
  'summary.onlyOwn': 'Alleen de collega zelf kan de eigen samenvatting downloaden.',
  'summary.ready':
    'Je inwerken is afgerond. Download hier de samenvatting voor je bekwaamheidsdossier: je doelen, je competenties en de afspraken voor daarna.',
  'summary.closedNote':
    'De samenvatting voor het bekwaamheidsdossier staat voor {name} klaar in Mijn Wegwijs.',
  'report.newcomers': "Nieuwe collega's in het inwerktraject: {n}",
  'report.checkIns': 'Check-ins: {held} gehouden, {skipped} overgeslagen, {open} nog open',
  'report.goals': 'Doelen: {reached} bereikt, {onTrack} op koers, {adjusted} bijgesteld',
  'report.levels': 'Competenties met een niveau besproken: {n} keer',
  'report.signals': 'Klik-signalen: {klik}; check-ins met zorgen gemeld: {worries}',
  'report.wellbeing': 'Gemiddeld welbevinden: {value} (van {people} collega’s)',
  'report.noWellbeing': 'Welbevinden: niet getoond (minder dan {min} collega’s)',
  'report.subject': 'Maandverslag inwerken {location}, {month}',
  'report.intro': 'Het inwerken op locatie {location} in {month}, van de chef buddy:',
  'report.remark': 'Opmerking van de chef buddy: {remark}',
  'report.noRemark': 'De chef buddy heeft geen opmerking toegevoegd.',
  'report.invalidRemark': 'Geef een opmerking van hoogstens {max} tekens, en of het verslag mag gaan.',
  'report.notOpen': 'Het maandverslag staat vanaf {date} klaar.',
  'report.alreadySent': 'Dit maandverslag is al naar de schoolleider gestuurd.',
  'report.chiefOnly': 'Alleen de chef buddy van de locatie schrijft het maandverslag.',
  // week, round 2 (issue 17): pairing makes the schedule at once.
  'pairing.scheduleRefused':
    'Niet gekoppeld: bij deze school maakt koppelen meteen het inwerkschema, en dat van {name} kan niet gemaakt worden. {reason} Er is niets opgeslagen.',
  // A schedule's "Met" when nobody is found yet; the Dutch text is what Wegwijs writes in the sheet.
  'placeholder.buddy': 'buddy nog niet gekoppeld',
  'placeholder.chiefBuddy': 'chef buddy nog niet ingesteld',
  'placeholder.schoolLeader': 'schoolleider nog niet ingesteld',
  'placeholder.ib': 'IB-er nog te kiezen',
  'placeholder.backup': 'achtervang nog te kiezen',
  'placeholder.shadowHost': 'meeloopcollega nog te kiezen',
  // ---- Pilot and evaluation (issue 15) ----
  'field.phase': 'fase',
  'field.confirmed': 'bevestiging',
  'field.round': 'meting',
  'field.closes': 'sluitdatum',
  'phase.notYet':
    'Op {location} gaat nog niets vanzelf: de locatie heeft fase "nog niet" (schoolleider, tabblad Pilot). Zet de fase op pilot of ingevoerd om te beginnen.',
  'phase.unreadable':
    'Op {location} gaat niets vanzelf: de fase in Locaties is onleesbaar (kies nog niet, pilot of ingevoerd).',
  'phase.unknown': 'Kies een fase: nog niet, pilot of ingevoerd.',
  'phase.confirm': 'Bevestig eerst dat je de fase wilt wijzigen.',
  'phase.changed': '{location} staat nu op fase {phase}.',
  'phase.unchanged': '{location} stond al op fase {phase}; er is niets gewijzigd.',
  'log.phaseChanged': 'Fase van een locatie gewijzigd',
  'log.roundStarted': 'Meting gestart',
  'log.evaluationTab': 'Tabblad Evaluatie bijgewerkt',
  'survey.invalidRound':
    'Kies voor een meting: de soort (alle medewerkers of na inwerken), een of meer locaties, de groepen (nieuw, ervaren of beide) en een sluitdatum.',
  'survey.closesInPast': 'De sluitdatum ligt in het verleden. Kies vandaag of later.',
  'survey.weeksAfter': 'Kies bij "na inwerken" een aantal weken van 1 tot en met {max}.',
  'survey.noQuestions':
    'Het tabblad {tab} heeft geen bruikbare vragen voor deze groepen. Vul eerst de vragenlijst in.',
  'survey.started':
    'Meting {id} is gestart en sluit op {closes}. De uitnodigingen gaan uit met de volgende geplande run.',
  'survey.noPageUrl': 'er is nog geen adres van Mijn Wegwijs om in de uitnodiging te zetten',
  'survey.notInvited': 'Deze vragenlijst staat niet voor jou open.',
  'survey.unknownRound': 'Deze meting bestaat niet (meer).',
  'survey.closed': 'Deze meting is gesloten sinds {date}; antwoorden kan niet meer.',
  'survey.invalidAnswers':
    'Je antwoorden passen niet bij de vragenlijst: geef bij een stelling een cijfer van 1 tot en met 5 en houd open antwoorden onder 1000 tekens. Er is niets opgeslagen.',
  'survey.thanks': 'Dank je wel, je antwoorden zijn opgeslagen. Je naam staat er niet bij.',
  'survey.updated': 'Je antwoorden zijn bijgewerkt. Je naam staat er niet bij.',
  'mail.survey.subject': 'Vragenlijst over het inwerken: wil je meedoen?',
  'mail.survey.body':
    'Beste {name},\n\nWe willen weten hoe het inwerken op onze school gaat, van nieuwe én van ervaren collega’s. Wil je de korte vragenlijst invullen? Je antwoorden worden opgeslagen zonder je naam of e-mailadres.\n\nDe vragenlijst staat op Mijn Wegwijs: {url}\nInvullen kan tot en met {closes}.\n\nDank je wel!',
  'mail.survey.reminderSubject': 'Herinnering: vragenlijst over het inwerken',
  'mail.survey.reminderBody':
    'Beste {name},\n\nDe vragenlijst over het inwerken sluit op {closes}. Heb je nog even? Je vindt de vragenlijst op Mijn Wegwijs: {url}\nJe antwoorden worden opgeslagen zonder je naam of e-mailadres.\n\nDank je wel!',
  'evaluation.notAllowed':
    'De evaluatie is alleen voor de schoolleider (en voor chef buddy’s als de schoolleider dat toestaat).',
  'evaluation.col.location': 'Locatie',
  'evaluation.col.before': 'Score voor (1–5)',
  'evaluation.col.after': 'Score na (1–5)',
  'evaluation.col.phase': 'Fase',
  'evaluation.col.group': 'Groep',
  'evaluation.col.round': 'Meting',
  'evaluation.col.moment': 'Voor/na',
  'evaluation.col.respondents': 'Respondenten',
  'evaluation.col.rate': 'Respons',
  'evaluation.hidden': 'verborgen (minder dan {min})',
  'evaluation.updated':
    'Bijgewerkt op {at}. Score: gemiddelde van de stellingen, omgedraaid waar lager beter is.',
  'evaluation.chartTitle': 'Score per locatie, voor en na de invoering',
  'evaluation.tabWritten': 'Het tabblad Evaluatie is bijgewerkt.',
  'privacy.reason.answers': 'antwoorden op vragenlijsten van gesloten metingen verwijderd',
  'privacy.role.respondent': 'jouw antwoord op een vragenlijst (zonder naam)',
  // ---- Closing evaluation and first goals (issue 14, goals) ----
  'closing.invalid.notObject':
    'Ongeldige invoer: de evaluatie geeft per doel een tekst en een uitkomst, en eventueel afspraken.',
  'closing.invalid.unknownField': 'Ongeldige invoer in de evaluatie: onbekend veld {field}.',
  'closing.invalid.unknownGoal': 'Het doel "{goal}" hoort niet bij de huidige doelen van deze collega.',
  'closing.invalid.twice': 'Het doel "{goal}" staat twee keer in de evaluatie.',
  'closing.invalid.badStatus': 'Kies bij het doel "{goal}": bereikt, deels bereikt of niet bereikt.',
  'closing.invalid.tooLong': 'Er staat te veel tekst bij "{field}" (hoogstens {max} tekens).',
  'closing.field.remark': 'opmerking bij een doel',
  'closing.field.agreements': 'afspraken voor na het inwerken',
  'closing.evaluated': 'De evaluatie van de doelen is bewaard.',
  'summary.evaluation': 'Evaluatie bij de afronding',
  'summary.outcome': 'uitkomst',
  'summary.remark': 'opmerking',
  'summary.closingAgreements': 'Afspraken bij de afronding',
  'checkin.firstGoalsMissing':
    'Let op: dit was de eerste check-in en er zijn nog geen doelen vastgelegd. Leg één tot drie doelen vast bij de volgende check-in, of geef aan dat er nog geen doelen zijn ("nog geen doelen").',
  'checkin.invalid.noGoals': 'Ongeldige invoer: "nog geen doelen" is ja of nee.',
  // ---- Archive of finished onboardings (issue 19) ----
  'log.archived': 'Afgerond inwerken gearchiveerd',
} as const;

export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;

// Core names keys without importing this layer: its `MessageCatalogue` is filled in here, so
// every key a UserError or `ctx.t` names is checked against the Dutch catalogue by the compiler.
declare module '../../core/errors' {
  interface MessageCatalogue extends Messages {}
}

const en: Messages = {
  'app.name': 'Wegwijs',
  'menu.openSidebar': 'Open sidebar',
  'menu.setup': 'Set up sheet',
  'menu.automationOn': 'Turn automatic sending on',
  'menu.automationOff': 'Turn automatic sending off',
  'menu.about': 'About Wegwijs',
  'error.unexpected':
    'Something went wrong in Wegwijs (code {code}). Please try again; if it keeps failing, report this code.',
  'error.busy': 'The sheet is busy with another action. Please try again in a few seconds.',
  'error.noUser':
    'Wegwijs cannot see who you are. Sign in with your school account and open the sidebar again.',
  'error.unknownUser':
    'You are not set up in Wegwijs as a school leader or chief buddy. Ask the school leader for access.',
  'error.leaderOnly': 'Only the school leader may do this.',
  'error.managersOnly': 'Only the school leader or a chief buddy may do this.',
  'error.otherLocation': 'You are not the chief buddy of location {location}.',
  'error.plain': '{message}',
  'permission.missing':
    'Wegwijs does not have your permission "{permission}" ({scope}), so this cannot be done. Open Wegwijs again from the Extensions menu; Google then asks for permission: tick "{permission}". If Google no longer asks, remove Wegwijs\' access at myaccount.google.com/permissions and open Wegwijs again.',
  'permission.identity': 'See your primary Google Account email address',
  'permission.sheet': 'View and manage spreadsheets that this application has been installed in',
  'permission.ui':
    'Display and run third-party web content in prompts and sidebars inside Google applications',
  'permission.mail': 'Send email as you',
  'permission.triggers': 'Allow this application to run when you are not present',
  'arg.notBoolean': 'Invalid input: {field} must be yes or no.',
  'arg.notList': 'Invalid input: {field} must be a list.',
  'arg.notObject': 'Invalid input: {field} must be an object.',
  'arg.unknownField': 'Invalid input: unknown field {field}.',
  'arg.notText': 'Invalid input: {field} must be text.',
  'arg.tooLong': 'Invalid input: {field} is too long (at most {max} characters).',
  'arg.notEmail': 'Invalid input: {field} is not a valid email address.',
  'arg.notDate': 'Invalid input: {field} is not a date (yyyy-mm-dd).',
  'arg.notObjectAt': 'Invalid input: {field} number {index} is not a pairing.',
  'field.newcomer': 'newcomer',
  'field.buddy': 'buddy',
  'field.location': 'location',
  'field.reason': 'reason',
  'field.email': 'email address',
  'field.date': 'date',
  'field.planned': 'planned date',
  'field.activity': 'activity',
  'field.done': 'done',
  'field.automaticSending': 'automatic sending',
  'field.pairs': 'pairings',
  'schema.missingTab': 'The tab "{tab}" is missing. Choose Wegwijs > Set up sheet to create it.',
  'schema.missingColumn': 'The tab "{tab}" has no column "{column}". Nothing was changed.',
  'schema.duplicateColumn': 'The tab "{tab}" has the column "{column}" twice. Nothing was changed.',
  'cell.notADate': 'is not a valid date (use dd-mm-yyyy)',
  'cell.notANumber': 'is not a number',
  'cell.notAChoice': 'is not an allowed value',
  'cell.notAnEmail': 'is not an email address (or more than one)',
  'cell.notACount': 'is not a whole number of 0 or more',
  'cell.empty': 'is empty',
  'setup.done': 'Sheet set up. {summary}',
  'setup.nothing': 'The sheet was already fully set up; nothing was changed.',
  'setup.createdTabs': 'New tabs: {tabs}.',
  'setup.addedColumns': 'Added columns: {columns}.',
  'setup.addedRows': 'Default content: {rows}.',
  'setup.leaderAdded': 'You were set as school leader.',
  'setup.noLeader':
    'No readable school leader in the {tab} tab ("{setting}"). Only the very first setup makes its user school leader. Enter the school leader’s email address there, then choose Set up sheet again.',
  'setup.schoolYearWithoutHolidays':
    'School year {year} has no school holidays in "Days off" yet. Please add them.',
  'about.title': 'About Wegwijs',
  'about.version': 'Version',
  'about.scopes': 'Granted permissions',
  'about.missingScopes': 'Missing permissions',
  'about.timeZones': 'Time zone sheet / script',
  'about.mailQuota': 'Mails left today',
  'about.trigger': 'Automatic sending',
  'about.runtime': 'Runtime supports what Wegwijs uses',
  'about.ok': 'OK',
  'about.problem': 'attention',
  'about.yes': 'on',
  'about.no': 'off',
  'log.setup': 'Sheet set up',
  'log.automationOn': 'Automatic sending turned on',
  'log.automationOff': 'Automatic sending turned off',
  'log.scheduledRun': 'Scheduled jobs ran',
  'automation.on': 'Automatic sending is on (hourly).',
  'automation.off': 'Automatic sending is off. Turn it on from the Wegwijs menu.',
  'automation.missing':
    'Automatic sending was on, but the trigger is missing. Turn it on again from the menu.',
  'automation.noPermission':
    'Automatic sending is not possible: Wegwijs lacks the permission "Allow this application to run when you are not present" (script.scriptapp). Open Wegwijs again from the menu and tick that permission.',
  'automation.stale': 'Automatic sending is on, but has not run since {since}. Check the trigger.',
  'automation.owner': 'Automatic mail goes out in the name of {owner}.',
  'automation.offReadOnly':
    'Automatic sending is off, for the whole school. Only the school leader can turn it on: {leaders}.',
  'automation.brokenReadOnly':
    'Automatic sending is not working now: no automatic mail goes out. Only the school leader can fix this: {leaders}.',
  'automation.aLeader': 'the school leader',
  'week.about':
    'Wegwijs helps new colleagues find their way with a buddy, an onboarding schedule, a welcome packet and check-ins; the school leader and the chief buddies work with it.',
  'week.askLeader': 'Should you be in it? Ask the school leader.',
  'week.askChief': 'Questions about onboarding? Ask {name}, chief buddy of {location}.',
  'sidebar.usePageBuddy':
    'You follow your new colleagues on Mijn Wegwijs: there you tick off the onboarding schedule and record check-ins. You do not need this sheet for that.',
  'sidebar.usePageNewcomer':
    'Your onboarding schedule, your buddy and your check-ins are on Mijn Wegwijs. You do not need this sheet for that.',
  'sidebar.noPageUrl': 'Your chief buddy can give you the address of Mijn Wegwijs.',
  'checkin.invalid.missingMany': 'Still to fill in: {fields}.',
  'checkin.invalid.beforePrevious': 'The {field} is before the previous held check-in ({previous}).',
  'checkin.closeBeforeStart': 'The onboarding can be closed from the start date ({date}) on.',
  'checkin.closeNoSchedule': 'The onboarding cannot be closed: {name} has no onboarding schedule yet.',
  'checkin.closedPacketDropped': 'The welcome packet had not been sent and will not go out now.',
  'schedule.notYet': 'This line is for {date}: you can tick it off from that day on.',
  'pairing.chiefIsYou': 'that is you: you would be both buddy and chief buddy of this colleague',
  'pairing.chiefIsBuddy': 'the location’s chief buddy: would be both buddy and chief buddy',
  'automation.failing':
    'Automatic sending is on, but has been failing since {since} ({count} times in a row): {reason} No automatic mail goes out until this is fixed.',
  'automation.noSheet':
    'Automatic sending could not open the sheet in the run of {at}: nothing went out. What to do: install Wegwijs in the sheet itself (README, "Installing"), then turn automatic sending off and on again.',
  'error.scheduledOnly':
    'The scheduled jobs run only from the trigger of the person who turned automatic sending on. Nothing was done.',
  'error.ownerNotLeader':
    'Whoever turned automatic sending on is no longer among the school leaders in Settings. A school leader needs to turn it on again.',
  'log.runFailed': 'Scheduled run failed',
  'runFailure.subject': 'Wegwijs: automatic sending is failing',
  'runFailure.body':
    'The scheduled run of Wegwijs has failed since {since} ({count} times in a row), so no automatic mail goes out.\nReason: {reason}\nOpen the sheet and look at Extensions > Wegwijs > About Wegwijs. You get this mail only once; as soon as a run succeeds again, the problem is solved.',
  'about.requiredScopes': 'Required permissions',
  'about.triggerOwner': 'Trigger and owner',
  'about.triggerMine': 'present, owned by {owner} (you)',
  'about.triggerOther': 'owned by {owner} (only the owner can see the trigger)',
  'about.triggerGone': 'missing for {owner}',
  'about.triggerNone': 'none: automatic sending is off',
  'about.lastRun': 'Last scheduled run',
  'about.lastRunNone': 'none yet',
  'about.lastRunValue': '{at}, {seconds} s, sheet {sheet}, {sent} mail(s) sent: {summary}',
  'about.sheetSeen': 'opened',
  'about.sheetNotSeen': 'not opened',
  'about.runTimeToday': 'Trigger time today',
  'about.runTimeTodayValue':
    '{seconds} s in {runs} run(s) (limit: 90 min a day for consumer accounts, 6 h for Workspace)',
  'about.sendWindow': 'Sending window',
  'about.sendWindowValue': '{window} on school days',
  'reason.experience': '{years} years of experience in special education',
  'reason.affinity': 'affinity with coaching',
  'reason.sameRole': 'same job title ({role})',
  'reason.sameSubject': 'same subject ({subject})',
  'reason.sameLocation': 'same location',
  'reason.room': 'has room: {load} of {capacity}',
  'reason.recentBuddy': 'was buddy recently ({last})',
  'reason.otherLocation': 'works at {location}',
  'reason.endedBefore': 'was the buddy before (ended: {reason})',
  'excl.noEmail': 'no email address',
  'excl.isNewcomer': 'is the newcomer',
  'excl.leaving': 'is leaving',
  'excl.notActive': 'is not active yet ({status})',
  'excl.otherLocation': 'works at another location ({location})',
  'excl.notWilling': 'cannot or will not be a buddy',
  'excl.absent': 'absent until {until}',
  'excl.currentBuddy': 'is already the buddy',
  'excl.atCapacity': 'is full: {load} of {capacity}',
  'excl.tooNewAtSchool': 'has worked {years} years at this school (buddy rule: at least {min})',
  'excl.tooLittleVso': 'has {years} years of experience in special education (buddy rule: at least {min})',
  'excl.noAffinity': 'has not indicated affinity with coaching (buddy rule)',
  'pairing.ruleNeedsConfirm':
    'This colleague does not meet the buddy rule: {rule}. Confirm that you want to pair anyway; the exception is recorded in Pairings.',
  'pairing.ruleException': 'exception confirmed: {rule}',
  'unassigned.noEligibleBuddy': 'nobody can be a buddy',
  'unassigned.allTaken': 'all {candidates} possible buddies are needed elsewhere',
  'pairing.unknownNewcomer': 'This newcomer is not in the Staff tab.',
  'pairing.unreadablePair': 'Pairing {index}: the {field}’s email address cannot be read; it was skipped.',
  'unassigned.unreadableEmail': 'the email address cannot be read ({tab}, row {row})',
  'pairing.unknownBuddy': 'This buddy is not in the Staff tab.',
  'pairing.notNewcomer': 'This colleague is not a newcomer (status is not "nieuw").',
  'pairing.alreadyPaired': 'This newcomer already has a buddy. End that pairing first.',
  'pairing.notEligible': 'This colleague cannot be a buddy: {reason}.',
  'pairing.noActivePair': 'This newcomer has no active pairing.',
  'pairing.reasonRequired': 'Give a reason for ending the pairing.',
  'pairing.unknownLocation': 'Location "{location}" is not in the Locations tab.',
  'pairing.tooMany': 'Too many pairings at once (at most {max}).',
  'pairing.assigned': '{newcomer} is paired with {buddy}.',
  'pairing.already': '{newcomer} was already paired with {buddy}.',
  'pairing.ended': 'The pairing of {name} has ended.',
  'pairing.applied': '{count} pairing(s) made.',
  'pairing.rejectedSome': '{count} not made.',
  'pairing.mailSent': 'The buddy has been emailed.',
  'pairing.mailQueued': 'The email to the buddy goes out with the next automatic run.',
  'pairing.mailFailed': 'The email to the buddy failed; see the Buddy mail column.',
  'pairing.mailSkipped': 'The email to the buddy cannot go out yet: {reason}.',
  'log.paired': 'Buddy paired',
  'log.pairEnded': 'Pairing ended',
  'log.pairsApplied': 'Pairing proposal applied',
  'mail.invalidAddress': 'invalid email address',
  'mail.recipientLeft': 'the recipient has left',
  'mail.buddyLeft.subject': 'The buddy of {newcomer} has left',
  'mail.buddyLeft.body':
    '{buddy} has left (as of {date}) and is still the buddy of {newcomer} ({location}). End that pairing in Wegwijs and choose a new buddy. You will get this message only once.',
  'mail.templateMissing': 'message "{kind}" is missing from the Messages tab',
  'mail.templateError': 'the message has an error: {errors}',
  'mail.unknownPlaceholder': 'unknown field {{{name}}}',
  'mail.missingValue': 'no value for {{{name}}}',
  'mail.footer': 'Sent with Wegwijs, the tool your school uses to welcome new colleagues.',
  'schedule.warn.noStartDate': 'There is no valid start date, so no schedule was made.',
  'schedule.warn.noTemplate': 'There are no schedule templates for {location}.',
  'schedule.warn.templateRowIncomplete':
    'A template row of {location} is incomplete and was skipped (week {week}, {day}, "{activity}").',
  'schedule.warn.startMoved':
    'The start date, {from}, is a day off{description}; the schedule starts on {to}.',
  'schedule.warn.weekSkipped':
    'The week of {monday} is off ({description}); the schedule continues after it.',
  'schedule.warn.holidaysMissing':
    'School year {schoolYear} has no school holidays in "Days off" yet. Please add them, or activities may fall in a holiday.',
  'schedule.warn.noBuddy': 'There is no buddy yet: the buddy lines are filled in after pairing.',
  'schedule.warn.noChiefBuddy': 'Location {location} has no chief buddy yet.',
  'schedule.warn.noSchoolLeader': 'No school leader is set yet.',
  'schedule.warn.noIb': 'No internal coach (IB-er) is present on {date} for "{activity}".',
  'schedule.warn.noBackup': 'No backup was found on {date} for "{activity}".',
  'schedule.warn.noShadowHost':
    'There is no colleague left to shadow on {date} (at most {max} times a week per colleague).',
  'schedule.warn.colleagueAbsent': '{name} is absent on {date} ("{activity}"); check this line.',
  'schedule.warn.hostFallback':
    'No {hostKind} is available on {date} for "{activity}"; another colleague was chosen.',
  'schedule.movedDayOff': 'moved from {from} ({description})',
  'schedule.movedBeforeStart': 'moved from {from} (before the start)',
  'schedule.empty': 'No schedule could be made. {reasons}',
  'schedule.saved': 'The schedule of {name} is saved: {added} new, {changed} changed, {removed} removed.',
  'schedule.generated': '{count} schedule(s) made.',
  'schedule.noSuchItem': 'This line is no longer in the schedule. Refresh the sidebar.',
  'schedule.markedDone': 'Ticked off.',
  'schedule.markedOpen': 'Reopened.',
  'schedule.none': 'This newcomer has no schedule yet.',
  'error.notYourNewcomer': 'You are not the buddy of this newcomer.',
  'log.scheduleSaved': 'Schedule saved',
  'log.schedulesGenerated': 'Schedules made',
  'welcome.noStartDate': 'no valid start date',
  'welcome.noWhoToAsk': 'the "Who to ask" list for {location} is empty',
  'packet.exampleText':
    'These parts of the welcome packet still have the example text: {sections}. Change them in the Welcome packet tab.',
  'welcome.noChiefBuddy': 'location {location} has no chief buddy',
  'welcome.openLine': 'the onboarding schedule still has an open place: {line}',
  'welcome.startedLongAgo': 'already started on {date}',
  'welcome.cannotSend': 'The welcome packet cannot go out: {reason}.',
  'welcome.noQuota': 'Today’s mail quota is used up. Please try again tomorrow.',
  'welcome.testFailed': 'The test mail could not be sent: {reason}',
  'welcome.testSent': 'Test mail sent to {to}. The packet itself is not marked as sent.',
  'welcome.alreadySent': 'The welcome packet was already sent ({at}); it is never sent twice.',
  'welcome.unknownState':
    'It is not certain whether this welcome packet arrived. Please check; then set "gepland" in the Welcome packet column to send it again.',
  'welcome.sent': 'The welcome packet was sent.',
  'welcome.queued': 'The mail quota is used up; the welcome packet goes out with the next automatic run.',
  'welcome.failed': 'The welcome packet was not sent: {state}',
  'welcome.erasedBefore':
    'this person was erased on {date} (GDPR) and added again later; the packet goes out only when a school leader clicks Send now',
  'log.welcomeSent': 'Welcome packet sent by hand',
  'checkin.signalNiet':
    'At the check-in of {date} there was no click with the buddy. Consider another buddy.',
  'checkin.signalTwijfel':
    'Twice there was doubt about the click with the buddy (most recently on {date}). Consider another buddy.',
  'checkin.field.held': 'date of the check-in',
  'checkin.field.phase': 'phase (4D)',
  'checkin.field.competencies': 'competencies',
  'checkin.field.wellbeing': 'wellbeing',
  'checkin.field.click': 'click',
  'checkin.field.agreements': 'doen (agreements)',
  'checkin.field.notes': 'notes',
  'checkin.field.reason': 'reason',
  'checkin.field.input': 'check-in',
  'checkin.invalid.notObject': 'Invalid input: {field} is missing.',
  'checkin.invalid.unknownField': 'Invalid input: unknown field {field}.',
  'checkin.invalid.missing': 'Please fill in "{field}".',
  'checkin.invalid.notDate': 'Invalid input: {field} is not a date.',
  'checkin.invalid.future': 'The {field} is in the future.',
  'checkin.invalid.beforeStart': 'The {field} is before the start date ({start}).',
  'checkin.invalid.notPhase':
    'Choose a phase: ontdekken, dromen, ontwerpen or doen (or discovery, dream, design, delivery).',
  'checkin.invalid.notList': 'Invalid input: {field} must be a list.',
  'checkin.invalid.notCompetency':
    'Unknown competence "{value}". Choose from the seven competences of the NJI profile.',
  'checkin.invalid.notWellbeing': 'Wellbeing is a whole number from 1 to 5.',
  'checkin.invalid.notClick': 'Choose how the click is: goed, twijfel or niet.',
  'checkin.invalid.notText': 'Invalid input: {field} must be text.',
  'checkin.invalid.tooLong': 'There is too much text in "{field}" (at most {max} characters).',
  'checkin.recorded': 'Check-in recorded.',
  'checkin.skipped': 'Check-in recorded as skipped.',
  'checkin.noSuchPlanned': 'There is no open check-in planned on {date}.',
  'checkin.notAllHeld': 'Not all check-ins have been held or skipped yet ({count} open).',
  'checkin.notInOnboarding': 'This colleague is not (or no longer) being onboarded.',
  'checkin.closed': 'The onboarding of {name} is complete.',
  'log.checkInRecorded': 'Check-in recorded',
  'log.checkInSkipped': 'Check-in skipped',
  'log.onboardingClosed': 'Onboarding closed',
  'overview.total': 'Total',
  'overview.mail.welcome': 'the welcome packet',
  'overview.mail.buddyMail': 'the buddy mail',
  'overview.mail.reminder': 'the check-in reminder',
  'overview.mail.lateNotice': 'the late check-in notice',
  'overview.mail.chiefNotice': 'the alert to the chief buddy',
  'overview.reasonNiet': 'no click',
  'overview.reasonTwijfel': 'twice in doubt',
  'overview.why.left': 'has left',
  'overview.why.notFound': 'is not in Staff',
  'overview.why.absent': 'is absent until {until}',
  'attention.noBuddy': '{name} has no buddy yet (starts on {startDate}).',
  'attention.buddyUnavailable': 'The buddy of {name} ({buddy}) {why}.',
  'attention.repairSignal': '{name}: {reason} with buddy {buddy}; consider another buddy.',
  'attention.checkInLate': 'The check-in of {name}, planned on {planned}, is {daysLate} days late.',
  'attention.welcomeNotSent': 'The welcome packet of {name} has not been sent yet (starts on {startDate}).',
  'attention.mailFailed': 'Sending {mail} for {name} failed: {reason}',
  'attention.mailUnknown': 'It is not certain whether {mail} for {name} arrived (since {since}).',
  'attention.unknownLocation': '{name} is at location "{location}", which is not in Locations.',
  'overview.col.location': 'Location',
  'overview.col.newcomers': 'Newcomers in onboarding',
  'overview.col.withoutBuddy': 'Without buddy',
  'overview.col.soonWithoutWelcome': 'Starting within 2 weeks without welcome packet',
  'overview.col.schedule': 'Schedule done (%)',
  'overview.col.held': 'Check-ins held',
  'overview.col.due': 'Check-ins open',
  'overview.col.late': 'Check-ins late',
  'overview.col.wellbeing': 'Avg. wellbeing',
  'overview.col.buddyLoad': 'Buddy load',
  'overview.col.mails': 'Mails failed or unknown',
  'overview.updated': 'Updated on {at} by Wegwijs. This tab is rewritten in full every time.',
  'overview.chartTitle': 'Check-ins held and late per location',
  'overview.attentionHeading': 'What needs attention:',
  'overview.nothingNeedsAttention': 'Nothing needs attention now.',
  'overview.line':
    '{location}: {newcomers} in onboarding, {withoutBuddy} without buddy; schedule {schedule}% done; check-ins {held} held, {due} open, {late} late; {mails} mails failed or unknown.',
  'privacy.reason.notes': 'check-in notes, agreements and reasons cleared',
  'privacy.reason.pairReason': 'reason of an ended pairing cleared',
  'privacy.reason.records': 'onboarding records of staff who left removed',
  'privacy.reason.log': 'old log rows removed',
  'privacy.undated':
    '{count} staff member(s) who left without "Left on": their records cannot be dated. Please fill in the date.',
  'privacy.nothing': 'nothing',
  'privacy.purged': 'Retention applied: {count} row(s) removed or cleared.',
  'privacy.nothingToPurge': 'Nothing was past its retention term.',
  'privacy.role.self': 'about you',
  'privacy.role.newcomer': 'you as newcomer',
  'privacy.role.buddy': 'you as buddy',
  'privacy.role.chefbuddy': 'you as chief buddy',
  'privacy.role.colleague': 'you as colleague in a schedule',
  'privacy.role.author': 'recorded by you',
  'privacy.role.user': 'your actions in Wegwijs',
  'privacy.role.leader': 'you as school leader',
  'privacy.mail.welcome': 'welcome packet',
  'privacy.mail.buddy': 'mail about your pairing as buddy',
  'privacy.mail.reminder': 'check-in reminder',
  'privacy.mail.late': 'notice: check-in late',
  'privacy.exportNote':
    'Other staff are not named. Notes about this person are included; check them for other people’s data before handing them over. The sheet’s version history is outside this export.',
  'privacy.notYourself': 'You cannot erase yourself. Ask another school leader.',
  'privacy.erased': 'The person was erased from every tab and stored state of Wegwijs.',
  'privacy.nothingToErase': 'Wegwijs holds nothing (more) about this person.',
  'privacy.erasedCounts': '{removed} removed, {anonymised} anonymised',
  'log.retentionApplied': 'Retention applied',
  'log.personExported': 'Personal data requested',
  'log.personErased': 'Person erased (GDPR)',
  'sidebar.settingProblem':
    'The setting "{setting}" has a value Wegwijs does not understand; the default applies.',
  'sidebar.noChiefBuddy': 'Location {location} has no chief buddy yet (Locaties tab).',
  'sidebar.rowProblem': '{tab}, row {row}: {column} {problem}. Wegwijs skips this value until it is fixed.',
  'sidebar.rowProblemsMore': 'And {count} more cells that Wegwijs cannot read.',
  'sidebar.duplicate.staff':
    '{tab}: rows {rows} have the same email address. Wegwijs uses only row {first} and mails or pairs this person once; remove the duplicate row.',
  'sidebar.duplicate.pairings':
    '{tab}: rows {rows} are the same pairing or two active pairings of one newcomer. Only row {first} counts; remove the others.',
  'sidebar.duplicate.checkIns':
    '{tab}: rows {rows} are the same check-in. Only row {first} counts and gets reminders; remove the others.',
  'sidebar.buddyLeft': 'Buddy {buddy} has left; {newcomer} needs a new buddy ({tab} tab, row {row}).',
  'sidebar.roleSettingProblem':
    'The setting "{setting}" holds something that is not an email address ("{value}"); that part makes nobody school leader. Enter email addresses, separated by commas.',
  'sidebar.noLeaders':
    'No school leader is set ({tab} tab, setting "{setting}"). Enter the school leader’s email address there.',
  'sidebar.unknownHelp':
    'Is your email address in the Locations tab (chief buddy) or among the school leaders in Settings? Ask the school leader to add you.',
  // ---- Mijn Wegwijs (the web page) ----
  'page.noSpreadsheet':
    'Mijn Wegwijs does not know yet which sheet to open. Ask the school leader to choose Extensions › Wegwijs › Set up sheet in the sheet.',
  'page.noUser':
    'Welcome to Mijn Wegwijs. We do not know who you are: open this page with your school account. Does that not work? Ask your buddy or your location’s chief buddy.',
  'page.unknown':
    'Welcome to Mijn Wegwijs. There is nothing here (yet) for your school account. New here, or a buddy? Ask your location’s chief buddy to add you.',
  'page.nothingYet':
    'Welcome to Mijn Wegwijs. You are not a buddy and not in onboarding now, so there is nothing here for you.',
  'page.useSidebar':
    'Welcome to Mijn Wegwijs. As school leader or chief buddy you work in the staff sheet, through Extensions › Wegwijs.',
  'page.sidebarOnly':
    'This function works only in the staff sheet (Extensions › Wegwijs), not on Mijn Wegwijs.',
  'page.onlyOwnCheckIn': 'Only the newcomer themself can respond to their check-in.',
  'page.noSuchCheckIn': 'There is no held check-in on {date}.',
  'page.invalidResponse':
    'Give your response like this: confirm the agreements or write a remark (at most 1000 characters), choose your click (goed, twijfel or niet) and your wellbeing (1 to 5).',
  'page.responded': 'Thank you, your response was saved.',
  // ---- Check-ins as the protocol coaches (issue 14) ----
  'checkin.field.steps': 'steps (4D)',
  'checkin.field.levels': 'competences (level)',
  'checkin.field.goals': 'goals',
  'checkin.field.worries': 'worries, bottlenecks or uncertainties',
  'checkin.invalid.notSteps': 'Invalid input: {field} gives a text per step.',
  'checkin.invalid.notStep':
    'Unknown step "{value}". The steps are ontdekken, dromen, ontwerpen and doen (or discovery, dream, design, delivery).',
  'checkin.invalid.notLevel':
    'Choose a level for "{competence}": oriënterend, op weg or zelfstandig (1 to 3).',
  'checkin.invalid.twice': 'The competence "{competence}" is there twice.',
  'checkin.invalid.tooManyGoals': 'Choose at most {max} goals.',
  'checkin.invalid.notGoal':
    'Goal {index} has no description. Give each goal a text, with a start and an end point.',
  'checkin.invalid.notGoalStatus': 'Choose for goal {index}: op koers, bereikt or bijgesteld.',
  'checkin.invalid.notLevels':
    'Give your own view like this: per competence of the NJI profile a level (oriënterend, op weg or zelfstandig).',
  'mail.klik.subject': 'Click signal for {newcomer}: {reason}',
  'mail.klik.body':
    'Dear {chief},\n\nAt the check-in of {date} between {newcomer} and buddy {buddy} the signal is: {reason}. A conversation may help, or another buddy.\n{where}\n\nYou get this message once per check-in. The check-in notes are not in it.',
  'mail.klik.where':
    'You find {newcomer} in the Wegwijs sidebar (Extensions › Wegwijs › Newcomers) in the staff sheet: {url}',
  'mail.klik.whereNoLink': 'You find {newcomer} in the Wegwijs sidebar (Extensions › Wegwijs › Newcomers).',
  'attention.worries': '{name} reported worries at the check-in of {date}.',
  'summary.title': 'Competence file: onboarding of {name}',
  'summary.intro': 'Onboarding at location {location}, started on {start}, completed on {date}.',
  'summary.goals': 'Goals and how they ended',
  'summary.noGoals': 'No goals were recorded.',
  'summary.from': 'start point',
  'summary.to': 'end point',
  'summary.competences': 'Competences (NJI profile) with the last level',
  'summary.noLevels': 'No levels were recorded.',
  'summary.agreements': 'Agreements for after the onboarding',
  'summary.noAgreements': 'No agreements were recorded.',
  'summary.footer': 'Put together by Wegwijs from the check-ins. Check-in notes are never in it.',
  'summary.notClosed': 'The summary for your competence file is there once your onboarding is complete.',
  'summary.onlyOwn': 'Only the colleague themself can download their own summary.',
  'summary.ready':
    'Your onboarding is complete. Download the summary for your competence file here: your goals, your competences and the agreements for after.',
  'summary.closedNote': 'The summary for the competence file is ready for {name} on Mijn Wegwijs.',
  'report.newcomers': 'Newcomers in onboarding: {n}',
  'report.checkIns': 'Check-ins: {held} held, {skipped} skipped, {open} still open',
  'report.goals': 'Goals: {reached} achieved, {onTrack} on track, {adjusted} adjusted',
  'report.levels': 'Competences discussed with a level: {n} times',
  'report.signals': 'Click signals: {klik}; check-ins with worries reported: {worries}',
  'report.wellbeing': 'Average wellbeing: {value} (of {people} colleagues)',
  'report.noWellbeing': 'Wellbeing: not shown (fewer than {min} colleagues)',
  'report.subject': 'Monthly onboarding report {location}, {month}',
  'report.intro': 'The onboarding at location {location} in {month}, from the chief buddy:',
  'report.remark': 'Remark of the chief buddy: {remark}',
  'report.noRemark': 'The chief buddy added no remark.',
  'report.invalidRemark': 'Give a remark of at most {max} characters, and whether the report may go.',
  'report.notOpen': 'The monthly report is ready from {date}.',
  'report.alreadySent': 'This monthly report has already been sent to the school leader.',
  'report.chiefOnly': 'Only the location’s chief buddy writes the monthly report.',
  // week, round 2 (issue 17): pairing makes the schedule at once.
  'pairing.scheduleRefused':
    'Not paired: at this school pairing makes the schedule at once, and the schedule of {name} cannot be made. {reason} Nothing was saved.',
  'placeholder.buddy': 'buddy not paired yet',
  'placeholder.chiefBuddy': 'chief buddy not set yet',
  'placeholder.schoolLeader': 'school leader not set yet',
  'placeholder.ib': 'internal counsellor (IB) still to choose',
  'placeholder.backup': 'backup colleague still to choose',
  'placeholder.shadowHost': 'colleague to shadow still to choose',
  // ---- Pilot and evaluation (issue 15) ----
  'field.phase': 'phase',
  'field.confirmed': 'confirmation',
  'field.round': 'round',
  'field.closes': 'closing date',
  'phase.notYet':
    'Nothing goes out by itself at {location}: the location is in phase "nog niet" (not yet; school leader, Pilot tab). Set the phase to pilot or introduced to start.',
  'phase.unreadable':
    'Nothing goes out by itself at {location}: its phase in Locations cannot be read (choose nog niet, pilot or ingevoerd).',
  'phase.unknown': 'Choose a phase: nog niet (not yet), pilot or ingevoerd (introduced).',
  'phase.confirm': 'Confirm first that you want to change the phase.',
  'phase.changed': '{location} is now in phase {phase}.',
  'phase.unchanged': '{location} was already in phase {phase}; nothing changed.',
  'log.phaseChanged': 'Phase of a location changed',
  'log.roundStarted': 'Round started',
  'log.evaluationTab': 'Evaluation tab updated',
  'survey.invalidRound':
    'For a round choose: the kind (all staff or after onboarding), one or more locations, the groups (new, experienced or both) and a closing date.',
  'survey.closesInPast': 'The closing date is in the past. Choose today or later.',
  'survey.weeksAfter': 'For "after onboarding" choose a number of weeks from 1 to {max}.',
  'survey.noQuestions':
    'The {tab} tab has no usable questions for these groups. Fill in the questionnaire first.',
  'survey.started':
    'Round {id} has started and closes on {closes}. The invitations go out with the next scheduled run.',
  'survey.noPageUrl': 'there is no address of Mijn Wegwijs yet to put in the invitation',
  'survey.notInvited': 'This questionnaire is not open to you.',
  'survey.unknownRound': 'This round does not exist (any more).',
  'survey.closed': 'This round closed on {date}; answers are no longer accepted.',
  'survey.invalidAnswers':
    'Your answers do not fit the questionnaire: give a statement a score from 1 to 5 and keep open answers under 1000 characters. Nothing was saved.',
  'survey.thanks': 'Thank you, your answers are saved. Your name is not with them.',
  'survey.updated': 'Your answers are updated. Your name is not with them.',
  'mail.survey.subject': 'Questionnaire about onboarding: will you take part?',
  'mail.survey.body':
    'Dear {name},\n\nWe want to know how onboarding at our school goes, from new and from experienced colleagues. Will you fill in the short questionnaire? Your answers are stored without your name or email address.\n\nThe questionnaire is on Mijn Wegwijs: {url}\nYou can answer until {closes}.\n\nThank you!',
  'mail.survey.reminderSubject': 'Reminder: questionnaire about onboarding',
  'mail.survey.reminderBody':
    'Dear {name},\n\nThe questionnaire about onboarding closes on {closes}. Do you have a moment? It is on Mijn Wegwijs: {url}\nYour answers are stored without your name or email address.\n\nThank you!',
  'evaluation.notAllowed':
    'The evaluation is for the school leader only (and for chief buddies when the school leader allows it).',
  'evaluation.col.location': 'Location',
  'evaluation.col.before': 'Score before (1–5)',
  'evaluation.col.after': 'Score after (1–5)',
  'evaluation.col.phase': 'Phase',
  'evaluation.col.group': 'Group',
  'evaluation.col.round': 'Round',
  'evaluation.col.moment': 'Before/after',
  'evaluation.col.respondents': 'Respondents',
  'evaluation.col.rate': 'Response',
  'evaluation.hidden': 'hidden (fewer than {min})',
  'evaluation.updated': 'Updated on {at}. Score: mean of the statements, turned where lower is better.',
  'evaluation.chartTitle': 'Score per location, before and after introduction',
  'evaluation.tabWritten': 'The Evaluation tab is updated.',
  'privacy.reason.answers': 'questionnaire answers of closed rounds removed',
  'privacy.role.respondent': 'your answer to a questionnaire (without name)',
  // ---- Closing evaluation and first goals (issue 14, goals) ----
  'closing.invalid.notObject':
    'Invalid input: the evaluation gives a text and an outcome per goal, and optionally agreements.',
  'closing.invalid.unknownField': 'Invalid input in the evaluation: unknown field {field}.',
  'closing.invalid.unknownGoal': 'The goal "{goal}" is not one of this colleague\'s current goals.',
  'closing.invalid.twice': 'The goal "{goal}" is in the evaluation twice.',
  'closing.invalid.badStatus': 'Choose for the goal "{goal}": achieved, partly achieved or not achieved.',
  'closing.invalid.tooLong': 'There is too much text in "{field}" (at most {max} characters).',
  'closing.field.remark': 'remark on a goal',
  'closing.field.agreements': 'agreements for after the onboarding',
  'closing.evaluated': 'The evaluation of the goals is saved.',
  'summary.evaluation': 'Evaluation at closing',
  'summary.outcome': 'outcome',
  'summary.remark': 'remark',
  'summary.closingAgreements': 'Agreements at closing',
  'checkin.firstGoalsMissing':
    'Note: this was the first check-in and no goals are recorded yet. Record one to three goals at the next check-in, or say there are no goals yet ("nog geen doelen").',
  'checkin.invalid.noGoals': 'Invalid input: "no goals yet" is yes or no.',
  // ---- Archive of finished onboardings (issue 19) ----
  'log.archived': 'Finished onboarding archived',
};

export type { Language } from '../../shared/language';
export { languageOf } from '../../shared/language';

/** Whether a text is a key of the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  // Not Object.hasOwn: Apps Script's V8 lacks it (tests/build/v8.test.ts; biome.json turns off the rule that suggests it).
  return Object.prototype.hasOwnProperty.call(catalogue('nl', key), key);
}

/**
 * Parameters whose value is itself a code, read as the text of a key under a prefix:
 * `{ field: 'field' }` turns `field: 'buddy'` into the text of `field.buddy`.
 */
export type Labels = Readonly<Record<string, string>>;

/**
 * The one way a coded message (`{key, params}`, from a UserError or a core result) becomes text:
 * `{name}` placeholders filled; a day or moment among the values reads as a long date ("maandag
 * 11 januari 2027"), as dates do inside sentences; a parameter named in `labels` reads as its
 * label (see `label`).
 */
export function translate(
  language: Language,
  key: MessageKey,
  params: MessageParams = {},
  labels: Labels = {},
): string {
  const inSentence: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const prefix = labels[name];
    inSentence[name] =
      prefix === undefined ? sentenceValue(value, language) : label(language, prefix, value, params);
  }
  return fill(catalogue(language, key)[key] ?? key, inSentence);
}

/**
 * The text of the key `<prefix>.<value>` (its own placeholders filled from `params`), or the value
 * as written when the catalogue has no such key (a field name the user typed, say).
 */
export function label(
  language: Language,
  prefix: string,
  value: string | number,
  params: MessageParams = {},
): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? translate(language, key, params) : String(value);
}

/**
 * In the source (and the tests) every text is above. The built Code.js keeps only the Dutch texts
 * the menu needs (`INLINE_PREFIXES`: `onOpen` may run before anything else can be read) and reads
 * the rest from a project file per language (`TEXT_FILES` in gas/htmlFiles.ts, written by
 * `scripts/build.ts`, every key of `nl` and `en`, so keys added here follow by themselves) the
 * first time a call needs one: Apps Script parses Code.js on every call, and most calls need no
 * text at all. The server's composition root says how to read a file.
 */
const TEXTS_IN_FILES = false;

/** Keys whose Dutch texts the build keeps in Code.js. */
export const INLINE_PREFIXES: readonly string[] = ['app.', 'menu.'];

let textSource: ((language: Language) => Messages) | null = null;
const fromFiles: Partial<Record<Language, Messages>> = {};

/** Tells the catalogue how to read a language's texts when the build left them out of Code.js. */
export function readTextsWith(load: (language: Language) => Messages): void {
  textSource = load;
}

function fromFile(language: Language): Messages {
  let texts = fromFiles[language];
  if (!texts) {
    if (!textSource) throw new Error('The texts were built out of Code.js and no reader was given.');
    texts = textSource(language);
    fromFiles[language] = texts;
  }
  return texts;
}

/** The catalogue that holds `key` in `language`: the one in Code.js when it has it, else the file. */
function catalogue(language: Language, key: string): Messages {
  if (language === 'en') return en ?? fromFile('en');
  return !TEXTS_IN_FILES || Object.prototype.hasOwnProperty.call(nl, key) ? nl : fromFile('nl');
}

/** Both catalogues, for the copy test (tests/shared/copy.test.ts). */
export const CATALOGUES: Readonly<Record<Language, Messages>> = { nl, en };
