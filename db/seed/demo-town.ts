import { homeTown } from "~/domain/geo/town";
import type { ListingInput } from "~/domain/listings/commands.server";
import { expandSchedule, type ScheduleInput } from "~/domain/listings/schedule";
import type { AccessibilityFeature, CefrLevel, OpeningHours, WelcomeFeature } from "~/domain/listings/vocabulary";

/**
 * Demo town: Utrecht, the Netherlands. Neighbourhoods and streets are real; every
 * organisation, club, business and person is fictional and marked "(demo)".
 * Dates are relative to the day of seeding, so the demo never looks stale.
 */
export const demoTown = homeTown;

interface Area {
  name: string;
  postcode: string;
  lat: number;
  lng: number;
}

export const demoAreas: Record<string, Area> = {
  kanaleneiland: { name: "Kanaleneiland", postcode: "3527", lat: 52.0735, lng: 5.0968 },
  overvecht: { name: "Overvecht", postcode: "3563", lat: 52.1166, lng: 5.1108 },
  lombok: { name: "Lombok", postcode: "3531", lat: 52.0924, lng: 5.1046 },
  zuilen: { name: "Zuilen", postcode: "3553", lat: 52.1087, lng: 5.0972 },
  binnenstad: { name: "Binnenstad", postcode: "3511", lat: 52.0907, lng: 5.1214 },
  hoograven: { name: "Hoograven", postcode: "3525", lat: 52.0748, lng: 5.1272 },
  leidscheRijn: { name: "Leidsche Rijn", postcode: "3543", lat: 52.1003, lng: 5.0626 },
  oost: { name: "Oost", postcode: "3572", lat: 52.0931, lng: 5.1363 },
  lunetten: { name: "Lunetten", postcode: "3523", lat: 52.0661, lng: 5.1392 },
  ondiep: { name: "Ondiep", postcode: "3552", lat: 52.104, lng: 5.102 },
  vleuten: { name: "Vleuten", postcode: "3451", lat: 52.1056, lng: 5.011 },
  wittevrouwen: { name: "Wittevrouwen", postcode: "3581", lat: 52.0965, lng: 5.133 },
};

const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const DAY = 86_400_000;

function localDate(reference: Date, addDays: number): string {
  return new Date(reference.getTime() + addDays * DAY).toISOString().slice(0, 10);
}

/** A weekly (or every-n-weeks) rule that started in September and goes on. */
function weekly(day: number, time: string, minutes: number, interval = 1): ScheduleInput {
  // 2026-08-31 is a Monday.
  const start = new Date(Date.UTC(2026, 7, 31 + day)).toISOString().slice(0, 10);
  const rule = `FREQ=WEEKLY;${interval > 1 ? `INTERVAL=${interval};` : ""}BYDAY=${WEEKDAY_CODES[day]}`;
  return { startsAt: `${start}T${time}`, durationMinutes: minutes, rrule: rule, exdates: [] };
}

function monthly(nth: number, day: number, time: string, minutes: number): ScheduleInput {
  return {
    startsAt: `2026-09-01T${time}`,
    durationMinutes: minutes,
    rrule: `FREQ=MONTHLY;BYDAY=+${nth}${WEEKDAY_CODES[day]}`,
    exdates: [],
  };
}

/** Cancels the n-th upcoming meeting (0 = the next one), as an organiser would. */
function cancelUpcoming(schedule: ScheduleInput, reference: Date, ...which: number[]): ScheduleInput {
  const upcoming = expandSchedule(schedule, demoTown.timezone, reference, new Date(reference.getTime() + 120 * DAY));
  const exdates = which.map((n) => upcoming[n]?.local).filter((d): d is string => Boolean(d));
  return { ...schedule, exdates };
}

function once(reference: Date, inDays: number, time: string, minutes: number): ScheduleInput {
  return { startsAt: `${localDate(reference, inDays)}T${time}`, durationMinutes: minutes, rrule: null, exdates: [] };
}

/** A short series: n meetings, every `every` days, starting in `inDays`. */
function series(reference: Date, inDays: number, time: string, minutes: number, count: number): ScheduleInput {
  return {
    startsAt: `${localDate(reference, inDays)}T${time}`,
    durationMinutes: minutes,
    rrule: `FREQ=WEEKLY;COUNT=${count}`,
    exdates: [],
  };
}

const levels = (...list: CefrLevel[]) => list;
const levelMask = (list: CefrLevel[]) =>
  list.reduce((mask, level) => mask | (1 << ["preA1", "A1", "A2", "B1", "B2", "C1"].indexOf(level)), 0);

interface DemoEntry {
  slug: string;
  kind: "club" | "business" | "event";
  area: keyof typeof demoAreas;
  /** Small offsets (in 1/1000 degree) so pins in one area do not sit on top of each other. */
  offset: [number, number];
  title: string;
  summary: string;
  description: string;
  firstVisit?: string;
  lang?: string;
  venue: string;
  street: string;
  practice?: string[];
  helpers?: string[];
  levels?: CefrLevel[];
  format?: ListingInput["clubFormat"];
  category?: ListingInput["businessCategory"];
  welcome?: WelcomeFeature[];
  hours?: OpeningHours[];
  topic?: string;
  capacity?: number;
  costCents?: number;
  costNote?: string;
  access?: AccessibilityFeature[];
  childcare?: boolean;
  womenOnly?: boolean;
  dropIn?: boolean;
  schedules?: (reference: Date) => ScheduleInput[];
  website?: string;
  email?: string;
  phone?: string;
}

const weekdays9to17: OpeningHours[] = [0, 1, 2, 3, 4].map((day) => ({ day, opens: "09:00", closes: "17:00" }));
const shopHours: OpeningHours[] = [0, 1, 2, 3, 4, 5].map((day) => ({ day, opens: "08:30", closes: "18:00" }));

const entries: DemoEntry[] = [
  // Conversation clubs
  {
    slug: "taalcafe-kanaleneiland", kind: "club", area: "kanaleneiland", offset: [0, 0],
    title: "Taalcafé Kanaleneiland (demo)",
    summary: "Elke dinsdagavond Nederlands praten bij koffie en thee. Beginners zijn welkom.",
    description: "We praten in kleine groepjes over gewone dingen: boodschappen, werk, het weer. Vrijwilligers spreken langzaam.",
    firstVisit: "Loop gewoon binnen. Een vrijwilliger ontvangt je bij de deur en zoekt een groepje voor je. Koffie en thee zijn gratis.",
    venue: "Buurthuis De Demo", street: "Marshallaan 2", practice: ["nl"], helpers: ["ar", "en", "ti"],
    levels: levels("preA1", "A1", "A2"), format: "cafe", dropIn: true, access: ["stepFree", "accessibleToilet"],
    schedules: (r) => [cancelUpcoming(weekly(1, "19:00", 120), r, 1)],
  },
  {
    slug: "taalcafe-kanaleneiland-ochtend", kind: "club", area: "kanaleneiland", offset: [2, 3],
    title: "Ochtendtaalcafé met kinderopvang (demo)",
    summary: "Nederlands oefenen op donderdagochtend. Je kinderen spelen in de kamer ernaast.",
    description: "Voor ouders met jonge kinderen. Er is opvang door vrijwilligers. We oefenen zinnen voor school en de dokter.",
    firstVisit: "Neem je kinderen mee. Je hoeft je niet aan te melden.",
    venue: "Buurthuis De Demo", street: "Marshallaan 2", practice: ["nl"], helpers: ["ar", "so"],
    levels: levels("preA1", "A1"), format: "cafe", dropIn: true, childcare: true, access: ["stepFree"],
    schedules: () => [weekly(3, "09:30", 90)],
  },
  {
    slug: "wandelclub-overvecht", kind: "club", area: "overvecht", offset: [3, -2],
    title: "Wandelen en praten in Overvecht (demo)",
    summary: "Samen wandelen in het Gagelbos en Nederlands oefenen. Voor alle niveaus.",
    description: "We lopen een uur in een rustig tempo. Onderweg praten we Nederlands.",
    firstVisit: "We verzamelen bij de ingang van het Gagelbos. Trek schoenen aan waarop je goed kunt lopen.",
    venue: "Ingang Gagelbos", street: "Gageldijk 1", practice: ["nl"], helpers: ["ar", "en"],
    levels: levels("A1", "A2", "B1"), format: "walk", dropIn: true,
    schedules: () => [weekly(5, "10:00", 60)],
  },
  {
    slug: "taalcafe-overvecht-bibliotheek", kind: "club", area: "overvecht", offset: [-2, 1],
    title: "Taalcafé in de bibliotheek Overvecht (demo)",
    summary: "Op woensdagmiddag oefenen met vrijwilligers. Ook voor mensen die nog niet lezen.",
    description: "We gebruiken plaatjes en voorwerpen. Je hoeft niet te kunnen lezen of schrijven.",
    firstVisit: "Vraag bij de balie naar het taalcafé.",
    venue: "Demo-bibliotheek Overvecht", street: "Roerdomplaan 101", practice: ["nl"], helpers: ["tr", "ar"],
    levels: levels("preA1", "A1"), format: "cafe", dropIn: true, access: ["stepFree", "accessibleToilet", "hearingLoop"],
    schedules: () => [weekly(2, "14:00", 90)],
  },
  {
    slug: "kookclub-lombok", kind: "club", area: "lombok", offset: [0, 0],
    title: "Kookclub Lombok (demo)",
    summary: "Samen koken, samen eten, samen Nederlands spreken. Elke twee weken op donderdag.",
    description: "Iedereen neemt een recept mee. We koken samen en leren de woorden van de keuken.",
    firstVisit: "Meld je even aan via e-mail, zodat we genoeg eten kopen. Een bijdrage van 2 euro voor de boodschappen.",
    venue: "Wijkcentrum Demo Lombok", street: "Kanaalstraat 100", practice: ["nl"], helpers: ["ar", "fa"],
    levels: levels("A1", "A2", "B1"), format: "cooking", costCents: 200, costNote: "Bijdrage voor de boodschappen",
    childcare: true, email: "kookclub@example.org",
    schedules: (r) => [cancelUpcoming(weekly(3, "17:30", 150, 2), r, 0)],
  },
  {
    slug: "engels-nederlands-uitwisseling", kind: "club", area: "lombok", offset: [2, 2], lang: "en",
    title: "Dutch–English language exchange (demo)",
    summary: "Half an hour in Dutch, half an hour in English. Meet locals and newcomers.",
    description: "Pairs switch languages every half hour. Good for B1 and up who want to talk more.",
    firstVisit: "Just come in and ask for the language exchange table.",
    venue: "Café De Demo", street: "Kanaalstraat 60", practice: ["nl", "en"], helpers: ["en"],
    levels: levels("B1", "B2", "C1"), format: "cafe", dropIn: true,
    schedules: () => [weekly(1, "20:00", 90)],
  },
  {
    slug: "naaiatelier-zuilen", kind: "club", area: "zuilen", offset: [0, 0],
    title: "Naaiatelier voor vrouwen, Zuilen (demo)",
    summary: "Naaien en Nederlands praten. Alleen voor vrouwen. Naaimachines zijn er.",
    description: "Een rustige plek voor vrouwen. Je hoeft geen Nederlands te kunnen om te beginnen.",
    firstVisit: "Je kunt gewoon komen. Stof en garen zijn er.",
    venue: "Buurtkamer Demo Zuilen", street: "Amsterdamsestraatweg 500", practice: ["nl"], helpers: ["ar", "ti", "fa"],
    levels: levels("preA1", "A1", "A2"), format: "sewing", womenOnly: true, dropIn: true, childcare: true, access: ["stepFree", "quietSpace"],
    schedules: () => [weekly(0, "13:30", 120)],
  },
  {
    slug: "voetbal-en-taal-zuilen", kind: "club", area: "zuilen", offset: [3, -3],
    title: "Voetbal en taal (demo)",
    summary: "Eerst een half uur Nederlandse woorden, dan voetballen. Voor jongeren van 16 tot 25.",
    description: "Een training met een coach die langzaam praat. Daarna drinken we samen iets.",
    venue: "Sportpark Demo", street: "Prinses Margrietstraat 1", practice: ["nl"], helpers: ["en", "ar"],
    levels: levels("A1", "A2", "B1"), format: "sports",
    schedules: () => [weekly(4, "16:00", 90)],
  },
  {
    slug: "taalmaatjes-binnenstad", kind: "club", area: "binnenstad", offset: [1, 1],
    title: "Taalmaatjes-ochtend (demo)",
    summary: "Oefen met een vast taalmaatje. Elke zaterdagochtend in de bibliotheek.",
    description: "Je praat met dezelfde vrijwilliger. Zo leer je elkaar kennen.",
    firstVisit: "Je eerste keer praat je met de coördinator over wat je wilt leren.",
    venue: "Demo-bibliotheek Neude", street: "Neude 11", practice: ["nl"], helpers: ["en", "uk", "ar"],
    levels: levels("A2", "B1", "B2"), format: "cafe", access: ["stepFree", "accessibleToilet", "hearingLoop"],
    schedules: () => [weekly(5, "10:30", 90)],
  },
  {
    slug: "oekraiens-nederlands-cafe", kind: "club", area: "binnenstad", offset: [-2, 2], lang: "uk",
    title: "Розмовний клуб нідерландської (demo)",
    summary: "Нідерландська для початківців. Волонтери говорять українською.",
    description: "Ми говоримо простою нідерландською. Якщо щось незрозуміло, пояснюємо українською.",
    venue: "Demo-huiskamer Oudegracht", street: "Oudegracht 200", practice: ["nl"], helpers: ["uk", "en"],
    levels: levels("preA1", "A1", "A2"), format: "cafe", dropIn: true,
    schedules: () => [weekly(0, "18:30", 90)],
  },
  {
    slug: "spelletjesavond-hoograven", kind: "club", area: "hoograven", offset: [0, 0],
    title: "Spelletjesavond in het Nederlands (demo)",
    summary: "Bordspellen spelen en Nederlands praten. Op de tweede dinsdag van de maand.",
    description: "Spellen zijn een makkelijke manier om woorden te leren. We lachen veel.",
    venue: "Buurthuis Demo Hoograven", street: "Hoograven 200", practice: ["nl"], helpers: ["en", "pl"],
    levels: levels("A1", "A2", "B1"), format: "games", dropIn: true,
    schedules: () => [monthly(2, 1, "19:30", 150)],
  },
  {
    slug: "taalcafe-hoograven-middag", kind: "club", area: "hoograven", offset: [2, -2],
    title: "Taalcafé Hoograven (demo)",
    summary: "Vrijdagmiddag Nederlands praten. Rustig tempo, kleine groepen.",
    description: "We beginnen met een kort gesprek over de week.",
    venue: "Buurthuis Demo Hoograven", street: "Hoograven 200", practice: ["nl"], helpers: ["ar", "tr"],
    levels: levels("A1", "A2"), format: "cafe", dropIn: true, access: ["stepFree"],
    schedules: () => [weekly(4, "13:30", 90)],
  },
  {
    slug: "moestuin-leidsche-rijn", kind: "club", area: "leidscheRijn", offset: [0, 0],
    title: "Moestuinclub Leidsche Rijn (demo)",
    summary: "Groenten kweken en Nederlands praten in de buurttuin.",
    description: "We werken samen in de tuin. Je leert woorden over planten en het weer.",
    venue: "Buurttuin Demo", street: "Grauwaartsingel 1", practice: ["nl"], helpers: ["fa", "ar"],
    levels: levels("preA1", "A1", "A2", "B1"), format: "other", dropIn: true,
    schedules: () => [weekly(2, "10:00", 120)],
  },
  {
    slug: "online-taalcafe", kind: "club", area: "binnenstad", offset: [3, -1],
    title: "Online taalcafé (demo)",
    summary: "Nederlands praten via video, vanuit huis. Elke maandagavond.",
    description: "Je krijgt een link per e-mail. Je camera mag uit.",
    venue: "Online", street: "Online", practice: ["nl"], helpers: ["en", "ar", "uk"],
    levels: levels("A2", "B1"), format: "online", email: "online@example.org",
    schedules: () => [weekly(0, "20:00", 60)],
  },
  {
    slug: "taalcafe-oost-universiteit", kind: "club", area: "oost", offset: [0, 0],
    title: "Taalcafé met studenten (demo)",
    summary: "Studenten oefenen met je. Woensdagavond in Oost.",
    description: "Praat over studie en werk in Nederland. Voor wie al wat Nederlands spreekt.",
    venue: "Studentenhuis Demo", street: "Biltstraat 100", practice: ["nl"], helpers: ["en", "es", "fr"],
    levels: levels("A2", "B1", "B2"), format: "cafe", dropIn: true,
    schedules: () => [weekly(2, "19:30", 90)],
  },
  {
    slug: "fietsles-lunetten", kind: "club", area: "lunetten", offset: [0, 0],
    title: "Fietsles en taal voor vrouwen (demo)",
    summary: "Leren fietsen en verkeerswoorden leren. Alleen voor vrouwen.",
    description: "Fietsen en helmen zijn er. We oefenen op een rustig plein.",
    venue: "Plein Demo Lunetten", street: "Hondsrug 1", practice: ["nl"], helpers: ["ar", "ti", "so"],
    levels: levels("preA1", "A1", "A2"), format: "sports", womenOnly: true, childcare: true,
    schedules: (r) => [series(r, 3, "10:00", 90, 8)],
  },
  {
    slug: "taalcafe-ondiep", kind: "club", area: "ondiep", offset: [0, 0],
    title: "Taalcafé Ondiep (demo)",
    summary: "Dinsdagochtend praten en oefenen. Voor beginners.",
    description: "We oefenen korte gesprekken: jezelf voorstellen, de weg vragen.",
    firstVisit: "Kom binnen en ga zitten. We beginnen om half tien.",
    venue: "Buurtcentrum Demo Ondiep", street: "Ondiep-Zuidzijde 6", practice: ["nl"], helpers: ["ar", "pl"],
    levels: levels("preA1", "A1"), format: "cafe", dropIn: true, access: ["stepFree"],
    schedules: () => [weekly(1, "09:30", 90)],
  },
  {
    slug: "leesclub-wittevrouwen", kind: "club", area: "wittevrouwen", offset: [0, 0],
    title: "Makkelijk-lezen-club (demo)",
    summary: "Samen een makkelijk boek lezen en erover praten. Donderdagavond.",
    description: "We lezen boeken in eenvoudig Nederlands. Iedereen leest om de beurt een stukje voor.",
    venue: "Demo-boekhandel", street: "Nachtegaalstraat 20", practice: ["nl"], helpers: ["en"],
    levels: levels("A2", "B1"), format: "cafe",
    schedules: () => [weekly(3, "19:30", 90)],
  },
  {
    slug: "taalcafe-vleuten", kind: "club", area: "vleuten", offset: [0, 0],
    title: "Taalcafé Vleuten (demo)",
    summary: "Dinsdagavond Nederlands praten in het dorpshuis.",
    description: "Een kleine groep. Iedereen kent elkaar snel.",
    venue: "Dorpshuis Demo", street: "Dorpsstraat 1", practice: ["nl"], helpers: ["ar", "ti"],
    levels: levels("A1", "A2", "B1"), format: "cafe", dropIn: true,
    schedules: () => [weekly(1, "19:30", 90)],
  },
  {
    slug: "arabisch-leren-voor-buren", kind: "club", area: "kanaleneiland", offset: [-3, 2], lang: "ar",
    title: "نادي المحادثة العربية الهولندية (demo)",
    summary: "يتعلم الجيران العربية وتتعلم أنت الهولندية. كل سبت.",
    description: "نتحدث نصف الوقت بالعربية ونصفه بالهولندية.",
    venue: "Buurthuis De Demo", street: "Marshallaan 2", practice: ["nl", "ar"], helpers: ["ar"],
    levels: levels("A1", "A2", "B1", "B2"), format: "cafe", dropIn: true,
    schedules: () => [weekly(5, "14:00", 90)],
  },
  {
    slug: "theater-en-taal", kind: "club", area: "binnenstad", offset: [-1, -3],
    title: "Theater en taal (demo)",
    summary: "Toneelspelen om Nederlands te leren. Op maandagmiddag.",
    description: "We spelen korte scènes uit het dagelijks leven: bij de bakker, bij de huisarts.",
    venue: "Demo-theater", street: "Lange Nieuwstraat 10", practice: ["nl"], helpers: ["en", "fa"],
    levels: levels("A2", "B1"), format: "other", costCents: 300, access: ["stepFree", "hearingLoop"],
    schedules: () => [weekly(0, "14:00", 120)],
  },
  {
    slug: "schaakclub-overvecht", kind: "club", area: "overvecht", offset: [4, 4],
    title: "Schaken en praten (demo)",
    summary: "Schaken met buren. Tussendoor Nederlands praten. Zondagmiddag.",
    description: "Alle niveaus, ook als je net begint met schaken.",
    venue: "Wijkcentrum Demo Overvecht", street: "Neckardreef 1", practice: ["nl"], helpers: ["uk", "ar"],
    levels: levels("A1", "A2", "B1", "B2"), format: "games", dropIn: true, access: ["quietSpace"],
    schedules: () => [weekly(6, "14:00", 120)],
  },
  // Welcoming businesses
  {
    slug: "bakkerij-de-zon", kind: "business", area: "binnenstad", offset: [-4, 3],
    title: "Bakkerij De Zon (demo)",
    summary: "Het personeel spreekt langzaam en eenvoudig Nederlands. Gratis water en wifi.",
    description: "Een bakkerij waar je rustig mag oefenen met bestellen. Op zaterdag is er een stageplek.",
    venue: "Bakkerij De Zon", street: "Twijnstraat 20", category: "shop",
    welcome: ["simpleLanguage", "internships", "freeWater", "freeWifi"], helpers: ["en"],
    hours: shopHours, access: ["stepFree"],
  },
  {
    slug: "kapper-hoograven", kind: "business", area: "hoograven", offset: [-2, 3],
    title: "Kapsalon Samen Mooi (demo)",
    summary: "Kapper waar je Nederlands kunt oefenen. Medewerkers spreken ook Tigrinya en Arabisch.",
    description: "Korting voor nieuwkomers op dinsdag.",
    venue: "Kapsalon Samen Mooi", street: "Hoograven 10", category: "hairdresser",
    welcome: ["simpleLanguage", "helperLanguages", "discount"], helpers: ["ti", "ar"],
    hours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: "09:00", closes: "18:00" })),
  },
  {
    slug: "koffiehuis-lombok", kind: "business", area: "lombok", offset: [-3, -1],
    title: "Koffiehuis Welkom (demo)",
    summary: "Koffie voor 1 euro voor nieuwkomers. Gratis wifi en een toilet.",
    description: "Je mag hier zitten om te leren of te bellen. Niemand stuurt je weg.",
    venue: "Koffiehuis Welkom", street: "Kanaalstraat 30", category: "cafe",
    welcome: ["discount", "freeToilet", "freeWifi", "simpleLanguage"], helpers: ["ar", "tr"],
    hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: "08:00", closes: "20:00" })), access: ["stepFree", "accessibleToilet"],
  },
  {
    slug: "fietsenmaker-zuilen", kind: "business", area: "zuilen", offset: [-3, 1],
    title: "Fietsenmaker Trapkracht (demo)",
    summary: "Fietsenmaker met stageplekken en vrijwilligerswerk voor nieuwkomers.",
    description: "Leer fietsen repareren en praat Nederlands in de werkplaats.",
    venue: "Fietsenmaker Trapkracht", street: "Amsterdamsestraatweg 400", category: "employer",
    welcome: ["internships", "volunteering", "simpleLanguage"], helpers: ["en", "ar"],
    hours: shopHours,
  },
  {
    slug: "supermarkt-overvecht", kind: "business", area: "overvecht", offset: [1, 4],
    title: "Buurtsuper Overvecht (demo)",
    summary: "Kleine supermarkt. Personeel spreekt Nederlands, Arabisch, Turks en Pools.",
    description: "Vraag gerust om hulp bij het vinden van producten.",
    venue: "Buurtsuper Overvecht", street: "Vechtdreef 10", category: "shop",
    welcome: ["helperLanguages", "simpleLanguage"], helpers: ["ar", "tr", "pl"],
    hours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: "08:00", closes: "21:00" })), access: ["stepFree"],
  },
  {
    slug: "reparatiecafe-oost", kind: "business", area: "oost", offset: [2, 3],
    title: "Repaircafé Oost (demo)",
    summary: "Laat kapotte spullen gratis maken. Vrijwilligers leggen uit wat ze doen.",
    description: "Neem je lamp, broek of telefoon mee. Praat ondertussen Nederlands met de vrijwilligers.",
    venue: "Repaircafé Oost", street: "Biltstraat 180", category: "service",
    welcome: ["volunteering", "simpleLanguage", "freeWater"], helpers: ["en"],
    hours: [{ day: 5, opens: "10:00", closes: "14:00" }],
  },
  {
    slug: "bibliotheek-kanaleneiland", kind: "business", area: "kanaleneiland", offset: [4, -3],
    title: "Demo-bibliotheek Kanaleneiland",
    summary: "Gratis wifi, computers en hulp bij formulieren. Ook boeken in makkelijk Nederlands.",
    description: "Een rustige plek om te leren. Vraag naar het Taalpunt.",
    venue: "Demo-bibliotheek Kanaleneiland", street: "Marshallaan 8", category: "library",
    welcome: ["freeWifi", "freeToilet", "freeWater", "simpleLanguage"], helpers: ["ar", "tr", "en"],
    hours: weekdays9to17, access: ["stepFree", "accessibleToilet", "quietSpace"],
  },
  {
    slug: "tweedehandswinkel-lunetten", kind: "business", area: "lunetten", offset: [3, 2],
    title: "Kringloop Demo Lunetten",
    summary: "Tweedehands meubels en kleren. Korting met de U-pas. Vrijwilligerswerk mogelijk.",
    description: "Veel nieuwkomers werken hier als vrijwilliger en oefenen zo Nederlands.",
    venue: "Kringloop Demo", street: "Hondsrug 30", category: "shop",
    welcome: ["volunteering", "discount"], helpers: ["ar", "ti"],
    hours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: "10:00", closes: "17:00" })), access: ["stepFree"],
  },
  {
    slug: "huisartsenpraktijk-tolk", kind: "business", area: "leidscheRijn", offset: [3, 3],
    title: "Gezondheidscentrum Demo (demo)",
    summary: "Huisarts die tijd neemt en met een tolk werkt. Eenvoudige uitleg.",
    description: "Zeg bij het maken van een afspraak dat je een tolk wilt.",
    venue: "Gezondheidscentrum Demo", street: "Grauwaartsingel 20", category: "service",
    welcome: ["simpleLanguage", "helperLanguages"], helpers: ["ar", "fa", "uk"],
    hours: weekdays9to17, access: ["stepFree", "accessibleToilet", "hearingLoop"],
  },
  {
    slug: "lunchroom-werkervaring", kind: "business", area: "wittevrouwen", offset: [2, -2],
    title: "Lunchroom Eerste Stap (demo)",
    summary: "Lunchroom waar nieuwkomers werkervaring opdoen. Gasten zijn geduldig.",
    description: "Bestel in het Nederlands en geef de bediening de tijd.",
    venue: "Lunchroom Eerste Stap", street: "Nachtegaalstraat 40", category: "cafe",
    welcome: ["internships", "simpleLanguage"], helpers: ["en", "ar"],
    hours: [0, 1, 2, 3, 4, 5].map((day) => ({ day, opens: "10:00", closes: "16:00" })),
  },
  {
    slug: "telefoonwinkel-ondiep", kind: "business", area: "ondiep", offset: [-2, 2],
    title: "Belwinkel Verbinding (demo)",
    summary: "Hulp bij een telefoonabonnement, in je eigen taal. Geen verkooppraatjes.",
    description: "Medewerkers leggen contracten uit in eenvoudig Nederlands, Arabisch of Oekraïens.",
    venue: "Belwinkel Verbinding", street: "Ondiep-Zuidzijde 20", category: "shop",
    welcome: ["helperLanguages", "simpleLanguage"], helpers: ["ar", "uk"],
    hours: shopHours,
  },
  // Events
  {
    slug: "welkomstmarkt-leidsche-rijn", kind: "event", area: "leidscheRijn", offset: [-2, -3],
    title: "Welkomstmarkt Leidsche Rijn (demo)",
    summary: "Maak kennis met clubs, vrijwilligers en buren. Met muziek en eten.",
    description: "Een middag om elkaar te leren kennen. Organisaties vertellen wat ze doen. Gratis toegang.",
    venue: "Park Demo Leidsche Rijn", street: "Grauwaartsingel 1", practice: ["nl"], helpers: ["ar", "uk", "ti"],
    topic: "Kennismaken", capacity: 300, access: ["stepFree", "accessibleToilet"], childcare: true,
    schedules: (r) => [once(r, 9, "13:00", 240)],
  },
  {
    slug: "bibliotheek-taalspreekuur", kind: "event", area: "oost", offset: [-2, -1],
    title: "Taalspreekuur in de bibliotheek (demo)",
    summary: "Vragen over Nederlands leren? Een vrijwilliger helpt je een plan te maken.",
    description: "Je krijgt uitleg over taalcursussen, taalcafés en oefenen op internet.",
    venue: "Demo-bibliotheek Oost", street: "Biltstraat 150", practice: ["nl"], helpers: ["en", "uk"],
    topic: "Taal leren", capacity: 12, access: ["stepFree", "hearingLoop"],
    schedules: (r) => [series(r, 2, "15:00", 120, 4)],
  },
  {
    slug: "fietsles-informatie", kind: "event", area: "kanaleneiland", offset: [1, -4],
    title: "Informatieavond: werk zoeken in Utrecht (demo)",
    summary: "Uitleg over werk, stages en vrijwilligerswerk. Met tolken Arabisch en Tigrinya.",
    description: "Werkgevers en vrijwilligers vertellen hoe je begint.",
    venue: "Buurthuis De Demo", street: "Marshallaan 2", practice: ["nl"], helpers: ["ar", "ti"],
    topic: "Werk", capacity: 60, access: ["stepFree"],
    schedules: (r) => [once(r, 5, "19:00", 120)],
  },
  {
    slug: "kinderfeest-zuilen", kind: "event", area: "zuilen", offset: [-1, -3],
    title: "Kinderfeest in de buurt (demo)",
    summary: "Spelletjes, schmink en muziek voor kinderen. Ouders ontmoeten elkaar.",
    description: "Voor kinderen van 4 tot 12 jaar en hun ouders. Gratis.",
    venue: "Speeltuin Demo Zuilen", street: "Prinses Christinalaan 1", practice: ["nl"], helpers: ["ar", "uk"],
    topic: "Familie", capacity: 100, childcare: true,
    schedules: (r) => [once(r, 12, "14:00", 180)],
  },
  {
    slug: "verhalenavond-lombok", kind: "event", area: "lombok", offset: [3, -2],
    title: "Verhalenavond: mijn eerste jaar (demo)",
    summary: "Nieuwkomers en buren vertellen over hun eerste jaar in Utrecht. Luisteren mag ook.",
    description: "Korte verhalen in eenvoudig Nederlands. Daarna thee en praten.",
    venue: "Wijkcentrum Demo Lombok", street: "Kanaalstraat 100", practice: ["nl"], helpers: ["fa", "ar"],
    topic: "Ontmoeten", capacity: 40, costCents: 0, access: ["stepFree", "quietSpace"],
    schedules: (r) => [once(r, 16, "19:30", 120)],
  },
  {
    slug: "sollicitatietraining", kind: "event", area: "binnenstad", offset: [4, -4],
    title: "Sollicitatietraining in drie lessen (demo)",
    summary: "Oefen een sollicitatiegesprek in het Nederlands. Drie donderdagen.",
    description: "Je oefent met echte vragen. Na afloop krijg je tips.",
    venue: "Demo-werkplaats", street: "Vredenburg 40", practice: ["nl"], helpers: ["en"],
    topic: "Werk", capacity: 15, costCents: 500, costNote: "Gratis met de U-pas",
    schedules: (r) => [series(r, 4, "13:00", 120, 3)],
  },
  {
    slug: "oekraiense-avond", kind: "event", area: "oost", offset: [4, 1],
    title: "Oekraïense en Nederlandse liedjesavond (demo)",
    summary: "Zing mee met Oekraïense en Nederlandse liedjes. Teksten op papier.",
    description: "Een gezellige avond met muziek. Iedereen is welkom.",
    venue: "Demo-kerkzaal Oost", street: "Biltstraat 200", practice: ["nl", "uk"], helpers: ["uk"],
    topic: "Muziek", capacity: 80, access: ["stepFree", "hearingLoop"],
    schedules: (r) => [once(r, 20, "19:30", 150)],
  },
  {
    slug: "vrouwenochtend-overvecht", kind: "event", area: "overvecht", offset: [-3, -3],
    title: "Vrouwenochtend: gezondheid (demo)",
    summary: "Een verpleegkundige vertelt over gezondheid. Alleen voor vrouwen. Met tolk.",
    description: "Stel je vragen in een veilige groep. Er is kinderopvang.",
    venue: "Wijkcentrum Demo Overvecht", street: "Neckardreef 1", practice: ["nl"], helpers: ["ar", "ti", "so"],
    topic: "Gezondheid", capacity: 25, womenOnly: true, childcare: true, access: ["stepFree", "quietSpace"],
    schedules: (r) => [once(r, 6, "10:00", 120)],
  },
  {
    slug: "buurtmaaltijd-vleuten", kind: "event", area: "vleuten", offset: [2, 2],
    title: "Buurtmaaltijd Vleuten (demo)",
    summary: "Samen eten met buren. Iedereen neemt een gerecht mee, of komt gewoon.",
    description: "Een avond om buren te leren kennen.",
    venue: "Dorpshuis Demo", street: "Dorpsstraat 1", practice: ["nl"], helpers: ["ar", "ti"],
    topic: "Ontmoeten", capacity: 60, childcare: true,
    schedules: (r) => [once(r, 10, "18:00", 150)],
  },
];

/** The demo listings as inputs for createListings(), relative to `reference` (now). */
export function demoListings(reference = new Date()): ListingInput[] {
  return entries.map((entry) => {
    const area = demoAreas[entry.area]!;
    return {
      slug: entry.slug,
      kind: entry.kind,
      title: entry.title,
      summary: entry.summary,
      description: entry.description,
      firstVisit: entry.firstVisit ?? "",
      descriptionLang: entry.lang ?? "nl",
      venue: entry.venue,
      address: entry.street === "Online" ? "" : `${entry.street}, ${area.postcode} ${demoTown.name}`,
      postcode: area.postcode,
      neighbourhood: area.name,
      city: demoTown.name,
      lat: Number((area.lat + entry.offset[0] / 1000).toFixed(5)),
      lng: Number((area.lng + entry.offset[1] / 1000).toFixed(5)),
      timezone: demoTown.timezone,
      costCents: entry.costCents ?? 0,
      costNote: entry.costNote ?? "",
      accessibility: entry.access ?? [],
      childcare: entry.childcare ?? false,
      womenOnly: entry.womenOnly ?? false,
      dropIn: entry.dropIn ?? false,
      practiceLanguages: entry.practice ?? [],
      helperLanguages: entry.helpers ?? [],
      levelMask: levelMask(entry.levels ?? []),
      clubFormat: entry.format ?? null,
      businessCategory: entry.category ?? null,
      welcomeFeatures: entry.welcome ?? [],
      openingHours: entry.hours ?? [],
      eventTopic: entry.topic ?? "",
      capacity: entry.capacity ?? null,
      contactEmail: entry.email ?? "",
      contactPhone: entry.phone ?? "",
      website: entry.website ?? "",
      status: "published",
      isDemo: true,
      schedules: entry.schedules?.(reference) ?? [],
    };
  });
}
