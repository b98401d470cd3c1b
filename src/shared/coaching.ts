/**
 * The coaching model of the protocol, as the study names it: the four steps of the 4D model of
 * Appreciative Inquiry with their prompts, the seven competences of the NJI profile for the
 * special-education teacher with indicators as help, the short level scale, and the review of a
 * goal. Shared by the server's rules (`core/checkins.ts`) and both UIs, so a name is spelled once.
 */
import { fill } from './language';

/** The four steps, in the order of the conversation. `doen` holds the agreements. */
export const STEPS = ['ontdekken', 'dromen', 'ontwerpen', 'doen'] as const;
export type Step = (typeof STEPS)[number];

/**
 * What each step is also called: the study's English words ("discovery, dream, design,
 * delivery"), the classic fourth D and the Dutch variants.
 */
export const STEP_ALIASES: Readonly<Record<Step, readonly string[]>> = {
  ontdekken: ['discovery', 'discover', 'ontdek'],
  dromen: ['dream', 'droom'],
  ontwerpen: ['design', 'ontwerp'],
  doen: ['delivery', 'destiny', 'deliver', 'realiseren', 'afspraken', 'agreements'],
};

/** The prompt of each step (issue 14), Dutch and English. */
export const STEP_PROMPTS: Readonly<Record<Step, { nl: string; en: string }>> = {
  ontdekken: {
    nl: 'Wat gaat al goed? Waar ben je trots op?',
    en: 'What already goes well? What are you proud of?',
  },
  dromen: {
    nl: 'Waar wil je over een paar weken staan?',
    en: 'Where do you want to be in a few weeks?',
  },
  ontwerpen: {
    nl: 'Hoe pak je dat aan? Wat heb je nodig?',
    en: 'How will you go about it? What do you need?',
  },
  doen: {
    nl: 'Wat ga je doen vóór de volgende check-in? (de afspraken)',
    en: 'What will you do before the next check-in? (the agreements)',
  },
};

/** One competence of the NJI profile: its exact name, a short label, and what to look at. */
export interface Competence {
  /** Exactly as the profile (appendix 1 of the study) names it. */
  readonly name: string;
  /** Short label for lists and cells; also accepted as input. */
  readonly short: string;
  readonly en: string;
  /** Two to four indicators from the profile, as help text. */
  readonly indicators: { readonly nl: readonly string[]; readonly en: readonly string[] };
}

/** The seven competences, in the profile's order. */
export const COMPETENCES: readonly Competence[] = [
  {
    name: 'interpersoonlijk competent in de omgang met leerlingen',
    short: 'interpersoonlijk',
    en: 'interpersonal',
    indicators: {
      nl: [
        'communiceert op een niveau dat aansluit bij de vaardigheden van de leerling',
        'maakt en onderhoudt contact met iedere leerling in de groep',
        'leest non-verbale signalen en voorkomt zo escalaties',
        'maakt omgangsregels helder en grijpt consequent in als ze overtreden worden',
      ],
      en: [
        "communicates at a level that fits the pupil's skills",
        'makes and keeps contact with every pupil in the group',
        'reads non-verbal signals and so prevents escalations',
        'makes rules of conduct clear and acts consistently when they are broken',
      ],
    },
  },
  {
    name: 'orthopedagogisch competent in de omgang met leerlingen',
    short: 'orthopedagogisch',
    en: 'special-needs pedagogy',
    indicators: {
      nl: [
        'verzamelt uit diverse bronnen informatie over de leerling en diens omgeving',
        'heeft een goed beeld van het sociale klimaat in de groep en het welbevinden van iedere leerling',
        'schat combinaties van leerlingen goed in en anticipeert daarop',
        'stemt het pedagogisch handelen af op de behoefte aan veiligheid, houvast en regelmaat',
      ],
      en: [
        'gathers information about the pupil and their surroundings from several sources',
        'has a good picture of the social climate of the group and of each pupil’s wellbeing',
        'judges combinations of pupils well and anticipates them',
        'tunes the pedagogical approach to the need for safety, hold and regularity',
      ],
    },
  },
  {
    name: 'orthodidactisch competent in de omgang met leerlingen',
    short: 'orthodidactisch',
    en: 'special-needs didactics',
    indicators: {
      nl: [
        'heeft een goed beeld van leerniveau, leerbehoeften en leerstijlen van alle leerlingen',
        'bereidt werk voor zodat iedere leerling op het eigen niveau kan werken',
        'bevordert de zelfstandigheid van de leerlingen',
        'stemt het didactisch handelen af op de leermogelijkheden van de individuele leerling',
      ],
      en: [
        'has a good picture of the level, needs and learning styles of all pupils',
        'prepares work so that every pupil can work at their own level',
        'encourages the pupils’ independence',
        'tunes the teaching to the learning possibilities of the individual pupil',
      ],
    },
  },
  {
    name: 'organisatorisch competent',
    short: 'organisatorisch',
    en: 'organisational',
    indicators: {
      nl: [
        'richt het klaslokaal veilig, voorspelbaar en doelmatig in',
        'bereidt de dag zorgvuldig voor',
        'stemt werkzaamheden en planning af op die van andere betrokkenen',
        'gaat adequaat met tijd en middelen om',
      ],
      en: [
        'arranges the classroom in a safe, predictable and efficient way',
        'prepares the day carefully',
        'tunes work and planning to those of others involved',
        'uses time and means adequately',
      ],
    },
  },
  {
    name: 'competent in samenwerking met collega’s',
    short: 'samenwerking collega’s',
    en: 'working with colleagues',
    indicators: {
      nl: [
        'vraagt en accepteert ondersteuning van collega’s en biedt die ook',
        'draagt informatie die voor de voortgang van belang is over aan collega’s',
        'geeft en vraagt feedback aan collega’s',
        'geeft en ontvangt collegiale consultatie en doet actief mee aan intervisie',
      ],
      en: [
        'asks for and accepts support from colleagues, and offers it',
        'passes on to colleagues the information that matters for the work',
        'gives and asks feedback to and from colleagues',
        'gives and receives peer consultation and takes part in peer review',
      ],
    },
  },
  {
    name: 'competent in samenwerking met de omgeving',
    short: 'samenwerking omgeving',
    en: 'working with the environment',
    indicators: {
      nl: [
        'stelt in samenwerking met anderen het belang van de leerling voorop',
        'zoekt actief contact met ouders en andere belanghebbenden',
        'kan ouders het gedrag van hun kind in de onderwijssituatie uitleggen',
        'maakt duidelijke afspraken met ouders',
      ],
      en: [
        'puts the interest of the pupil first when working with others',
        'actively seeks contact with parents and other stakeholders',
        'can explain to parents how their child behaves at school',
        'makes clear agreements with parents',
      ],
    },
  },
  {
    name: 'competent in reflectie en ontwikkeling',
    short: 'reflectie en ontwikkeling',
    en: 'reflection and development',
    indicators: {
      nl: [
        'werkt planmatig aan de ontwikkeling van de eigen bekwaamheid',
        'kijkt kritisch naar werksituaties en scherpt daarmee de eigen aanpak aan',
        'weet wat gedrag van leerlingen of collega’s teweegbrengt en gaat daar constructief mee om',
        'neemt deel aan supervisie en intervisie',
      ],
      en: [
        'works on their own competence according to a plan',
        'looks critically at work situations and sharpens their approach with them',
        'knows what behaviour of pupils or colleagues stirs up in them and deals with it constructively',
        'takes part in supervision and peer review',
      ],
    },
  },
];

/** The level scale, from 1 to 3. */
export const LEVELS = ['oriënterend', 'op weg', 'zelfstandig'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_EN: Readonly<Record<Level, string>> = {
  oriënterend: 'orienting',
  'op weg': 'on the way',
  zelfstandig: 'independent',
};

/** How a goal stands at a check-in. */
export const GOAL_STATUSES = ['op koers', 'bereikt', 'bijgesteld'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_EN: Readonly<Record<GoalStatus, string>> = {
  'op koers': 'on track',
  bereikt: 'achieved',
  bijgesteld: 'adjusted',
};

/** Goals per newcomer, set in the first check-in. */
export const MAX_GOALS = 3;

/** The texts of the coaching parts of both UIs (sidebar and Mijn Wegwijs), Dutch first. */
const nl = {
  steps: 'Het gesprek in vier stappen (4D)',
  'step.ontdekken': 'Ontdekken',
  'step.dromen': 'Dromen',
  'step.ontwerpen': 'Ontwerpen',
  'step.doen': 'Doen (afspraken)',
  required: 'verplicht',
  worries: 'Zorgen, knelpunten of onzekerheden (als die er zijn)',
  worriesHint: 'De chef buddy ziet alleen dát er zorgen zijn gemeld, niet wat er staat.',
  competences: 'Besproken competenties (NJI-profiel) en het niveau',
  notDiscussed: 'niet besproken',
  lookAt: 'Waar let je op?',
  goals: 'Doelen van het inwerken',
  goalsFirst:
    'Begin met het einde voor ogen: kies een tot drie doelen, met waar je nu staat en waar je aan het eind van het inwerken wilt staan.',
  goalsReview: 'Hoe staan de doelen ervoor?',
  goal: 'Doel {n}',
  goalText: 'Doel',
  goalStart: 'Beginpunt',
  goalEnd: 'Eindpunt',
  goalStatus: 'Stand',
  addGoal: 'Doel toevoegen',
  removeGoal: 'Doel weghalen',
  noGoals: 'Nog geen doelen gekozen.',
  growth: 'Groei per competentie',
  growthNone: 'Nog geen niveaus vastgelegd.',
  growthLabel: 'Groei van {competence}: {levels}',
  ownView: 'eigen beeld',
  buddyView: 'buddy',
  olderPhase: 'fase {phase} (eerdere vastlegging)',
  worriesShown: 'Zorgen: {text}',
  ownLevels: 'Jouw eigen beeld van de competenties (als je wilt)',
  summary: 'Samenvatting voor je bekwaamheidsdossier (PDF)',
  summaryHint: 'Doelen, competenties met het laatste niveau en de afspraken voor daarna; nooit notities.',
  // ---- First check-in sets the goals (issue 14, goals) ----
  goalsExpected: 'Verwacht bij de eerste check-in',
  noGoalsYet: 'Nog geen doelen',
  goalsNeeded: 'Dit is de eerste check-in: vul één tot drie doelen in, of vink "Nog geen doelen" aan.',
} as const;

export type CoachingTextKey = keyof typeof nl;

const en: Record<CoachingTextKey, string> = {
  steps: 'The conversation in four steps (4D)',
  'step.ontdekken': 'Discovery',
  'step.dromen': 'Dream',
  'step.ontwerpen': 'Design',
  'step.doen': 'Delivery (agreements)',
  required: 'required',
  worries: 'Worries, bottlenecks or uncertainties (if any)',
  worriesHint: 'The chief buddy only sees that worries were reported, not what they are.',
  competences: 'Competences discussed (NJI profile) and their level',
  notDiscussed: 'not discussed',
  lookAt: 'What to look at?',
  goals: 'Onboarding goals',
  goalsFirst:
    'Begin with the end in mind: choose one to three goals, with where you stand now and where you want to be at the end of the onboarding.',
  goalsReview: 'How do the goals stand?',
  goal: 'Goal {n}',
  goalText: 'Goal',
  goalStart: 'Start point',
  goalEnd: 'End point',
  goalStatus: 'Status',
  addGoal: 'Add a goal',
  removeGoal: 'Remove goal',
  noGoals: 'No goals chosen yet.',
  growth: 'Growth per competence',
  growthNone: 'No levels recorded yet.',
  growthLabel: 'Growth of {competence}: {levels}',
  ownView: 'own view',
  buddyView: 'buddy',
  olderPhase: 'phase {phase} (earlier record)',
  worriesShown: 'Worries: {text}',
  ownLevels: 'Your own view of the competences (if you like)',
  summary: 'Summary for your competence file (PDF)',
  summaryHint: 'Goals, competences with their last level and the agreements for after; never notes.',
  // ---- First check-in sets the goals (issue 14, goals) ----
  goalsExpected: 'Expected at the first check-in',
  noGoalsYet: 'No goals yet',
  goalsNeeded: 'This is the first check-in: fill in one to three goals, or tick "No goals yet".',
};

export const COACHING_TEXTS: Readonly<Record<'nl' | 'en', Record<CoachingTextKey, string>>> = { nl, en };

/** A coaching text with `{name}` placeholders filled. */
export function coachingText(
  language: 'nl' | 'en',
  key: CoachingTextKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  // One language per built page (WEGWIJS_LANGUAGE, as in sidebar/texts.ts); both in the source
  // and in Code.js.
  return fill(
    ((typeof WEGWIJS_LANGUAGE === 'string' ? WEGWIJS_LANGUAGE : language) === 'en' ? en : nl)[key],
    params,
  );
}

/** A competence's label in the UI: the short label (Dutch) or its English label. */
export function competenceLabel(language: 'nl' | 'en', competence: string): string {
  const c = COMPETENCES.find((x) => x.name === competence);
  return c ? (language === 'en' ? c.en : c.short) : competence;
}

/** A level's label. */
export function levelLabel(language: 'nl' | 'en', level: string): string {
  return language === 'en' && (LEVELS as readonly string[]).includes(level)
    ? LEVEL_EN[level as Level]
    : level;
}

/** A goal status's label. */
export function goalStatusLabel(language: 'nl' | 'en', status: string): string {
  return language === 'en' && (GOAL_STATUSES as readonly string[]).includes(status)
    ? GOAL_STATUS_EN[status as GoalStatus]
    : status;
}
