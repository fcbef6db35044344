"""Seeded text for the search benchmark: titles and bodies in Slovenian, Czech and English.

Sentences are written after the centres' own texts (the demo network and its sources):
activities, target groups, topics and places are drawn per page, so two-word queries have
the spread of real content: some words on most pages of a language, most on a few.
Pure Python and deterministic for a given ``random.Random``: no Django here.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

LANGUAGES = ("sl", "cs", "en")


def _stopwords(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class Vocabulary:
    activities: tuple[str, ...]
    groups: tuple[str, ...]
    topics: tuple[str, ...]
    places: tuple[str, ...]
    headings: tuple[str, ...]
    sentences: tuple[str, ...]  # with {activity}, {group}, {topic}, {place}, {day}, {hour}
    days: tuple[str, ...]
    titles: dict[str, tuple[str, ...]]  # by page kind
    stopwords: frozenset[str]


SL = Vocabulary(
    activities=(
        "delavnica",
        "predavanje",
        "tečaj",
        "skupina za samopomoč",
        "druženje",
        "svetovanje",
        "ustvarjalna delavnica",
        "kuharska delavnica",
        "pogovorni večer",
        "računalniški tečaj",
        "tečaj angleščine",
        "sprehod",
        "telovadba",
        "bralni klub",
    ),
    groups=(
        "starejše",
        "mlade",
        "brezposelne",
        "enostarševske družine",
        "otroke v stiski",
        "otroke s posebnimi potrebami",
        "migrante in begunce",
        "mlade mamice",
        "osebe z zdravstvenimi omejitvami",
        "prostovoljce",
        "družine",
        "upokojence",
    ),
    topics=(
        "obvladovanje stresa",
        "zdravo staranje",
        "finančno opismenjevanje",
        "osebnostna rast",
        "vrtnarjenje",
        "ročna dela",
        "digitalna pismenost",
        "zdrava prehrana",
        "pravice iz socialnega varstva",
        "iskanje zaposlitve",
        "medgeneracijsko sodelovanje",
        "prostovoljstvo",
        "varna raba interneta",
        "spomin in pozornost",
        "čustvena opora",
    ),
    places=(
        "Postojna",
        "Cerknica",
        "Pivka",
        "Ilirska Bistrica",
        "Loška dolina",
        "Bloke",
        "Celje",
        "Šentjur",
        "Rogaška Slatina",
        "Slovenske Konjice",
        "Zreče",
        "Litija",
        "Zagorje ob Savi",
        "Trbovlje",
        "Hrastnik",
        "Ptuj",
        "Maribor",
        "Krško",
        "Brežice",
        "Škofja Loka",
        "Murska Sobota",
        "Nova Gorica",
        "Idrija",
        "Šmarje pri Jelšah",
    ),
    headings=(
        "Komu je namenjeno",
        "Kako poteka",
        "Prijave in informacije",
        "O programu",
        "Kaj smo dosegli",
        "Naši partnerji",
        "Zakaj se pridružiti",
        "Izkušnje udeležencev",
        "Kje nas najdete",
        "Prihajajoči dogodki",
    ),
    sentences=(
        "Vsak {day} ob {hour}. uri se v večgeneracijskem centru dobimo na {activity}.",
        "Program je namenjen za {group}, udeležba je brezplačna.",
        "Tokratna {activity} bo posvečena temi {topic}.",
        "V {place} smo pripravili {activity} za {group}.",
        "Večgeneracijski centri ustvarjajo možnosti za raznovrstno pomoč najranljivejšim skupinam.",
        "Točke moči so lokalne točke, kamor uporabniki pridejo po novo moč, znanje in oporo.",
        "Poleg delavnic, predavanj in druženj pripravljamo tudi skupnostne projekte.",
        "Vse aktivnosti so brezplačne in namenjene socialnemu vključevanju ranljivih skupin.",
        "Vrata centra so odprta od ponedeljka do petka med 7. in 18. uro.",
        "Na srečanju smo spoznali tri dobre prakse s področja socialnega varstva.",
        "Zavod Sopotniki organizira brezplačne prevoze za starejše v občini {place}.",
        "Udeleženci so se naučili veliko novega o temi {topic}.",
        "Projekt sofinancirata Republika Slovenija in Evropska unija iz Evropskega socialnega "
        "sklada.",
        "Z izmenjavo izkušenj lahko dosežemo večje učinke v lokalnem okolju.",
        "Prijave zbiramo po telefonu ali e-pošti do zasedbe prostih mest.",
        "Srečanje vodi strokovna sodelavka, ki ima dolgoletne izkušnje s področja {topic}.",
        "Program temelji na štirih ključnih močeh: informiranost, socialna vključenost, znanje "
        "in aktivacija.",
        "Ob koncu srečanja smo pripravili skupno kosilo in se pogovorili o nadaljnjem delu.",
        "Za {group} v {place} pripravljamo tudi individualno svetovanje.",
        "Osebje je usposobljeno za delo z ranljivimi skupinami in za načela enakih možnosti.",
        "Dobro prakso so uspešno prenesli na dvanajst enot po Sloveniji.",
        "Prostovoljci pomagajo pri izvedbi aktivnosti in pri prevozih udeležencev.",
        "Potreba po tovrstnih srečanjih in izmenjavi informacij je zelo velika.",
        "Vabljeni vsi, ki vas zanima {topic}, ne glede na starost in predznanje.",
    ),
    days=("ponedeljek", "torek", "sredo", "četrtek", "petek"),
    titles={
        "standard": (
            "O nas",
            "{topic} v {place}",
            "Naše storitve za {group}",
            "Prostovoljstvo v {place}",
        ),
        "news": (
            "Uspešno izvedena {activity} v {place}",
            "Novo: {activity} za {group}",
            "Srečanje o temi {topic}",
            "Poročilo: {topic} v {place}",
        ),
        "programme": ("{activity} za {group}", "{activity}: {topic}", "Skupina {topic} v {place}"),
        "social_activation": ("Socialna aktivacija za {group}", "Aktivacija v {place}: {topic}"),
        "event": ("{activity}: {topic}", "{activity} v {place}", "Dan odprtih vrat v {place}"),
        "good_practice": ("Dobra praksa: {topic}", "{topic} za {group} v {place}"),
        "project": ("Projekt {topic}", "Večgeneracijski center {place}"),
    },
    stopwords=_stopwords("in za v na so se je ob do ali iz pri po z s ki da smo bo"),
)

CS = Vocabulary(
    activities=(
        "dílna",
        "přednáška",
        "kurz",
        "svépomocná skupina",
        "setkání",
        "poradenství",
        "tvořivá dílna",
        "kurz vaření",
        "beseda",
        "počítačový kurz",
        "kurz angličtiny",
        "procházka",
        "cvičení",
        "čtenářský klub",
    ),
    groups=(
        "seniory",
        "mládež",
        "nezaměstnané",
        "rodiny s dětmi",
        "matky na rodičovské dovolené",
        "osoby sociálně vyloučené",
        "cizince",
        "dobrovolníky",
        "osoby se zdravotním postižením",
        "místní obyvatele",
    ),
    topics=(
        "finanční gramotnost",
        "trénování paměti",
        "zahradničení",
        "zdravý životní styl",
        "sociální poradenství",
        "hledání zaměstnání",
        "komunitní práce",
        "prevence zadlužení",
        "digitální gramotnost",
        "mezigenerační setkávání",
        "ruční práce",
        "bezpečnost na internetu",
    ),
    places=(
        "Olomouc",
        "Prostějov",
        "Přerov",
        "Kojetín",
        "Litovel",
        "Šternberk",
        "Uničov",
        "Náměšť na Hané",
        "Olšany u Prostějova",
        "Pěnčín",
        "Laškov",
        "Skřípov",
        "Služín",
        "Suchdol",
        "Těšetice",
        "Ústín",
        "Bílovice",
        "Lutotín",
        "Konice",
        "Němčice nad Hanou",
    ),
    headings=(
        "Pro koho je program",
        "Jak probíhá",
        "Přihlášky a informace",
        "O projektu",
        "Co se nám podařilo",
        "Naši partneři",
        "Proč se zapojit",
        "Zkušenosti účastníků",
        "Kde nás najdete",
        "Nadcházející akce",
    ),
    sentences=(
        "Každé {day} v {hour} hodin se v komunitním centru scházíme na {activity}.",
        "Program je určen pro {group}, účast je zdarma.",
        "Tentokrát se {activity} bude věnovat tématu {topic}.",
        "V obci {place} jsme připravili {activity} pro {group}.",
        "Komunitní centra jsou místem pro sociální začleňování a prevenci sociálního vyloučení.",
        "Komunitní práce je založena na hodnotách, které respektují každého jednotlivce.",
        "Místní obyvatelé jsou podporováni místním koordinátorem a sociálním pracovníkem.",
        "Projekt je financován z prostředků EU prostřednictvím Operačního programu Zaměstnanost.",
        "Komunitní centra budou otevřeným prostorem, kde se lidé mohou scházet.",
        "Náplň center utváří cílová skupina podle vlastních potřeb a zájmů.",
        "Sociální pracovník poskytuje základní sociální poradenství osobám z cílových skupin.",
        "Účastníci se dozvěděli mnoho nového o tématu {topic}.",
        "Výsledkem projektu je jedenáct komunitních center, která fungují samostatně.",
        "Přihlásit se můžete telefonicky nebo e-mailem do naplnění kapacity.",
        "Setkání vede zkušená lektorka, která se dlouhodobě věnuje tématu {topic}.",
        "Na závěr setkání jsme společně uvařili oběd a domluvili další spolupráci.",
        "Pro {group} v obci {place} nabízíme také individuální poradenství.",
        "Dobrovolníci pomáhají s organizací akcí i s dopravou účastníků.",
        "Zveme všechny, které zajímá {topic}, bez ohledu na věk.",
        "V úvodní části projektu se mapují vztahy, vazby a potřeby cílových skupin.",
    ),
    days=("pondělí", "úterý", "středu", "čtvrtek", "pátek"),
    titles={
        "standard": (
            "O nás",
            "{topic} v obci {place}",
            "Naše služby pro {group}",
            "Dobrovolnictví",
        ),
        "news": (
            "Úspěšná {activity} v obci {place}",
            "Nově: {activity} pro {group}",
            "Setkání na téma {topic}",
            "Ohlédnutí: {topic} v obci {place}",
        ),
        "programme": ("{activity} pro {group}", "{activity}: {topic}", "Skupina {topic}"),
        "social_activation": ("Sociální aktivizace pro {group}", "Aktivizace: {topic}"),
        "event": ("{activity}: {topic}", "{activity} v obci {place}", "Den otevřených dveří"),
        "good_practice": ("Dobrá praxe: {topic}", "{topic} pro {group}"),
        "project": ("Projekt {topic}", "Komunitní centrum {place}"),
    },
    stopwords=_stopwords("a v ve na se je pro z ze do o k s které který která jsou jsme"),
)

EN = Vocabulary(
    activities=(
        "workshop",
        "lecture",
        "course",
        "self-help group",
        "get-together",
        "counselling",
        "creative workshop",
        "cooking class",
        "discussion evening",
        "computer course",
        "language course",
        "walk",
        "exercise class",
        "reading club",
    ),
    groups=(
        "older people",
        "young people",
        "unemployed people",
        "single-parent families",
        "children in distress",
        "migrants and refugees",
        "young mothers",
        "volunteers",
        "families",
        "pensioners",
        "people with health limitations",
    ),
    topics=(
        "stress management",
        "healthy ageing",
        "financial literacy",
        "personal growth",
        "gardening",
        "handicrafts",
        "digital literacy",
        "healthy eating",
        "social rights",
        "job seeking",
        "intergenerational cooperation",
        "volunteering",
        "online safety",
        "memory training",
        "emotional support",
    ),
    places=SL.places[:12] + CS.places[:8],
    headings=(
        "Who it is for",
        "How it works",
        "Registration and information",
        "About the programme",
        "What we achieved",
        "Our partners",
        "Why join",
        "Participants' experiences",
        "Where to find us",
        "Upcoming events",
    ),
    sentences=(
        "Every {day} at {hour} o'clock we meet at the multigenerational centre for a {activity}.",
        "The programme is meant for {group} and taking part is free of charge.",
        "This time the {activity} is about {topic}.",
        "In {place} we have prepared a {activity} for {group}.",
        "Multigenerational centres offer many kinds of help to the most vulnerable groups.",
        "Community centres are places for social inclusion and for preventing social exclusion.",
        "All activities are free and aim at the social inclusion of vulnerable groups.",
        "The centre is open from Monday to Friday between 7 am and 6 pm.",
        "At the meeting we learnt about three good practices in social care.",
        "Participants learnt a lot about {topic}.",
        "The project is co-funded by the European Union from the European Social Fund.",
        "Sign up by phone or e-mail while places last.",
        "The meeting is led by a trainer with long experience in {topic}.",
        "For {group} in {place} we also offer individual counselling.",
        "Volunteers help to run the activities and drive participants to them.",
        "Everyone interested in {topic} is welcome, whatever their age.",
        "The good practice has been taken over by twelve units across the country.",
    ),
    days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    titles={
        "standard": ("About us", "{topic} in {place}", "Our services for {group}", "Volunteering"),
        "news": (
            "A successful {activity} in {place}",
            "New: {activity} for {group}",
            "Meeting on {topic}",
            "Report: {topic} in {place}",
        ),
        "programme": ("{activity} for {group}", "{activity}: {topic}", "{topic} group"),
        "social_activation": ("Social activation for {group}", "Activation: {topic}"),
        "event": ("{activity}: {topic}", "{activity} in {place}", "Open day in {place}"),
        "good_practice": ("Good practice: {topic}", "{topic} for {group}"),
        "project": ("Project {topic}", "Community centre {place}"),
    },
    stopwords=_stopwords("a an the and for in on at of to is are we by with from it its this that"),
)

VOCABULARIES = {"sl": SL, "cs": CS, "en": EN}


@dataclass(frozen=True)
class Text:
    title: str
    intro: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, paragraphs)


class Writer:
    """Writes a page's text in one language; one ``random.Random`` makes every run alike."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _slots(self, vocabulary: Vocabulary, place: str) -> dict[str, str]:
        choice = self.rng.choice
        return {
            "activity": choice(vocabulary.activities),
            "group": choice(vocabulary.groups),
            "topic": choice(vocabulary.topics),
            "place": place if self.rng.random() < 0.6 else choice(vocabulary.places),
            "day": choice(vocabulary.days),
            "hour": str(self.rng.randint(8, 18)),
        }

    def sentence(self, vocabulary: Vocabulary, place: str) -> str:
        text = self.rng.choice(vocabulary.sentences).format(**self._slots(vocabulary, place))
        return text[0].upper() + text[1:]

    def page(self, language: str, kind: str, place: str) -> Text:
        """A title, an introduction and two to four sections of one to three paragraphs."""
        vocabulary = VOCABULARIES[language]
        title = self.rng.choice(vocabulary.titles[kind]).format(**self._slots(vocabulary, place))
        rng = self.rng
        sections = tuple(
            (
                rng.choice(vocabulary.headings),
                tuple(
                    " ".join(self.sentence(vocabulary, place) for _ in range(rng.randint(2, 5)))
                    for _ in range(rng.randint(1, 3))
                ),
            )
            for _ in range(rng.randint(2, 4))
        )
        return Text(
            title=title[0].upper() + title[1:],
            intro=self.sentence(vocabulary, place),
            sections=sections,
        )


def words(text: str, language: str) -> list[str]:
    """The words of a text a visitor might type: letters only, no stop words, 4+ letters."""
    stop = VOCABULARIES[language].stopwords
    found = []
    for raw in text.split():
        word = "".join(ch for ch in raw if ch.isalpha()).lower()
        if len(word) >= 4 and word not in stop:
            found.append(word)
    return found


def without_diacritics(text: str) -> str:
    """``večgeneracijski`` → ``vecgeneracijski``: what a visitor types on a foreign keyboard."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
