import type { NewSupportNetwork } from "../schema/index";

/** Fictional support networks for the demo town, clearly marked as demo. */
export const demoSupportNetworks: Omit<NewSupportNetwork, "id">[] = [
  {
    slug: "demo-meldpunt-utrecht",
    name: "Meldpunt Discriminatie Utrecht (demo)",
    areaName: "Utrecht",
    minLat: 51.95,
    minLng: 4.9,
    maxLat: 52.2,
    maxLng: 5.3,
    categories: [],
    isDemo: true,
    descriptions: {
      nl: "Luistert naar je verhaal, geeft advies en kan met je meegaan naar de politie. Gratis.",
      en: "Listens to your story, gives advice and can go with you to the police. Free of charge.",
      ar: "يستمع إلى قصتك، ويقدم النصيحة، ويمكنه مرافقتك إلى الشرطة. مجانًا.",
      uk: "Вислухає вашу історію, дасть пораду і може піти з вами до поліції. Безкоштовно.",
      fa: "به داستان شما گوش می‌دهد، مشاوره می‌دهد و می‌تواند با شما به پلیس برود. رایگان.",
      ti: "ዛንታኻ ይሰምዕ፣ ምኽሪ ይህብ፣ ምሳኻ ናብ ፖሊስ ክኸይድ ይኽእል። ብነጻ።",
    },
  },
  {
    slug: "demo-school-support",
    name: "Steunpunt Veilig op School (demo)",
    areaName: "Nederland",
    categories: ["school_bullying", "verbal_abuse", "harassment", "online_hate"],
    isDemo: true,
    descriptions: {
      nl: "Helpt kinderen en ouders bij pesten op school. Praat ook met de school als jij dat wilt.",
      en: "Helps children and parents with bullying at school. Also talks to the school if you want.",
      ar: "يساعد الأطفال والآباء في حالات التنمر في المدرسة. ويتحدث مع المدرسة أيضًا إذا أردت.",
      uk: "Допомагає дітям і батькам при цькуванні в школі. Також поговорить зі школою, якщо ви хочете.",
      fa: "به کودکان و والدین در برابر قلدری در مدرسه کمک می‌کند. اگر بخواهید با مدرسه هم صحبت می‌کند.",
      ti: "ንቆልዑን ወለድን ኣብ ቤት ትምህርቲ ብዛዕባ ምጽቃጥ ይሕግዝ። እንተደሊኻ ምስ ቤት ትምህርቲ እውን ይዛረብ።",
    },
  },
  {
    slug: "demo-legal-help",
    name: "Rechtshulp Nieuwkomers (demo)",
    areaName: "Nederland",
    categories: ["threat", "physical_violence", "property_damage", "discrimination_service", "other"],
    isDemo: true,
    descriptions: {
      nl: "Juristen die gratis uitleggen wat je rechten zijn. Ze spreken ook Arabisch en Engels.",
      en: "Lawyers who explain your rights for free. They also speak Arabic and English.",
      ar: "محامون يشرحون حقوقك مجانًا. يتحدثون العربية والإنجليزية أيضًا.",
      uk: "Юристи, які безкоштовно пояснюють ваші права. Вони також говорять арабською та англійською.",
      fa: "حقوق‌دانانی که حقوق شما را رایگان توضیح می‌دهند. عربی و انگلیسی هم صحبت می‌کنند.",
      ti: "መሰልካ ብነጻ ዝገልጹ ክኢላታት ሕጊ። ዓረብኛን እንግሊዝኛን ውን ይዛረቡ።",
    },
  },
];
