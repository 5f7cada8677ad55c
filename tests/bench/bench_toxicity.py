"""Throughput of the lexicon scorer on synthetic short comments (not run by pytest).

    PYTHONPATH=. python tests/bench/bench_toxicity.py [count]

Comments mix clean Russian and English with disguised rude words, so both the cached and the
uncached paths (new spellings every time) are exercised.
"""

import random
import sys
import time

from moderator_app.toxicity.lexicon import LexiconScorer

CLEAN = (
    "Спасибо за статью, очень полезно! Давно хотел почитать про рыбалку и снасти.",
    "Хм, у меня другое мнение, но аргументы понятные. Жду продолжения про ремонт.",
    "Great stream today, the boss fight was epic and the chat was on fire.",
    "Thanks for the write-up, I tried it on my old laptop and it works fine.",
)
RUDE = ("дурак", "тупой", "дебил", "нахуй", "блять", "idiot", "fuck", "stfu", "сука", "мразь")


def disguise(word: str, rng: random.Random) -> str:
    trick = rng.randrange(5)
    if trick == 0:
        return word.replace("а", "a").replace("о", "o").replace("р", "p")
    if trick == 1:
        i = rng.randrange(len(word))
        return word[:i] + word[i] * rng.randint(3, 6) + word[i + 1 :]
    if trick == 2:
        return ".".join(word)
    if trick == 3:
        return word[0] + "*" + word[2:]
    return word


def comments(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        text = rng.choice(CLEAN)
        if rng.random() < 0.3:
            text += f" {disguise(rng.choice(RUDE), rng)}"
        out.append(f"{text} #{n}")  # a number keeps every comment distinct
    return out


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    texts = comments(count)
    scorer = LexiconScorer()
    scorer.score("warm up: loads and compiles the lexicon")
    for run in ("first pass", "second pass"):
        started = time.perf_counter()
        scorer.score_batch(texts)
        elapsed = time.perf_counter() - started
        print(f"{run}: {count / elapsed:,.0f} comments/s ({elapsed * 1000 / count:.3f} ms each)")


if __name__ == "__main__":
    main()
