"""Later references to people and organisations named earlier in an article.

An article names someone in full once («کاوه نادری، مدیرعامل سازمان بنادر استان») and
then refers back: by surname («به گفته نادری»), by pronoun (وی، او، he, she; "it" for
an organisation), by a demonstrative and a noun of their role or kind («این مقام»،
«این اقتصاددان»، "the authority", "the company"), or by the role alone. :class:`Cast`
keeps everyone named so far, in order, and resolves each new mention to the person or
organisation it refers to, with the role given at any mention.
"""

from __future__ import annotations

import functools
import re

from bot.article.people import (
    Mention,
    is_given_name,
    is_org,
    is_rare,
    is_role_word,
    is_unattested,
    is_unlisted,
    looks_like_name,
    mention_of,
    strip_honorifics,
    word_set,
)
from bot.article.speakers import EN_VERB, FA_VERB, subject_group, verb_like
from bot.text import ZWNJ, fold

_PERSON_PRONOUNS = frozenset({"وی", "او", "ایشان", "he", "she", "him", "her"})
_ORG_PRONOUNS = frozenset({"it"})
_DEMONSTRATIVES = frozenset({"این", "همین", "آن", "the", "this", "that"})
#: Nouns that refer back to any person or any organisation named before.
_ANY_PERSON = word_set("مقام مسئول فرد شخص چهره منبع official person source")
_ANY_ORG = word_set(
    "سازمان شرکت نهاد وزارتخانه اداره بانک مجموعه دستگاه مرکز company firm agency authority "
    "organization organisation group ministry department utility operator body regulator bank "
    "board council association"
)
#: The most words a back reference takes («این مقام آمریکایی», "the grid authority").
MAX_REFERENCE_WORDS = 3
_PLURALS = ("ان", "ها", "های", "ات", "یان", "s", "es")
_NAME_GAP = word_set("و در از با به که را برای")

_WORD = re.compile(f"[\\w{ZWNJ}.'-]+")


def _words(text: str) -> list[str]:
    """Folded words, the ezafe ی after a vowel dropped (سخنگوی → سخنگو)."""
    words = []
    for word in _WORD.findall(fold(text)):
        if len(word) > 3 and word.endswith("ی") and word[-2] in "واه":
            word = word[:-1]
        words.append(word.strip(".'"))
    return words


class Cast:
    """Everyone an article has named so far, and what later mentions refer to."""

    def __init__(self, lang: str = "fa") -> None:
        self.lang = lang
        #: Every person, description and organisation mentioned, oldest first.
        self.seen: list[Mention] = []
        #: Named people, by the folded full name; the role kept from any mention.
        self.people: dict[str, Mention] = {}

    # looking back

    def _last(self, org: bool) -> Mention | None:
        return next((m for m in reversed(self.seen) if m.org == org), None)

    def _by_noun(self, nouns: list[str]) -> Mention | None:
        head = nouns[0]
        forms = {head, *(head + plural for plural in _PLURALS)}
        if head.endswith("ه"):
            forms.add(head[:-1] + "گان")  # نماینده → نمایندگان
        kinds = {True} if head in _ANY_ORG else {False} if head in _ANY_PERSON else {True, False}
        for mention in reversed(self.seen):
            words = _words(f"{mention.speaker} {mention.role or ''}")
            if mention.org in kinds and forms & set(words):
                return mention
        if head in _ANY_ORG:
            return self._last(org=True)
        if head in _ANY_PERSON or is_role_word(head, self.lang):
            # «این نماینده» after «عضو کمیسیون مجلس، خانم زهرا شیخی»: a title the
            # person was not given in so many words is still the person last named
            return self._last(org=False)
        return None

    def _by_name(self, words: list[str]) -> Mention | None:
        for person in reversed(list(self.people.values())):
            names = _words(person.speaker)
            if len(names) > len(words) and names[-len(words) :] == words:
                return person
        return None

    def _by_role(self, words: list[str]) -> Mention | None:
        matches = [
            person
            for person in self.people.values()
            if person.role
            and (
                _words(person.role) == words
                or (len(words) >= 2 and _words(person.role)[: len(words)] == words)
            )
        ]
        return matches[-1] if len({m.speaker for m in matches}) == 1 else None

    def resolve(self, mention: Mention) -> Mention | None:
        """The person or organisation ``mention`` refers to (``None``: nobody known).

        >>> cast = Cast()
        >>> cast.remember(Mention("کاوه نادری", "مدیرعامل سازمان بنادر", named=True))
        >>> cast.resolve(Mention("نادری", named=True)).speaker
        'کاوه نادری'
        >>> cast.resolve(Mention("وی")).role
        'مدیرعامل سازمان بنادر'
        """
        key = fold(mention.speaker)
        if key in _PERSON_PRONOUNS:
            return self._last(org=False)
        if key in _ORG_PRONOUNS:
            return self._last(org=True)
        tokens = mention.speaker.split()
        words = _words(mention.speaker)
        if (
            len(tokens) >= 2
            and fold(tokens[0]) in _DEMONSTRATIVES
            and len(tokens) - 1 <= MAX_REFERENCE_WORDS
            and not (self.lang == "en" and any(t[:1].isupper() for t in tokens[1:]))
        ):
            found = self._by_noun(words[1:])
            if found is not None:
                return found
            return mention
        if self.lang == "en" and len(words) == 2 and words[0] == "the" and len(words[1]) >= 3:
            # "the Fed" after "the Federal Reserve": a short form of an organisation's name.
            for earlier in reversed(self.seen):
                if earlier.org and any(w.startswith(words[1]) for w in _words(earlier.speaker)):
                    return earlier
        if not mention.org and not mention.role and 1 <= len(words) <= 2:
            found = self._by_name(words)
            if found is not None:
                return found
        if mention.named and mention.role and len(words) == 1:
            # «خدایی، نماینده کارگران، افزود»: a surname with a role given again here
            found = self._by_name(words)
            if found is not None and is_given_name(found.speaker.split()[0]):
                return Mention(found.speaker, mention.role, named=True)
        if not mention.named and not mention.org:
            found = self._by_role(words)
            if found is not None:
                return found
        if mention.named:
            known = self.people.get(" ".join(words))
            if known is not None and mention.role is None:
                return known
        return mention

    # remembering

    def remember(self, mention: Mention, *, subject: bool = True) -> None:
        """Record ``mention``; a subject also becomes what pronouns refer to next."""
        if mention.named:
            key = " ".join(_words(mention.speaker))
            known = self.people.get(key)
            role = mention.role or (known.role if known else None)
            mention = Mention(mention.speaker, role, named=True)
            self.people.pop(key, None)
            self.people[key] = mention
        if subject:
            self.seen.append(mention)

    def observe(self, sentence: str) -> None:
        """Learn from a sentence without quotations: reported speech, subjects, names.

        The subject of a speech verb («سخنگوی وزارت گفت ...») or a subject in apposition
        («مصطفی احمدی، کارشناس امنیت، ...») is what a later pronoun means; every name
        with its role is kept for surname references.
        """
        lang = self.lang
        verb = EN_VERB if lang == "en" else FA_VERB
        spoken = verb.search(sentence)
        group = subject_group(sentence[: spoken.start()], lang) if spoken else []
        if not group:
            group = subject_group(sentence, lang, to_verb=False)
            mention = mention_of(group, lang) if group else None
            if mention is not None and not (
                mention.org
                or (mention.named and (len(group) > 1 or mention.role))
                or is_role_word(group[0].split()[0], lang)
            ):
                mention = None
        else:
            mention = mention_of(group, lang)
        if mention is not None:
            resolved = self.resolve(mention)
            if resolved is not None:
                self.remember(resolved)
        self.observe_names(sentence)

    def observe_names(self, sentence: str) -> None:
        """Keep every name in ``sentence`` not known yet, with its role, for later surnames.

        English organisations named anywhere are kept too, for "the authority", "it".
        """
        for name, role in names_in(sentence, self.lang):
            known = self.people.get(" ".join(_words(name)))
            if known is None or (role and not known.role):
                self.remember(Mention(name, role, named=True), subject=False)
        if self.lang == "en":
            for org in orgs_in(sentence):
                self.seen.append(Mention(org, org=True))


_POSSESSIVE = re.compile(r"(?:'s|’s)$")


def orgs_in(sentence: str) -> list[str]:
    """English organisation names in ``sentence``: capitalised words ending in a kind.

    >>> orgs_in("The Lakeport Grid Authority's board met the Acme Industries chief.")
    ['Lakeport Grid Authority', 'Acme Industries']
    """
    tokens = [_POSSESSIVE.sub("", token.strip('.,;:!?"“”()')) for token in sentence.split()]
    found = []
    for index, token in enumerate(tokens):
        if not (token[:1].isupper() and index and is_org(token, "en")):
            continue
        start = index
        while start > 0 and index - start < 5 and tokens[start - 1][:1].isupper():
            start -= 1
        words = tokens[start : index + 1]
        if words and fold(words[0]) == "the":
            words = words[1:]
        if len(words) >= 2:
            found.append(" ".join(words))
    return found


def _role_before(raw: list[str], start: int, lang: str) -> str | None:
    """The role written straight before the name at ``start`` (up to five words back).

    Persian roles open with their role word («مشاور امنیت ملی»); English ones end with
    it ("commodities analyst"). A Persian role may also stand in apposition before the
    name, set off by a comma («مهاجم ملی‌پوش تراکتور، آرش دلاوری، ...»).
    """
    if lang == "fa" and start and raw[start - 1].endswith(("،", ",")):
        return _role_before([*raw[: start - 1], raw[start - 1].rstrip("،,")], start, lang)
    first = start
    for index in range(start - 1, max(start - 6, -1), -1):
        key = fold(raw[index]).strip(".,،:;؛")
        if (
            key in _NAME_GAP
            or key in {"the", "a", "an", "to", "of", "by"}
            or raw[index].endswith((",", "،", ":", ";", "؛"))
        ):
            break
        first = index
    words = [word.strip(".,،:;؛") for word in raw[first:start]]
    if lang == "en":
        roles = [index for index, word in enumerate(words) if is_role_word(word, lang)]
        if not roles:
            return None
        # The role word, one lower-case word before it and any capitalised ones.
        begin, lower = roles[0], 0
        while begin > 0 and (words[begin - 1][:1].isupper() or lower < 1):
            lower += not words[begin - 1][:1].isupper()
            begin -= 1
        return " ".join(words[begin : roles[-1] + 1])
    opening = next((i for i, word in enumerate(words) if is_role_word(word, lang)), None)
    return " ".join(words[opening:]) if opening is not None else None


_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")


def names_in(sentence: str, lang: str = "fa") -> list[tuple[str, str | None]]:
    """Names of people in ``sentence`` (on the evidence available), each with its role.

    >>> names_in("هیئت به رهبری مشاور امنیت ملی رستام اوماروف هدایت می‌شود.")
    [('رستام اوماروف', 'مشاور امنیت ملی')]
    >>> names_in("")
    []
    """
    tokens = _QUOTED.sub(" ", sentence).split()
    found: list[tuple[str, str | None]] = []
    # A Persian name opens with a given name or a word hazm's corpus never saw.
    opens = [lang == "en" or _may_open(token) for token in tokens]
    if not any(opens):
        return found
    clean = [token.strip(_TOKEN_EDGES) for token in tokens]
    index = 0
    while index < len(clean):
        length = _name_length(clean, index, lang) if opens[index] else 0
        if length:
            name = " ".join(strip_honorifics(" ".join(clean[index : index + length]), lang).split())
            found.append((name, _role_before(tokens, index, lang)))
            index += length
        else:
            index += 1
    return found


_TOKEN_EDGES = ".,،:;؛!?؟()"


@functools.lru_cache(maxsize=1 << 15)
def _may_open(token: str) -> bool:
    """Whether a Persian token, punctuation trimmed, may open a name."""
    word = token.strip(_TOKEN_EDGES)
    return is_given_name(word) or is_unattested(word)


def _may_name(token: str, lang: str) -> bool:
    """Whether a token may follow the first word of a name: not a verb, not an organisation."""
    return bool(token) and not verb_like(token, lang) and not is_org(token, lang)


def _name_length(tokens: list[str], start: int, lang: str) -> int:
    if lang == "en":
        if start == 0:
            return 0
        length = 0
        while (
            start + length < len(tokens)
            and length < 3
            and tokens[start + length][:1].isupper()
            and _may_name(tokens[start + length], lang)
            and not is_role_word(tokens[start + length], lang)
            and fold(tokens[start + length]) not in {"the", "a", "an"}
        ):
            length += 1
        if length >= 2 and is_org(" ".join(tokens[start : start + length + 1]), lang):
            return 0
        return length if length >= 2 else 0
    if is_given_name(tokens[start]) and start + 1 < len(tokens):
        following = tokens[start + 1]
        if _may_name(following, lang) and looks_like_name(f"{tokens[start]} {following}", lang):
            more = start + 2 < len(tokens) and is_rare(tokens[start + 2])
            return 3 if more else 2
        return 0
    length = 0
    while start + length < len(tokens) and length < 3 and is_unattested(tokens[start + length]):
        length += 1
    if length < 2:
        return 0
    # hazm leaves many common words uncounted (تیم، فنی): one word it does not list at all
    # (a foreign name, mostly) is needed too.
    listed = all(not is_unlisted(token) for token in tokens[start : start + length])
    return 0 if listed else length
