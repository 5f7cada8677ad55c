"""The communities and posts the sandbox moderator looks after.

Chosen to resemble a real moderator's load: a Russian tech blog, an English gaming channel,
a Russian local news group and a bilingual brand page, each with a few posts.
"""

from moderator_app.sandbox.model import Community, Post


def _post(
    community_id: str,
    post_id: str,
    title: str,
    text: str,
    *,
    topics: tuple[str, str],
    ru: tuple[str, ...],
    en: tuple[str, ...],
) -> Post:
    return Post(
        id=post_id,
        community_id=community_id,
        title=title,
        text=text,
        topic_ru=topics[0],
        topic_en=topics[1],
        questions_ru=ru,
        questions_en=en,
    )


TECH = "techblog-ru"
GAMING = "pixelraid"
NEWS = "severny-news"
BRAND = "kofe-i-ko"

COMMUNITIES: tuple[Community, ...] = (
    Community(
        id=TECH,
        name="Техноблог Пети",
        language="ru",
        posts=(
            _post(
                TECH,
                "p101",
                "Обзор нового смартфона: стоит ли переплачивать?",
                "Две недели ходил с новым флагманом. Камера отличная, батарея — не очень.",
                topics=("новый смартфон", "the new phone"),
                ru=(
                    "А сколько держит батарея при активном использовании?",
                    "Камера ночью как снимает?",
                    "Есть ли смысл менять, если у меня прошлогодняя модель?",
                ),
                en=("Does it support eSIM?", "How is the battery life?"),
            ),
            _post(
                TECH,
                "p102",
                "Linux на ноутбуке: полгода спустя",
                "Перешёл на Linux полностью. Рассказываю, что работает, а что пришлось чинить.",
                topics=("Linux на ноутбуке", "Linux on a laptop"),
                ru=(
                    "Какой дистрибутив посоветуете новичку?",
                    "Wi-Fi завёлся сразу или пришлось искать драйверы?",
                    "Что со сном и гибернацией?",
                ),
                en=("Which distro did you end up with?",),
            ),
            _post(
                TECH,
                "p103",
                "Почему ваш Python медленный и что с этим делать",
                "Профилируем, находим горячие места, переписываем одно из них на Rust.",
                topics=("производительность Python", "Python performance"),
                ru=(
                    "А PyPy пробовали?",
                    "Каким профилировщиком пользуетесь?",
                    "Будет ли вторая часть про асинхронность?",
                ),
                en=("Have you tried Cython instead of Rust?",),
            ),
        ),
    ),
    Community(
        id=GAMING,
        name="PixelRaid Gaming",
        language="en",
        posts=(
            _post(
                GAMING,
                "v201",
                "Shadow Hollow DLC: first impressions",
                "Ten hours in. The new boss is brutal and the level design is the best yet.",
                topics=("новое DLC", "the new DLC"),
                ru=("Мне одному кажется, что босс сломан?",),
                en=(
                    "What build are you using for the final boss?",
                    "Is it worth it at full price?",
                    "How long did it take you to finish?",
                ),
            ),
            _post(
                GAMING,
                "v202",
                "Speedrun attempt #42 (any%)",
                "So close to a personal best. Chat was wild tonight.",
                topics=("спидран", "the speedrun"),
                ru=("Какой сплит самый сложный?",),
                en=(
                    "What's your PB right now?",
                    "Which glitch do you use to skip the bridge?",
                    "When is the next stream?",
                ),
            ),
            _post(
                GAMING,
                "v203",
                "Top 10 indie games of 2026",
                "My personal list. Number one will surprise you.",
                topics=("инди-игры", "indie games"),
                ru=("А на Switch что-нибудь из этого есть?",),
                en=(
                    "Where is Lantern Fields on this list?",
                    "Are any of these on sale right now?",
                    "Can you do a co-op top 10 next?",
                ),
            ),
        ),
    ),
    Community(
        id=NEWS,
        name="Новости Северного района",
        language="ru",
        posts=(
            _post(
                NEWS,
                "n301",
                "Ремонт дороги на улице Ленина продлят до декабря",
                "Подрядчик не успевает. Объезд через Садовую сохранится.",
                topics=("ремонт дороги", "the road works"),
                ru=(
                    "А автобус 12 так и будет ходить в объезд?",
                    "Кто подрядчик, можно узнать?",
                    "Тротуар тоже перекопают?",
                ),
                en=(),
            ),
            _post(
                NEWS,
                "n302",
                "В парке Победы зальют каток",
                "Каток откроется, как только установится минусовая температура.",
                topics=("каток в парке", "the skating rink"),
                ru=(
                    "Прокат коньков будет?",
                    "Вход платный?",
                    "До скольки будет работать?",
                ),
                en=(),
            ),
            _post(
                NEWS,
                "n303",
                "Плановое отключение горячей воды 3–5 декабря",
                "Отключение затронет дома по улицам Мира, Строителей и Лесной.",
                topics=("отключение воды", "the hot water outage"),
                ru=(
                    "А дом 15 по Лесной попадает?",
                    "Почему опять зимой?",
                    "Куда жаловаться, если не включат вовремя?",
                ),
                en=(),
            ),
        ),
    ),
    Community(
        id=BRAND,
        name="Кофе и Ко / Coffee & Co",
        language="both",
        posts=(
            _post(
                BRAND,
                "b401",
                "Зимнее меню / Our winter menu is here",
                "Пряный латте, глинтвейн без алкоголя и имбирное печенье. "
                "Spiced latte, alcohol-free mulled wine and ginger cookies.",
                topics=("зимнее меню", "the winter menu"),
                ru=(
                    "А безлактозное молоко есть?",
                    "Пряный латте очень сладкий?",
                ),
                en=(
                    "Do you have oat milk?",
                    "Is the mulled wine available for takeaway?",
                ),
            ),
            _post(
                BRAND,
                "b402",
                "Розыгрыш / Giveaway: a year of free coffee",
                "Подпишитесь и отметьте друга. Follow us and tag a friend to enter.",
                topics=("розыгрыш", "the giveaway"),
                ru=(
                    "Когда подведёте итоги?",
                    "Можно участвовать из другого города?",
                ),
                en=(
                    "When will you announce the winner?",
                    "Is this open internationally?",
                ),
            ),
            _post(
                BRAND,
                "b403",
                "Мы открылись в Казани! / We are now open in Kazan",
                "Новая кофейня на Баумана, 12. Come and say hi!",
                topics=("новую кофейню", "the new shop"),
                ru=(
                    "Во сколько открываетесь?",
                    "Будет ли доставка?",
                ),
                en=(
                    "Are you hiring baristas?",
                    "Is there Wi-Fi for working?",
                ),
            ),
        ),
    ),
)
