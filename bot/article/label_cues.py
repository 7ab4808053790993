"""Cue words: what a label's words say about its section, keyed by the registry's keys.

The lexicon (:mod:`bot.article.labels`) knows exact renderings; these cues let
:mod:`bot.article.label_meaning` read a rendering it does not know. A cue is a word or a
phrase, written in its base form (the reader matches سطرها to سطر and watching to
watch). A *strong* cue names its key alone; a *weak* one is ambiguous by itself (ظریف is
also a surname, دور also means "round") and counts only with another cue of the same
key. A phrase outranks the words inside it, which is how ambiguous words are resolved by
the rest of the label: زیر نظر is what_to_watch though نظر is what_theyre_saying,
آینده نزدیک is whats_next though نزدیک is zoom_in.

Every rendering of the registry is a strong cue of its key as well, so a known label
inside a longer one (وضعیت کنونی بازار) still counts. The ``other`` entry holds words
of labels that are not sections of the article at all (further reading, photo credits,
the editor's note): they outweigh any other cue. ``tests/test_label_meaning.py`` checks
that every key but ``other`` has strong cues in both languages, that no cue names two
keys, and that every strong cue read alone names its own key.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue words and phrases of one section key."""

    strong: tuple[str, ...]
    weak: tuple[str, ...] = ()


CUES: dict[str, Cues] = {
    "why_it_matters": Cues(
        strong=(
            "اهمیت", "مهم", "چرا مهم", "چرا اهمیت", "چه اهمیتی", "اهمیت دارد", "تاثیر",
            "تأثیر", "اثرگذاری", "چرا باید بدانیم", "چرا باید بدانید", "این یعنی چه", "ضرورت",
            "why it matters", "why this matters", "matters", "important", "importance",
            "significance", "significant", "why care", "why you should care", "impact",
            "what it means", "what this means", "so what",
        ),
        weak=("چرا", "why"),
    ),
    "big_picture": Cues(
        strong=(
            "کلی", "کلیت", "کلیات", "تصویر کلی", "تصویر بزرگ", "تصویر بزرگتر", "تصویر کامل",
            "تصویر جامع", "تصویر کلان", "نمای کلی", "نگاه کلی", "به طور کلی", "در کل",
            "چشم‌انداز کلی", "در یک نگاه",
            "big picture", "bigger picture", "whole picture", "full picture", "overview",
            "overall", "in general", "landscape", "the landscape", "at a glance",
            "broader picture", "wider picture",
        ),
        weak=("تصویر", "قاب", "جامع", "بزرگ", "picture", "big"),
    ),
    "driving_the_news": Cues(
        strong=(
            "محرک", "خبرساز", "چه شد", "اتفاق", "اتفاقات", "رخداد", "رویداد", "رخ داد",
            "چه رخ داد", "اصل خبر", "خبر اصلی", "جرقه", "ماجرا چیست", "از چه قرار",
            "از این قرار", "چرا حالا", "چرا اکنون", "چرا الان", "چه خبر است", "چه خبر شده",
            "driving the news", "driving", "what happened", "happen", "what's happening",
            "the news", "news driver", "trigger", "catalyst", "spark", "why now",
        ),
        weak=("headline", "تیتر"),
    ),
    "latest": Cues(
        strong=(
            "آخرین", "تازه‌ترین", "جدیدترین", "به‌روزرسانی", "بروزرسانی", "خبر تازه",
            "خبرهای تازه", "اخبار تازه", "تازه‌ها", "تحول تازه", "تحولات تازه",
            "به روز", "بروز", "تحولات", "فوری", "چه خبر", "اخیر", "اخیرا", "به تازگی",
            "لحظه به لحظه",
            "latest", "update", "newest", "breaking", "just in", "developments", "what's new",
            "recent", "most recent", "fresh",
        ),
        # A new book, a new law: alone, "new" describes the label's noun.
        weak=("تازه", "جدید", "new", "امروز", "today"),
    ),
    "background": Cues(
        strong=(
            "پیش‌زمینه", "پس‌زمینه", "زمینه", "سابقه", "پیشینه", "تاریخچه", "گذشته",
            "ریشه", "مرور", "یادآوری", "بازگشت به عقب", "از کجا شروع شد", "از کجا آغاز شد",
            "به اینجا رسیدیم", "پیش از این", "پیشتر", "سوابق", "تاریخ ماجرا", "نگاه به عقب",
            "گاه‌شمار", "خط زمانی",
            "background", "backstory", "context", "catch up", "flashback", "history",
            "how we got here", "recap", "rewind", "previously", "refresher", "backdrop",
            "origin", "so far", "look back", "the story so far", "timeline",
        ),
        weak=("تاریخ", "عقب", "بافت", "قبلا", "past"),
    ),
    "state_of_play": Cues(
        strong=(
            "وضعیت", "اوضاع", "وضع", "شرایط", "وضع موجود", "در حال حاضر", "هم‌اکنون",
            "کجا ایستاده‌ایم", "کجای کار", "جایی که هستیم", "کجا هستیم", "تا این لحظه",
            "حال و روز", "آنچه می‌دانیم",
            "state of play", "where it stands", "where things stand", "status", "status quo",
            "situation", "current state", "as it stands", "right now", "where we are",
            "lay of the land", "state", "what we know",
        ),
        weak=(
            "فعلی", "کنونی", "موجود", "اکنون", "حالا", "تاکنون", "current", "currently", "now",
        ),
    ),
    "zoom_in": Cues(
        strong=(
            "نزدیک", "از نزدیک", "ذره‌بین", "موشکافی", "دقیق", "بزرگ‌نمایی", "ریزبینی", "ریزتر",
            "نگاه عمیق", "نگاه دقیق", "زوم روی",
            "zoom in", "closer look", "close look", "up close", "close up", "closeup",
            "in focus", "focus", "drill down", "deep dive", "magnify", "granular",
        ),
        weak=("زوم", "عمیق", "تمرکز", "zoom", "close"),
    ),
    "zoom_out": Cues(
        strong=(
            "کلان", "دورنما", "از دور", "نمای دور", "دورتر", "با فاصله",
            "قدم به عقب", "گامی به عقب", "یک قدم عقب", "عقب‌تر", "از بالا", "نمای باز",
            "گسترده", "گسترده‌تر", "وسیع‌تر", "فراتر", "مقیاس", "چشم‌انداز کلان",
            "چشم‌انداز گسترده", "چشم‌انداز وسیع", "نگاه کلان", "از دور تر",
            "zoom out", "step back", "wider view", "wide view", "wider lens", "wide lens",
            "broader", "broader view", "broader context", "perspective", "in perspective",
            "macro", "long view", "from a distance", "from afar", "pull back", "widen",
            "bird's eye", "birds eye",
        ),
        weak=("دور", "فاصله", "وسیع", "wide", "broad", "distance"),
    ),
    "between_the_lines": Cues(
        strong=(
            "سطور", "سطر", "بین خطوط", "میان خطوط", "لابه‌لا", "لابلا", "لابه‌لای", "لابلای",
            "ظرافت", "ظرایف", "نکته ظریف", "نکات ظریف", "اشاره ظریف", "ناگفته", "پنهان",
            "زیرمتن", "تلویحی", "تلویحا", "ضمنی", "نهفته", "خوانش", "تفسیر",
            "گفته نشد", "گفته نمی‌شود", "پیام واقعی", "معنای واقعی", "نانوشته", "نگفته",
            "لفافه", "در لفافه", "رمزگشایی",
            "between the lines", "read between", "subtext", "unsaid", "what's unsaid",
            "unspoken", "hidden message", "nuance", "subtle", "really means", "decoded",
            "decoding", "the message", "reading the tea leaves", "tea leaves",
        ),
        weak=("ظریف", "خطوط", "تحلیل", "پیام", "معنا", "between", "lines", "analysis", "message"),
    ),
    "yes_but": Cues(
        strong=(
            "اما", "ولی", "با این حال", "با این همه", "با این وجود", "با وجود این",
            "بااین‌حال", "بااین‌همه", "بااین‌وجود", "هرچند", "هر چند", "اگرچه", "البته",
            "منتها", "لیکن", "مع‌الوصف", "در عین حال", "اما و اگر", "گیر کار", "ایراد کار",
            "مشکل اینجاست", "ولی خب",
            "yes but", "but", "however", "still", "that said", "even so", "the catch",
            "catch", "caveat", "though", "yet", "nevertheless", "nonetheless", "the rub",
            "the hitch", "to be sure", "the problem", "downside",
        ),
        weak=("بله", "آری", "yes", "problem", "مشکل"),
    ),
    "the_other_side": Cues(
        strong=(
            "سوی دیگر", "سوی مقابل", "طرف مقابل", "طرف دیگر", "روی دیگر", "روی دیگر سکه",
            "آن روی سکه", "دیگر سو", "از سوی دیگر", "از طرف دیگر", "در مقابل", "مقابل",
            "مخالف", "مخالفان", "منتقد", "روایت دیگر", "روایت مقابل", "دیدگاه مخالف",
            "دیدگاه دیگر", "نگاه دیگر", "نظر مخالف", "آن سو", "آن سوی", "آن طرف",
            "the other side", "other side", "on the other hand", "other hand", "flip side",
            "counterpoint", "counterargument", "opposing view", "opposition", "opponents",
            "critics", "dissent", "pushback", "another view", "other view", "rebuttal",
        ),
        weak=("سکه", "انتقاد", "other", "criticism"),
    ),
    "what_theyre_saying": Cues(
        strong=(
            "گفت", "گوی", "گفته", "بیانیه", "اظهارات", "اظهار", "اظهارنظر", "اظهار نظر",
            "واکنش", "نقل قول", "نقل‌قول", "سخن", "سخنان", "به گفته", "از زبان", "موضع",
            "مواضع", "موضع‌گیری", "دیدگاه", "نظر", "نظرات", "صداها", "گویند", "حرف", "شنید",
            "what they're saying", "what they are saying", "saying", "say", "quote",
            "quotes", "in their words", "in their own words", "reaction", "reactions",
            "react", "response", "responses", "statement", "statements", "voices",
            "what we're hearing", "hearing", "opinions", "the chatter",
        ),
        weak=("صدا", "views", "voice"),
    ),
    "by_the_numbers": Cues(
        strong=(
            "آمار", "آماری", "عدد", "اعداد", "عددی", "رقم", "ارقام", "شمار", "داده",
            "داده‌ها", "درصد", "شاخص", "به زبان اعداد", "حساب و کتاب", "حساب‌وکتاب",
            "by the numbers", "numbers", "number", "stats", "stat", "statistics",
            "figures", "data", "the math", "math", "tally", "metrics", "percent",
            "percentages", "in numbers", "numerically",
        ),
        weak=("نمودار", "جدول", "ریاضی", "تعداد", "chart", "count"),
    ),
    "details": Cues(
        strong=(
            "جزئیات", "جزییات", "ریز", "ریزه‌کاری", "مشخصات", "تفصیل", "به تفصیل", "شرح",
            "چگونگی", "جزء به جزء", "موبه‌مو", "مو به مو",
            "details", "detail", "specifics", "fine print", "how it works", "particulars",
            "nitty gritty", "breakdown",
        ),
    ),
    "whats_next": Cues(
        strong=(
            "گام", "قدم", "مرحله", "مراحل", "آینده", "آتی", "بعدی", "پیش رو", "پیش‌رو",
            "در پیش", "در راه", "از این پس", "پس از این", "سپس", "بعد چه", "حالا چه",
            "چه خواهد شد", "چشم‌انداز", "افق", "فردا", "آینده نزدیک", "نقشه راه", "پیش روست",
            "پیش‌بینی", "انتظارات", "انتظار می‌رود", "ادامه راه", "راه پیش رو",
            "what's next", "what comes next", "next", "next steps", "coming up", "ahead",
            "looking ahead", "road ahead", "lies ahead", "future", "outlook",
            "going forward", "then what", "down the road", "path forward", "upcoming",
            "roadmap", "forecast", "predictions", "what's coming", "happen next",
        ),
        weak=("برنامه", "ادامه", "بعد", "plan"),
    ),
    "what_to_watch": Cues(
        strong=(
            "باید دید", "زیر نظر", "زیر ذره‌بین", "رصد", "تماشا", "مراقب", "منتظر",
            "در انتظار", "چشم‌ها", "پیگیری", "دنبال کنید", "دنبال کردن", "باید دنبال",
            "باید پایید", "پاییدن",
            "what to watch", "watch", "watch for", "keep an eye", "eye on", "eyes on",
            "look for", "look out", "lookout", "worth watching", "monitor", "watchlist",
            "radar", "stay tuned", "to watch",
        ),
        weak=("توجه", "دیدنی", "حواس", "دنبال", "انتظار"),
    ),
    "bottom_line": Cues(
        strong=(
            "نکته اصلی", "جمع‌بندی", "خلاصه", "حرف آخر", "سخن آخر", "کلام آخر", "حرف حساب",
            "نتیجه", "نتیجه‌گیری", "چکیده", "ماحصل", "برآیند", "عصاره", "در نهایت",
            "نهایت", "سرانجام", "در مجموع", "کوتاه سخن", "سخن پایانی", "پایانی",
            "کلام پایانی", "لب کلام", "اصل مطلب", "نکته کلیدی", "خط آخر", "خط پایانی",
            "در یک کلام", "نکات کلیدی",
            "bottom line", "takeaway", "upshot", "in short", "summary", "in sum", "gist",
            "conclusion", "verdict", "final word", "last word", "the point", "net net",
            "all told", "tldr", "key points",
        ),
        weak=("آخر", "کلیدی", "پایان", "key", "final"),
    ),
    "behind_the_scenes": Cues(
        strong=(
            "پشت پرده", "پشت‌پرده", "پشت صحنه", "پشت‌صحنه", "پس پرده", "پشت درهای بسته",
            "درهای بسته", "در خفا", "محرمانه", "پشت", "پشت ماجرا",
            "behind the scenes", "behind closed doors", "closed doors", "backstage",
            "inside", "inside story", "insider", "under the hood", "off the record",
            "behind", "backroom", "backchannel", "behind the curtain",
        ),
        weak=("درون", "پرده", "صحنه"),
    ),
    "reality_check": Cues(
        strong=(
            "واقعیت", "واقعیت‌سنجی", "محک", "راستی‌آزمایی", "راستی آزمایی", "حقیقت",
            "حقیقت‌سنجی", "صحت‌سنجی", "واقع‌بینی", "در واقع", "نه به این سرعت",
            "حقایق",
            "reality check", "reality", "fact check", "factcheck", "truth", "in reality",
            "not so fast", "the facts", "facts", "myth", "debunk",
        ),
        weak=("واقعا", "راستی", "ادعا", "درستی", "دروغ", "real", "actually", "claim"),
    ),
    "the_stakes": Cues(
        strong=(
            "خطر", "در خطر", "خطرات", "مخاطره", "مخاطرات", "ریسک", "تهدید", "در معرض",
            "در گرو", "گرو", "پیامد", "پیامدها", "عواقب", "از دست رفتن", "چه در خطر است",
            "در میان است", "برد و باخت", "تبعات",
            "the stakes", "stakes", "at stake", "risk", "risks", "danger", "threat",
            "consequences", "what could go wrong", "go wrong", "fallout",
            "winners and losers", "risky",
        ),
        weak=(
            "هزینه", "بها", "بازنده", "برنده", "بازندگان", "برندگان", "باخت", "سرنوشت",
            "cost", "price", "winner", "loser",
        ),
    ),
    "other": Cues(
        strong=(
            "بیشتر بخوانید", "بیشتر بدانید", "مطالعه بیشتر", "اطلاعات بیشتر", "مرتبط",
            "منبع", "منابع", "عکس", "ویدیو", "ویدئو", "سردبیر", "یادداشت", "پانوشت",
            "پیوند", "لینک", "آگهی", "تبلیغ", "اصلاحیه",
            "go deeper", "dig deeper", "read more", "more reading", "further reading",
            "related", "source", "sources", "photo", "video", "editor", "editor's note",
            "footnote", "disclosure", "correction", "sponsored", "link",
        ),
    ),
}  # fmt: skip

#: Words that carry no section meaning of their own (look, point, story, matter): they
#: neither decide a key nor count against one, like stop words.
FRAME_WORDS: frozenset[str] = frozenset({
    "نگاه", "نکته", "نکات", "آنچه", "چیزی", "چیز", "چیزها", "موضوع", "ماجرا", "خبر", "اخبار",
    "داستان", "مسئله", "مساله", "قصه", "بخش", "امر", "مطلب", "مطالب", "نما", "قضیه", "پرونده",
    "آنان", "آنها", "آن‌ها", "ما", "شما", "کنید", "کرد", "داشت", "باشید", "شد", "است",
    "story", "thing", "things", "here", "here's", "what's", "it's", "we're", "they're",
    "let's", "news", "look", "quick", "bit", "people", "quickly", "really",
})  # fmt: skip
