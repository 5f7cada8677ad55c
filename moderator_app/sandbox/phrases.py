"""Word lists and templates the comment generator composes from.

Data only. Templates use `str.format` slots: {topic}, {opener}, {noun}, {a_noun}, {adj},
{word}, {excl}, {nahui}, {target}, {emoji}. Rude and toxic phrases are here on purpose: the
sandbox exists to give a toxicity filter and a moderator something realistic to work on.
"""

# --- people -------------------------------------------------------------------------------

RU_MALE_FIRST = (
    "Алексей", "Дмитрий", "Сергей", "Андрей", "Иван", "Михаил", "Никита", "Артём",
    "Павел", "Егор", "Роман", "Олег", "Виктор", "Константин",
)  # fmt: skip
RU_FEMALE_FIRST = (
    "Анна", "Мария", "Екатерина", "Ольга", "Наталья", "Дарья", "Юлия", "Ирина",
    "Светлана", "Ксения", "Алина", "Полина",
)  # fmt: skip
RU_SURNAMES = (  # male forms; the female form adds "а"
    "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков",
    "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов",
    "Голубев", "Виноградов", "Белов", "Тарасов", "Журавлёв", "Никитин",
)  # fmt: skip
RU_NICK_STEMS = (
    "котик", "dimon", "lisa", "Сашка", "ded_maxim", "ЗлойЧитатель", "tanya", "vovan",
    "ПростоМария", "kefir", "Админ_не_я", "sever", "Ёжик", "pelmen", "Бабушка_в_сети",
    "serega", "ХмурыйДед", "nastya", "СоседСверху", "moroz",
)  # fmt: skip
RU_NICK_SUFFIXES = ("", "_88", "2007", "_spb", "_msk", "777", "_official", "86", "_kzn", "")

EN_FIRST = (
    "Jake", "Emily", "Chris", "Sarah", "Tom", "Olivia", "Ryan", "Megan", "Luke", "Hannah",
    "Ben", "Chloe", "Sam", "Grace",
)  # fmt: skip
EN_SURNAMES = (
    "Miller", "Smith", "Turner", "Walker", "Parker", "Evans", "Hughes", "Wright", "Baker",
    "Cooper", "Reed", "Fisher",
)  # fmt: skip
EN_NICK_STEMS = (
    "xXSniperXx", "noobmaster", "pixel_pete", "GamerGirl", "darkknight", "lagswitch",
    "coffee_addict", "quietstorm", "toxic_tim", "speedy", "LootGoblin", "respawn",
    "captain_obvious", "mememachine", "n00bslayer", "frostbyte", "moonwalker", "bob",
)  # fmt: skip
EN_NICK_SUFFIXES = ("", "42", "_2000", "99", "_tv", "007", "_yt", "1337", "")

# --- ordinary comments --------------------------------------------------------------------

RU_OPENERS = (
    "Спасибо", "Отличный пост", "Класс", "Интересно", "Согласен", "Хороший материал",
    "Полезно", "Наконец-то", "Любопытно", "Неплохо", "Ого", "Супер", "Вот это да",
    "Прикольно", "Годно",
)  # fmt: skip
RU_OK_TEMPLATES = (
    "{opener}! Давно хотел почитать про {topic}.",
    "{opener}, очень вовремя.",
    "{opener}. Про {topic} пишут мало, а тут всё по делу.",
    "Спасибо за пост про {topic}, сохранил в закладки",
    "Я тоже думал про {topic}, теперь точно попробую",
    "Хм, про {topic} у меня другое мнение, но аргументы понятные",
    "Жду продолжения про {topic}!",
    "Поделился с друзьями, им тоже зайдёт",
    "Ну такое, но в целом норм",
    "Плюсую",
    "+1",
    "Лучший канал, без шуток",
    "{opener}) Пишите чаще",
    "Читаю вас уже третий год, всё так же интересно",
    "Не согласен насчёт цены, но в остальном всё верно",
    "Мне кажется, вы немного преувеличиваете, но спасибо",
    "{opener}! У нас в семье все обсуждают {topic}",
    "Вчера как раз спорили с коллегой про {topic}, скину ему",
    "Всё понятно и без воды, {opener_lower}",
    "Подписался, буду следить",
)
RU_QUESTIONS = (
    "А когда будет продолжение?",
    "А есть ссылка на источник?",
    "Подскажите, где почитать подробнее?",
    "Это уже точно или пока слухи?",
    "А можно подробнее про {topic}?",
    "Кто-нибудь уже сталкивался? Как впечатления?",
)

EN_OPENERS = (
    "Thanks", "Great post", "Nice", "Interesting", "Agreed", "Solid video", "Love this",
    "Finally", "Cool", "Not bad", "Wow", "Awesome", "Great stuff", "Good one",
)  # fmt: skip
EN_OK_TEMPLATES = (
    "{opener}! Been waiting for something about {topic}.",
    "{opener}, this came at the perfect time.",
    "{opener}. Nobody talks about {topic} properly, this was spot on.",
    "Thanks for covering {topic}, saved for later",
    "I was thinking about {topic} too, gonna try it now",
    "Hmm, I see {topic} differently, but fair points",
    "Can't wait for part two about {topic}!",
    "Shared this with my friends, they'll love it",
    "Meh, it's ok I guess",
    "This",
    "+1",
    "Best channel on here, no joke",
    "{opener} :) post more often",
    "Been following for three years, still great",
    "Disagree on the price, but everything else is right",
    "Little bit exaggerated maybe, but thanks",
    "{opener}! My whole family argues about {topic}",
    "My coworker and I were just debating {topic}, sending this to him",
    "Clear and to the point, {opener_lower}",
    "Subscribed!",
)
EN_QUESTIONS = (
    "When is the next part coming?",
    "Do you have a source for that?",
    "Where can I read more?",
    "Is this confirmed or just rumours?",
    "Could you go into more detail about {topic}?",
    "Has anyone tried this yet? How was it?",
)

# --- rude (no obscenity) ------------------------------------------------------------------

RU_RUDE_TEMPLATES = (
    "Автор, ты вообще {adj}?",
    "Что за бред ты написал, {noun}",
    "Очередная чушь про {topic}. Отписываюсь.",
    "Ну и {noun} же ты",
    "Заткнись уже, {noun}",
    "Ты {noun}, если в это веришь",
    "Админ {adj}, это очевидно",
    "Бред полнейший, автор {noun}",
    "Сам ты {noun}",
    "{target}, ты {noun} и не лечишься",
    "Хватит позориться со своим мнением про {topic}, {noun}",
)
RU_RUDE_NOUNS = (
    "идиот", "дурак", "придурок", "клоун", "дебил", "кретин", "неуч", "бездарь", "тупица",
    "балабол",
)  # fmt: skip
RU_RUDE_ADJ = ("тупой", "больной", "нормальный", "в своём уме", "совсем того")

EN_RUDE_TEMPLATES = (
    "you're {a_noun}",
    "stfu {noun}",
    "What a load of garbage. Unsubscribed.",
    "who let this {noun} near a keyboard?",
    "This is the dumbest take on {topic} I've read all week",
    "shut up, {noun}",
    "nobody asked, {noun}",
    "get lost, clown",
    "Imagine being this clueless about {topic} lol",
    "Are you actually {adj}?",
    "{target} is {a_noun}, change my mind",
)
EN_RUDE_NOUNS = ("idiot", "moron", "clown", "loser", "imbecile", "muppet", "troll", "dumbass")
EN_RUDE_ADJ = ("stupid", "brain-dead", "this dense", "that dumb", "trolling")

# --- toxic: swearing, usually disguised by `obfuscate` ------------------------------------

RU_TOXIC_TEMPLATES = (
    "{target}, ты {word}",
    "ты {word} {emoji}",
    "сам {word}",
    "иди {nahui}, {word}",
    "{excl}, какой же ты {word}",
    "{excl} полный, автор {word}",
    "{target} {word}, отписка",
    "ну ты и {word}",
    "за такое про {topic} — {nahui}",
)
RU_TOXIC_WORDS = (
    "дурак", "идиот", "дебил", "урод", "мудак", "долбоеб", "придурок", "ублюдок", "козел",
    "тупой", "дебилоид",
)  # fmt: skip
RU_EXCLAMATIONS = ("сука", "пиздец", "блять", "хуйня")
RU_NAHUI = ("нахуй", "на хуй", "в жопу")
RU_TARGETS = ("Автор", "Админ", "Слышь", "Эй ты", "Слышь ты")
RU_TRANSLIT = (
    "ty durak",
    "idi nahui",
    "ty debil",
    "suka blyat",
    "avtor mudak",
    "poshel nahui",
    "zatknis, urod",
    "kakoy zhe ty tupoy",
    "ty che, dolboeb?",
    "admin idiot",
)

EN_TOXIC_TEMPLATES = (
    "you're a {fucking} {word}",
    "{fuck} off, {word}",
    "{target} is a {fucking} {word}",
    "piece of {shit} content",
    "what a {fucking} joke",
    "go to hell, {word}",
    "stfu you {word}",
    "{word}. absolute {word}.",
    "this {word} should be banned {emoji}",
    "eat {shit}",
)
EN_TOXIC_WORDS = ("idiot", "moron", "asshole", "bitch", "jerk", "scumbag", "dumbass", "prick")
EN_TARGETS = ("OP", "the author", "this guy", "the admin", "the streamer")

# --- shapes that stress the app -----------------------------------------------------------

HTML_PAYLOADS = (
    "<b>x</b><img src=x onerror=alert(1)>",
    "<script>alert('hi')</script>",
    'Смотрите <a href="javascript:alert(1)">тут</a>',
    "<i>курсив</i> тут не работает?",
    '<iframe src="https://example.com"></iframe> lol',
    "</div><h1>BIG TEXT</h1>",
    "&lt;not a tag&gt; &amp; friends & <3",
    "<svg onload=alert(document.cookie)>",
    "Test <u>underline</u> & <s>strike</s>",
    "<style>body{display:none}</style>ha",
)

RU_LONG_SENTENCES = (
    "Хочу рассказать свою историю, потому что она, мне кажется, многим будет полезна.",
    "Сначала всё было нормально, никаких проблем я не замечал несколько месяцев подряд.",
    "Потом начались странности: то одно отвалится, то другое, и никто не мог объяснить почему.",
    "Я обращался в поддержку три раза, каждый раз мне отвечали шаблонной отпиской.",
    "В итоге пришлось разбираться самому, читать форумы и спрашивать знакомых.",
    "Оказалось, что проблема была вовсе не там, где все искали, а в мелкой настройке.",
    "Поэтому я и пишу такой длинный комментарий: вдруг кому-то сэкономлю пару вечеров.",
    "И да, я понимаю, что это не совсем по теме поста, но всё же близко.",
    "Если у кого-то было похожее, напишите, интересно сравнить опыт.",
    "Отдельное спасибо автору, что вообще поднял эту тему, обычно о таком молчат.",
    "Ещё момент: цены за последний год выросли почти вдвое, и это тоже надо учитывать.",
    "Мой сосед, например, вообще отказался от этой затеи и нисколько не жалеет.",
)
EN_LONG_SENTENCES = (
    "I want to share my story because I think a lot of people here will find it useful.",
    "At first everything was fine and I didn't notice any problems for several months.",
    "Then weird things started happening and nobody could explain why.",
    "I contacted support three times and every time I got the same canned reply.",
    "In the end I had to figure it out myself, reading forums and asking friends.",
    "It turned out the problem wasn't where everyone was looking, it was one tiny setting.",
    "That's why I'm writing such a long comment: maybe it saves someone a couple of evenings.",
    "And yes, I know this is not exactly on topic, but it's close enough.",
    "If anyone had something similar, let me know, I'd love to compare notes.",
    "Big thanks to the author for bringing this up at all, people usually stay quiet.",
    "One more thing: prices went up almost twice in the last year, keep that in mind.",
    "My neighbour gave up on the whole idea and doesn't regret it one bit.",
)

EMOJI = (
    "😂", "👍", "🔥", "🤔", "😡", "❤️", "🙏", "😅", "👏", "🤡", "💩", "😍", "🙄", "🤬", "😭",
    "💯", "☕", "🎮", "🥲", "😎",
)  # fmt: skip

RU_EDITS = (
    "UPD: поправил опечатку",
    "UPD: погорячился, извините",
    "UPD: уже разобрался, спасибо",
    "UPD: ссылку добавил выше",
)
EN_EDITS = (
    "EDIT: typo",
    "EDIT: ok I calmed down, sorry",
    "EDIT: never mind, found it",
    "EDIT: added the link above",
)
