"""Realistic, varied posts for the differential tests and the pipe benchmark.

Deterministic for a seed: French with accents (NFC and NFD), emoji of every kind (ZWJ
families, skin tones, flags, keycaps, tag flags, stray U+FE0F and U+FE0E), CJK, Arabic,
Devanagari, links of every form (with and without a scheme, IDN hosts and TLDs,
punycode, paths, queries, parentheses, trailing punctuation, t.co), handles, hashtags,
CR LF, and lengths around each platform's limit.
"""

from __future__ import annotations

import random
import unicodedata
from functools import cache

WORDS = {
    "fr": "Ce soir à 20 h on débat d'écologie qu'est-ce qui a changé depuis l'été "
          "élève où Noël garçon cœur déjà très précieux événement forêt île".split(),
    "en": "tonight we talk about cities and climate bring your questions and your "
          "friends see you there".split(),
    "cjk": "日本からも 参加できます 皆さん よろしく お願いします 中文 한국어 テスト".split(),
    "ar": "مرحبا بكم في الدردشة الليلة سؤال جواب".split(),
    "hi": "नमस्ते क्षमा हिन्दी स्वागत प्रश्न उत्तर कृपया धन्यवाद".split(),
}

TRICKY_EMOJI = [
    "✅\ufe0f", "❌\ufe0f", "😀\ufe0f", "⭐\ufe0f", "⚽\ufe0f", "❤\ufe0f", "❤", "❤\ufe0e",
    "☺", "☺\ufe0f", "©", "®", "©\ufe0f", "™", "™\ufe0f", "#\ufe0f\u20e3", "1\u20e3",
    "*\u20e3", "🇫🇷", "🇯🇵", "🇺🇳", "🇦", "🇦🇦",
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "👨\u200d👩\u200d👧\u200d👦", "👋🏽", "👋\U0001f3fb\ufe0f", "🐦\u200d🔥",
    "🏳\ufe0f\u200d⚧\ufe0f",
    "🏳\u200d🌈", "🧑🏾\u200d🤝\u200d🧑🏻", "👩\u200d❤\ufe0f\u200d💋\u200d👨", "🫨", "🫸🏼",
    "🙂\u200d↔\ufe0f", "\ufe0f", "\u200d", "🏻", "👨\u200d", "a\ufe0f", "日\ufe0f",
]

LINKS = [
    "https://example.com", "http://example.com/", "https://example.org/chat/2026/ecologie-et-ville",
    "example.com", "www.example.fr/programme", "t.co/abc123", "https://t.co/abcDEF?x=1",
    "http://foobar.みんな/", "www.blog.日本.fr/fr/articles/ecologie", "blog.日本.fr",
    "https://日本.jp/パス", "https://xn--bcher-kva.com/x", "xn--bcher-kva.com",
    "https://bücher.de/straße", "https://example.com/e\u0301coles", "https://example.com/écoles",
    "https://en.wikipedia.org/wiki/Primer_(film)", "https://example.com/a_(b)_c?d=e#f",
    "https://example.com/path?q=été&r=1", "https://example.com/x!(y)", "a.co/x!(y)",
    "https://EXAMPLE.COM/UPPER", "HTTPS://example.com", "Example.COM", "example.co.uk/a",
    "https://example.com:8080/p", "http://127.0.0.1/x", "https://[::1]/v6",
    "https://example.com/" + "a" * 40, "example.com/" + "b" * 30 + ".", "foo.notatld",
    "https://sub.domain.example.social/@user/123", "gemini://example.com/x",
    "https://example.com/é?q=ü#frag", "mailto:user@example.com", "user@example.com",
    "https://example.com/path,", "https://example.com/path.", "(https://example.com/x)",
    "https://müller.example/a", "ex-ample.com", "-bad.com", "foo.com-x", "https://a.b",
    "https://www.example.com/" + "%C3%A9" * 3, "https://example.com/\u0301",
    "www.example.fr/été/à", "example.com/日本", "https://example.com/#", "https://example.com?",
]

HANDLES = [
    "@alice", "@alice@mastodon.social", "@bob@example.fr", "@user@server.social@other.social",
    "@alice.bsky.social", "@nom_long@instance.example", "@x@xn--bcher-kva.com",
    "@देव@उदाहरण.भारत", "@a@b.c", "email@example.com", "@alice@मास्टो.com",
]

HASHTAGS = ["#ÉcoChat", "#chat", "#日本", "#1", "#a_b", "＃全角", "#été2026"]

SPACES = [" ", " ", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u3000", "\u2028"]

ODD = ["\ufeff", "\u200b", "\u202a", "\u200e", "…", "—", "«", "»", "’", "\u0301", "ﬁ", "Å", "Å"]


@cache
def _emoji_pool() -> tuple[str, ...]:
    import emoji

    return tuple(sorted(emoji.EMOJI_DATA))


def _token(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.40:
        language = rng.choice(list(WORDS))
        return rng.choice(WORDS[language])
    if roll < 0.55:
        return rng.choice(_emoji_pool())
    if roll < 0.62:
        return rng.choice(TRICKY_EMOJI)
    if roll < 0.74:
        link = rng.choice(LINKS)
        return link + rng.choice(["", "", "", ".", ",", ")", "!", "?"])
    if roll < 0.80:
        return rng.choice(HANDLES)
    if roll < 0.86:
        return rng.choice(HASHTAGS)
    if roll < 0.90:
        return rng.choice(ODD)
    return rng.choice(WORDS["fr"]).upper()


def post(rng: random.Random, target: int) -> str:
    """A post of about `target` code points."""
    parts: list[str] = []
    size = 0
    while size < target:
        token = _token(rng)
        parts.append(token)
        parts.append(rng.choice(SPACES))
        size += len(token) + 1
    text = "".join(parts)
    if rng.random() < 0.3:
        text = text[: max(target, 1)]  # cut anywhere, even inside an emoji or a link
    form = rng.random()
    if form < 0.2:
        text = unicodedata.normalize("NFD", text)
    elif form < 0.25:
        text = text.strip()
    return text


def posts(count: int, seed: int = 15) -> list[str]:
    """`count` posts, lengths spread around each platform's limit and below."""
    rng = random.Random(seed)
    targets = (0, 1, 5, 20, 60, 140, 200, 270, 280, 290, 300, 310, 480, 500, 520)
    return [post(rng, rng.choice(targets) + rng.randrange(-8, 9)) for _ in range(count)]
