import type { NewListing } from "../schema/listings";

/**
 * Demo town: Utrecht, the Netherlands. The neighbourhoods and streets are real; every
 * organisation, club, business and person here is fictional and marked as demo data.
 */
export const demoTown = {
  name: "Utrecht",
  center: { lat: 52.0907, lng: 5.1214 },
};

type DemoListing = Omit<NewListing, "id" | "isDemo" | "status" | "city">;

export const demoListings: DemoListing[] = [
  {
    slug: "taalcafe-kanaleneiland",
    kind: "club",
    title: "Taalcafé Kanaleneiland (demo)",
    summary: "Elke dinsdagavond Nederlands praten bij koffie en thee. Beginners zijn welkom.",
    description:
      "We praten in kleine groepjes over gewone dingen: boodschappen, werk, het weer. Vrijwilligers spreken langzaam. Je hoeft je niet aan te melden.",
    descriptionLang: "nl",
    venue: "Buurthuis De Demo",
    address: "Marshallaan 2, 3527 TK Utrecht",
    neighbourhood: "Kanaleneiland",
    lat: 52.0735,
    lng: 5.0968,
  },
  {
    slug: "wandelclub-overvecht",
    kind: "club",
    title: "Wandelen en praten in Overvecht (demo)",
    summary: "Samen wandelen in het Gagelbos en Nederlands oefenen. Voor alle niveaus.",
    description:
      "We lopen een uur in een rustig tempo. Onderweg praten we Nederlands. Vrijwilligers spreken ook Arabisch en Engels.",
    descriptionLang: "nl",
    venue: "Ingang Gagelbos",
    address: "Gageldijk 1, 3566 MJ Utrecht",
    neighbourhood: "Overvecht",
    lat: 52.1216,
    lng: 5.1178,
  },
  {
    slug: "kookclub-lombok",
    kind: "club",
    title: "Kookclub Lombok (demo)",
    summary: "Samen koken, samen eten, samen Nederlands spreken. Elke twee weken op donderdag.",
    description:
      "Iedereen neemt een recept mee. We koken samen en leren de woorden van de keuken. Kinderopvang in de zaal ernaast.",
    descriptionLang: "nl",
    venue: "Wijkcentrum Demo Lombok",
    address: "Kanaalstraat 100, 3531 CK Utrecht",
    neighbourhood: "Lombok",
    lat: 52.0924,
    lng: 5.1046,
  },
  {
    slug: "naaiatelier-zuilen",
    kind: "club",
    title: "Naaiatelier voor vrouwen, Zuilen (demo)",
    summary: "Naaien en Nederlands praten. Alleen voor vrouwen. Naaimachines zijn er.",
    description:
      "Een rustige plek voor vrouwen. We naaien en praten Nederlands. Je hoeft geen Nederlands te kunnen om te beginnen.",
    descriptionLang: "nl",
    venue: "Buurtkamer Demo Zuilen",
    address: "Amsterdamsestraatweg 500, 3553 EL Utrecht",
    neighbourhood: "Zuilen",
    lat: 52.1087,
    lng: 5.0972,
  },
  {
    slug: "bakkerij-de-zon",
    kind: "business",
    title: "Bakkerij De Zon (demo)",
    summary: "Het personeel spreekt langzaam en eenvoudig Nederlands. Gratis water en wifi.",
    description:
      "Een bakkerij waar je rustig mag oefenen met bestellen. Op zaterdag is er een stageplek.",
    descriptionLang: "nl",
    venue: "Bakkerij De Zon",
    address: "Twijnstraat 20, 3511 ZL Utrecht",
    neighbourhood: "Binnenstad",
    lat: 52.0857,
    lng: 5.1236,
  },
  {
    slug: "kapper-hoograven",
    kind: "business",
    title: "Kapsalon Samen Mooi (demo)",
    summary: "Kapper waar je Nederlands kunt oefenen. Medewerkers spreken ook Tigrinya en Arabisch.",
    description: "Korting voor studenten en nieuwkomers op dinsdag.",
    descriptionLang: "nl",
    venue: "Kapsalon Samen Mooi",
    address: "Hoograven 10, 3525 AA Utrecht",
    neighbourhood: "Hoograven",
    lat: 52.0748,
    lng: 5.1272,
  },
  {
    slug: "welkomstmarkt-leidsche-rijn",
    kind: "event",
    title: "Welkomstmarkt Leidsche Rijn (demo)",
    summary: "Maak kennis met clubs, vrijwilligers en buren. Met muziek en eten.",
    description:
      "Een middag om elkaar te leren kennen. Organisaties vertellen wat ze doen. Gratis toegang.",
    descriptionLang: "nl",
    venue: "Park Demo Leidsche Rijn",
    address: "Grauwaartsingel 1, 3541 Utrecht",
    neighbourhood: "Leidsche Rijn",
    lat: 52.1003,
    lng: 5.0626,
  },
  {
    slug: "bibliotheek-taalspreekuur",
    kind: "event",
    title: "Taalspreekuur in de bibliotheek (demo)",
    summary: "Vragen over Nederlands leren? Een vrijwilliger helpt je een plan te maken.",
    description:
      "Je krijgt uitleg over taalcursussen, taalcafés en oefenen op internet. In het Nederlands, Engels of Oekraïens.",
    descriptionLang: "nl",
    venue: "Demo-bibliotheek Oost",
    address: "Biltstraat 150, 3572 BL Utrecht",
    neighbourhood: "Oost",
    lat: 52.0931,
    lng: 5.1363,
  },
];
