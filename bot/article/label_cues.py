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
            "significance", "significant", "why care", "why you should care", "impact", "big deal",
            "what it means", "what this means", "so what", "ربط", "ربطی", "relevance", "relevant",
        ),
        weak=("چرا", "why", "care", "ارزش", "وزن", "value", "weight"),
    ),
    "big_picture": Cues(
        strong=(
            "کلی", "کلیت", "کلیات", "تصویر کلی", "تصویر بزرگ", "تصویر بزرگتر", "تصویر کامل",
            "تصویر جامع", "تصویر کلان", "نمای کلی", "نگاه کلی", "به طور کلی", "در کل",
            "چشم‌انداز کلی", "در یک نگاه", "کل ماجرا", "کل تصویر",
            "big picture", "bigger picture", "whole picture", "full picture", "overview",
            "overall", "in general", "landscape", "the landscape", "at a glance",
            "broader picture", "wider picture", "broad picture", "نمای بزرگ‌تر", "نمای بزرگ",
        ),
        weak=("تصویر", "قاب", "جامع", "بزرگ", "روند", "picture", "big", "trend"),
    ),
    "driving_the_news": Cues(
        strong=(
            "محرک", "خبرساز", "چه شد", "اتفاق", "اتفاقات", "رخداد", "رویداد", "رخ داد",
            "چه رخ داد", "اصل خبر", "خبر اصلی", "جرقه", "ماجرا چیست", "از چه قرار",
            "از این قرار", "چرا حالا", "چرا اکنون", "چرا الان", "چه خبر است", "چه خبر شده",
            "چه خبر شد", "خبر را ساخت", "خبر را رقم زد", "پیش آمد", "چه پیش آمد", "قضیه چیست",
            "ماجرا چیه", "قضیه چیه", "واقعه",
            "اتفاق اصلی", "ماجرای اصلی", "چرا همین حالا", "چرا همین الان", "چرا همین امروز",
            "باعث شد", "سبب شد", "موجب شد", "تکان", "تکان داد", "شوک", "لرزاند",
            "پیشران",
            "هدایت‌کننده",
            "driving the news", "driving", "what happened", "happen", "what's happening",
            "the news", "news driver", "trigger", "catalyst", "spark", "why now", "prompted",
            "what prompted", "set off", "what set off", "sparked", "why now", "shook", "jolt",
            "jolted", "rattled",
        ),
        weak=("headline", "تیتر", "دلیل", "علت"),
    ),
    "latest": Cues(
        strong=(
            "آخرین", "تازه‌ترین", "جدیدترین", "به‌روزرسانی", "بروزرسانی", "خبر تازه",
            "خبرهای تازه", "اخبار تازه", "تازه‌ها", "تحول تازه", "تحولات تازه",
            "به روز", "بروز", "تحولات", "فوری", "چه خبر", "اخیر", "اخیرا", "به تازگی",
            "لحظه به لحظه", "لحظه‌ای", "خبر جدید", "اخبار جدید", "تحول جدید", "تحولات جدید",
            "latest", "update", "newest", "breaking", "just in", "developments", "what's new",
            "recent", "most recent", "fresh", "live", "live updates", "new developments",
            "what's changed", "new this week", "just now", "moments ago", "hours ago",
            "recently", "most recently", "just announced",
        ),
        # A new book, a new law: alone, "new" describes the label's noun.
        weak=("تازه", "جدید", "new", "امروز", "today"),
    ),
    "background": Cues(
        strong=(
            "پیش‌زمینه", "پس‌زمینه", "زمینه", "سابقه", "پیشینه", "تاریخچه", "گذشته",
            "ریشه", "مرور", "یادآوری", "بازگشت به عقب", "از کجا شروع شد", "از کجا آغاز شد",
            "به اینجا رسیدیم", "پیش از این", "پیشتر", "سوابق", "تاریخ ماجرا", "نگاه به عقب",
            "گاه‌شمار", "خط زمانی", "در گذشته", "مرور گذشته", "شروع ماجرا", "آغاز ماجرا", "قبل‌تر",
            "قبل از این", "فلش‌بک", "آنچه گذشت", "بستر",
            "یادآور", "به عقب", "به عقب برگردیم", "بازگشت به گذشته", "منشا", "منشأ", "خاستگاه",
            "سرچشمه", "سرآغاز", "آغازگاه", "از دیروز تا امروز",
            "background", "backstory", "context", "catch up", "flashback", "history",
            "how we got here", "recap", "rewind", "previously", "refresher", "backdrop",
            "origin", "so far", "look back", "the story so far", "timeline", "how it started",
            "for context", "some context", "roots", "origins", "beginnings",
        ),
        weak=("تاریخ", "عقب", "بافت", "قبلا", "past", "earlier"),
    ),
    "state_of_play": Cues(
        strong=(
            "وضعیت", "اوضاع", "وضع", "شرایط", "وضع موجود", "در حال حاضر",
            "کجا ایستاده‌ایم", "کجای کار", "جایی که هستیم", "کجا هستیم", "تا این لحظه",
            "حال و روز", "آنچه می‌دانیم", "تا امروز", "حالا کجاییم", "وضعیت جاری", "حال حاضر",
            "اکنون", "هم‌اکنون", "چه می‌دانیم", "جایگاه فعلی", "موقعیت", "حال و هوا",
            "به کجا رسیده",
            "کار به کجا رسید", "تا این ساعت", "تا به حال", "تا به امروز", "اینک", "هم‌اینک",
            "هم اینک",
            "state of play", "where it stands", "where things stand", "status", "status quo",
            "situation", "current state", "as it stands", "right now", "where we are",
            "lay of the land", "state", "what we know", "current status", "state of things",
            "as of now", "where things are", "where it all stands", "at present", "presently",
            "as things stand",
        ),
        weak=(
            "فعلی", "کنونی", "موجود", "حالا", "تاکنون", "current", "currently", "now",
        ),
    ),
    "zoom_in": Cues(
        strong=(
            "نزدیک", "از نزدیک", "ذره‌بین", "موشکافی", "دقیق", "بزرگ‌نمایی", "ریزبینی", "ریزتر",
            "نگاه عمیق", "نگاه دقیق", "زوم روی", "دقت", "با دقت", "تمرکز بر", "تمرکز روی",
            "موردکاوی", "مطالعه موردی", "برای مثال", "به عنوان مثال", "برای نمونه",
            "به عنوان نمونه", "کالبدشکافی", "در کانون", "مثلا", "مثلاً", "زوم کنیم", "زوم کن",
            "zoom in", "closer look", "close look", "up close", "close up", "closeup",
            "in focus", "focus", "drill down", "deep dive", "magnify", "granular", "case in point",
            "for instance", "for example", "case study", "closer", "looking closer",
        ),
        weak=("زوم", "عمیق", "تمرکز", "نمونه", "مثال", "zoom", "close", "example"),
    ),
    "zoom_out": Cues(
        strong=(
            "کلان", "دورنما", "از دور", "نمای دور", "دورتر", "با فاصله",
            "قدم به عقب", "گامی به عقب", "یک قدم عقب", "عقب‌تر", "از بالا", "نمای باز",
            "گسترده", "گسترده‌تر", "وسیع‌تر", "فراتر", "مقیاس", "چشم‌انداز کلان",
            "چشم‌انداز گسترده", "چشم‌انداز وسیع", "نگاه کلان", "از دور تر",
            "بازتر", "زاویه باز", "زاویه بازتر", "نمای بازتر", "در سطح کلان",
            "در سطح ملی", "در سطح جهانی", "در سطح جهان", "گام عقب", "گام عقب‌تر", "قدم عقب",
            "قدم عقب‌تر", "کوچک‌نمایی", "در ابعاد ملی", "ابعاد ملی", "ابعاد جهانی", "در ابعاد کلان",
            "ابعاد بزرگ‌تر", "در ابعاد بزرگ",
            "با کمی فاصله",
            "zoom out", "step back", "wider view", "wide view", "wider lens", "wide lens",
            "broader", "broader view", "broader context", "perspective", "in perspective",
            "macro", "long view", "from a distance", "from afar", "pull back", "widen",
            "bird's eye", "birds eye", "wider angle", "wide angle", "wider context",
            "larger context", "globally",
        ),
        weak=("دور", "فاصله", "وسیع", "باز", "wide", "broad", "distance"),
    ),
    "between_the_lines": Cues(
        strong=(
            "سطور", "سطر", "بین خطوط", "میان خطوط", "لابه‌لا", "لابلا", "لابه‌لای", "لابلای",
            "ظرافت", "ظرایف", "نکته ظریف", "نکات ظریف", "اشاره ظریف", "ناگفته", "پنهان",
            "زیرمتن", "تلویحی", "تلویحا", "ضمنی", "نهفته", "خوانش", "تفسیر",
            "گفته نشد", "گفته نمی‌شود", "پیام واقعی", "معنای واقعی", "نانوشته", "نگفته",
            "لفافه", "در لفافه", "رمزگشایی", "زیر پوست", "لایه پنهان", "پشت حرف", "زیر لایه",
            "لایه‌های زیرین", "تحلیل ما", "برداشت ما", "کنایه",
            "پشت حرف‌ها", "پشت کلمات", "پشت این حرف‌ها",
            "between the lines", "read between", "subtext", "unsaid", "what's unsaid",
            "unspoken", "hidden message", "nuance", "subtle", "really means", "decoded",
            "decoding", "the message", "reading the tea leaves", "tea leaves", "signals",
            "thought bubble", "our thought bubble", "what it signals", "intrigue",
            "read into", "didn't say", "did not say", "not saying", "left unsaid", "implied",
            "implicit", "hidden meaning",
        ),
        weak=("ظریف", "خطوط", "تحلیل", "پیام", "معنا", "معنی", "لایه", "برداشت", "قرائت",
              "اشاره", "between", "lines", "analysis", "message"),
    ),
    "yes_but": Cues(
        strong=(
            "اما", "ولی", "با این حال", "با این همه", "با این وجود", "با وجود این",
            "بااین‌حال", "بااین‌همه", "بااین‌وجود", "هرچند", "هر چند", "اگرچه", "البته",
            "منتها", "لیکن", "مع‌الوصف", "در عین حال", "اما و اگر", "گیر کار", "ایراد کار",
            "مشکل اینجاست", "ولی خب", "گرچه", "با وجود", "باوجود", "گره کار", "نه به این سادگی",
            "استثنا", "استثنائات", "ایراد",
            "ایرادات",
            "محدودیت", "محدودیت‌ها", "نقطه ضعف", "نقاط ضعف", "به‌رغم", "علی‌رغم", "برخلاف",
            "yes but", "but", "however", "still", "that said", "even so", "the catch",
            "catch", "caveat", "though", "yet", "nevertheless", "nonetheless", "the rub",
            "the hitch", "to be sure", "the problem", "downside", "snag", "despite",
            "notwithstanding", "although",
        ),
        weak=("بله", "آری", "yes", "problem", "مشکل", "چالش", "ضعف", "challenge",
              "limitation", "exception"),
    ),
    "the_other_side": Cues(
        strong=(
            "سوی دیگر", "سوی مقابل", "طرف مقابل", "طرف دیگر", "روی دیگر", "روی دیگر سکه",
            "آن روی سکه", "دیگر سو", "از سوی دیگر", "از طرف دیگر", "در مقابل", "مقابل",
            "مخالف", "مخالفان", "منتقد", "روایت دیگر", "روایت مقابل", "دیدگاه مخالف",
            "دیدگاه دیگر", "نگاه دیگر", "نظر مخالف", "آن سو", "آن سوی", "آن طرف", "نقد", "نقدها",
            "انتقاد",
            "انتقادات", "منتقدان", "معترض", "معترضان", "دیدگاه مقابل", "نظر مقابل",
            "آن روی", "آن رو", "طرف", "دفاع", "دفاعیات", "دفاعیه",
            "the other side", "other side", "on the other hand", "other hand", "flip side",
            "counterpoint", "counterargument", "opposing view", "opposition", "opponents",
            "critics", "dissent", "pushback", "another view", "other view", "rebuttal", "skeptics",
            "opposing",
            "opposite", "opposing camp", "naysayers", "counter view", "counterview",
            "detractors", "the defense", "defence", "the defence",
        ),
        weak=("سکه", "اعتراض", "other", "criticism"),
    ),
    "what_theyre_saying": Cues(
        strong=(
            "گفت", "گوی", "گفته", "بیانیه", "اظهارات", "اظهار", "اظهارنظر", "اظهار نظر",
            "واکنش", "نقل قول", "نقل‌قول", "سخن", "سخنان", "به گفته", "از زبان", "موضع",
            "مواضع", "موضع‌گیری", "دیدگاه", "نظر", "نظرات", "صدا", "صداها", "گویند", "حرف",
            "شنید", "روایت", "به روایت", "از دید", "از منظر", "از قول", "به قول", "پاسخ",
            "طرفین", "به نقل از", "in the words of",
            "what they're saying", "what they are saying", "saying", "say", "quote",
            "quotes", "in their words", "in their own words", "reaction", "reactions",
            "react", "response", "responses", "statement", "statements", "voices",
            "what we're hearing", "hearing", "opinions", "the chatter", "said", "key quote",
            "comments", "commentary",
        ),
        weak=("views", "voice"),
    ),
    "by_the_numbers": Cues(
        strong=(
            "آمار", "آماری", "عدد", "اعداد", "عددی", "رقم", "ارقام", "شمار", "داده",
            "داده‌ها", "درصد", "شاخص", "به زبان اعداد", "حساب و کتاب", "حساب‌وکتاب",
            "by the numbers", "numbers", "number", "stats", "stat", "statistics",
            "figures", "data", "the math", "math", "tally", "metrics", "percent",
            "percentages", "in numbers", "numerically", "digits", "data point",
        ),
        weak=("نمودار", "جدول", "ریاضی", "تعداد", "نرخ", "میزان", "chart", "count", "rate"),
    ),
    "details": Cues(
        strong=(
            "جزئیات", "جزییات", "ریز", "ریزه‌کاری", "مشخصات", "تفصیل", "به تفصیل", "شرح",
            "نکات فنی", "نکته فنی", "کم و کیف", "چند و چون", "مفاد", "نحوه", "چطور کار",
            "چگونه کار",
            "چگونگی", "جزء به جزء", "موبه‌مو", "مو به مو", "مشروح", "تفصیلی",
            "details", "detail", "specifics", "fine print", "how it works", "particulars",
            "nitty gritty", "breakdown", "provisions", "what's in it",
        ),
        weak=("جزئی", "ویژگی", "بند", "features"),
    ),
    "whats_next": Cues(
        strong=(
            "گام", "قدم", "مرحله", "مراحل", "آینده", "آتی", "بعدی", "پیش رو", "پیش‌رو",
            "در پیش", "در راه", "از این پس", "پس از این", "سپس", "بعد چه", "حالا چه",
            "چه خواهد شد", "چشم‌انداز", "افق", "فردا", "آینده نزدیک", "نقشه راه", "پیش روست",
            "پیش‌بینی", "انتظارات", "انتظار می‌رود", "ادامه راه", "راه پیش رو",
            "به بعد", "از این به بعد", "از اینجا به بعد", "بعد از این", "خواهد", "اکنون چه",
            "از اینجا به کجا", "از اینجا به بعد", "چه می‌شود", "چه خواهد شد", "زمان‌بندی",
            "زمانبندی", "تقویم اجرا", "چه در انتظار", "آنچه در انتظار", "در انتظار ماست",
            "what's next", "what comes next", "next", "next steps", "coming up", "ahead",
            "looking ahead", "road ahead", "lies ahead", "future", "outlook",
            "going forward", "then what", "down the road", "path forward", "upcoming",
            "roadmap", "forecast", "predictions", "what's coming", "happen next", "next up",
            "what to expect", "expect", "headed", "from here", "where from here", "road from here",
            "what comes", "comes after",
            "what awaits", "awaits",
        ),
        weak=("برنامه", "ادامه", "بعد", "plan", "schedule"),
    ),
    "what_to_watch": Cues(
        strong=(
            "باید دید", "زیر نظر", "زیر ذره‌بین", "رصد", "تماشا", "مراقب", "منتظر",
            "در انتظار", "چشم‌ها", "پیگیری", "دنبال کنید", "دنبال کردن", "باید دنبال",
            "باید پایید", "پاییدن", "دنبال کرد", "حواس", "زیر نظر گرفت", "نمی‌دانیم",
            "آنچه نمی‌دانیم", "معلوم نیست", "روشن نیست", "بی‌جواب", "ابهام", "ابهامات", "مبهم",
            "نامعلوم", "نامشخص", "ناروشن",
            "پرسش اصلی", "سوال اصلی", "پرسش بزرگ", "سوال بزرگ", "بی‌پاسخ", "پرسش‌های باز",
            "سوال‌های باز", "همه نگاه‌ها", "نگاه‌ها به", "همه چشم‌ها", "چشم به",
            "what to watch", "watch", "watch for", "keep an eye", "eye on", "eyes on",
            "look for", "look out", "lookout", "worth watching", "monitor", "watchlist",
            "radar", "stay tuned", "to watch", "big question", "the big question",
            "open questions", "don't know", "what we don't know", "unknowns", "eyes peeled",
            "unclear",
            "uncertain", "uncertainty", "unanswered",
        ),
        weak=("توجه", "دیدنی", "دنبال", "انتظار", "پرسش", "سوال", "question"),
    ),
    "bottom_line": Cues(
        strong=(
            "نکته اصلی", "جمع‌بندی", "خلاصه", "حرف آخر", "سخن آخر", "کلام آخر", "حرف حساب",
            "نتیجه", "نتیجه‌گیری", "چکیده", "ماحصل", "برآیند", "عصاره", "در نهایت",
            "نهایت", "سرانجام", "در مجموع", "کوتاه سخن", "سخن پایانی", "پایانی",
            "کلام پایانی", "لب کلام", "اصل مطلب", "نکته کلیدی", "خط آخر", "خط پایانی",
            "در یک کلام", "نکات کلیدی", "در پایان", "در خاتمه", "در آخر", "خاتمه",
            "به زبان ساده", "به بیان ساده", "ساده بگوییم", "به طور خلاصه", "مختصر",
            "به اختصار", "در جمع‌بندی", "سخن کوتاه", "القصه", "در یک کلمه", "سخن نهایی",
            "حرف نهایی", "در یک جمله", "جان کلام", "لب مطلب", "لب کلام",
            "کلام نهایی",
            "bottom line", "takeaway", "upshot", "in short", "summary", "in sum", "gist",
            "conclusion", "verdict", "final word", "last word", "the point", "net net",
            "all told", "tldr", "key points", "simply put", "in a nutshell", "nutshell",
            "short answer", "in brief", "briefly",
            "net result", "end result", "the result", "the kicker", "kicker", "be smart",
            "short version", "long story short",
        ),
        weak=("آخر", "کلیدی", "پایان", "نهایی", "key", "final"),
    ),
    "behind_the_scenes": Cues(
        strong=(
            "پشت پرده", "پشت‌پرده", "پشت صحنه", "پشت‌صحنه", "پس پرده", "پشت درهای بسته",
            "درهای بسته", "در خفا", "محرمانه", "پشت", "پشت ماجرا", "آن سوی پرده", "درون",
            "از درون", "در بسته", "دور از چشم", "دور از انظار", "داخل جلسه", "داخل اتاق",
            "مخفیانه", "پنهانی", "بی‌سروصدا", "بی سر و صدا", "خفا",
            "behind the scenes", "behind closed doors", "closed doors", "backstage",
            "inside", "inside story", "insider", "under the hood", "off the record",
            "behind", "backroom", "backchannel", "behind the curtain", "off camera", "secretly",
            "quietly", "in private", "privately",
        ),
        weak=("پرده", "صحنه", "اتاق"),
    ),
    "reality_check": Cues(
        strong=(
            "واقعیت", "واقعیت‌سنجی", "محک", "راستی‌آزمایی", "راستی آزمایی", "حقیقت",
            "حقیقت‌سنجی", "صحت‌سنجی", "واقع‌بینی", "در واقع", "نه به این سرعت",
            "حقایق", "در عمل", "واقع‌بین", "بررسی ادعا", "عالم واقع", "در عالم واقع", "دنیای واقعی",
            "نه به این زودی", "عملا", "عملاً",
            "reality check", "reality", "fact check", "factcheck", "truth", "in reality",
            "not so fast", "the facts", "facts", "myth", "debunk", "in practice", "practically",
        ),
        weak=("واقعا", "راستی", "ادعا", "درستی", "دروغ", "صحت", "real", "actually", "claim"),
    ),
    "the_stakes": Cues(
        strong=(
            "خطر", "در خطر", "خطرات", "مخاطره", "مخاطرات", "ریسک", "تهدید", "در معرض",
            "در گرو", "گرو", "پیامد", "پیامدها", "عواقب", "از دست رفتن", "چه در خطر است",
            "در میان است", "برد و باخت", "تبعات", "از دست", "از دست داد", "چه کسی باخت",
            "چه کسی برد", "در ترازو", "بهای شکست", "هزینه شکست", "خسارت", "خسارات",
            "the stakes", "stakes", "at stake", "risk", "risks", "danger", "threat",
            "consequences", "what could go wrong", "go wrong", "fallout",
            "winners and losers", "risky", "who loses", "who wins", "threat level", "backfire",
            "what could be lost",
        ),
        weak=(
            "هزینه", "بها", "آسیب", "زیان", "هشدار", "بحران", "نگرانی", "بازنده", "برنده",
            "بازندگان", "برندگان", "باخت", "سرنوشت", "شکست", "احتمالی", "بالقوه",
            "cost", "price", "winner", "loser", "potential",
        ),
    ),
    "other": Cues(
        strong=(
            "بیشتر بخوانید", "بیشتر بدانید", "مطالعه بیشتر", "اطلاعات بیشتر", "مرتبط",
            "منبع", "منابع", "عکس", "ویدیو", "ویدئو", "سردبیر", "یادداشت", "پانوشت",
            "پیوند", "لینک", "آگهی", "تبلیغ", "اصلاحیه", "هوا", "آب و هوا", "هواشناسی",
            "پادکست", "خبرنامه", "اشتراک", "پرسش و پاسخ",
            "go deeper", "dig deeper", "dive deeper", "learn more", "read more", "more reading",
            "further reading",
            "related", "source", "sources", "photo", "video", "editor", "editor's note",
            "footnote", "disclosure", "correction", "sponsored", "link", "weather", "podcast",
            "newsletter", "subscribe",
        ),
    ),
}  # fmt: skip

#: Words that carry no section meaning of their own (look, point, story, matter, the
#: question words): they neither decide a key nor count against one, like stop words.
FRAME_WORDS: frozenset[str] = frozenset({
    "نگاه", "نکته", "نکات", "آنچه", "چیزی", "چیز", "چیزها", "موضوع", "ماجرا", "خبر", "اخبار",
    "داستان", "مسئله", "مساله", "قصه", "بخش", "امر", "مطلب", "مطالب", "نما", "قضیه", "پرونده",
    "آنان", "آنها", "آن‌ها", "ما", "شما", "کنید", "کرد", "داشت", "باشید", "شد", "است",
    "کجا", "کجاست", "چطور", "چگونه", "چیست", "چی", "چیه", "خب",
    "story", "thing", "things", "here", "here's", "what's", "it's", "we're", "they're",
    "let's", "news", "look", "quick", "bit", "people", "quickly", "really",
})  # fmt: skip

#: Frame words that name the story itself: a label with one of them is about the story,
#: so its weak cues are read as strong (هزینه‌های ماجرا, خبر جدید).
STORY_WORDS: frozenset[str] = frozenset({
    "ماجرا", "خبر", "اخبار", "موضوع", "قضیه", "داستان", "مسئله", "مساله", "story",
})  # fmt: skip

#: Keys that frame others: a voice or a saying is what they're saying unless the label
#: also names whose side it is or what kind of saying (صدای منتقدان, حرف ناگفته, آمارها
#: چه می‌گویند). Key → the keys it gives way to when those have a strong cue.
GIVES_WAY: dict[str, frozenset[str]] = {
    "what_theyre_saying": frozenset({
        "the_other_side", "between_the_lines", "by_the_numbers", "reality_check",
        "bottom_line", "behind_the_scenes",
    }),
    # «اما واقعیت», «اما مخالفان»: a "but" that opens a reality check or the other side
    "yes_but": frozenset({"reality_check", "the_other_side"}),
}  # fmt: skip

#: Word families by concept: synonyms, in their base forms, that say one thing about a
#: section whatever the phrasing (importance, nearness, width, the other side's view).
#: A concept alone names no key; two of them together do (:data:`CONCEPT_PAIRS`), in any
#: order and with any words between them, which is how the other words of a label decide
#: what an ambiguous one means: نگاه with کلان is zoom_out, تصویر with کلان big_picture,
#: نظر with دیگر the other side. ``not`` is also found in a negated Persian verb (نگفتند).
CONCEPTS: dict[str, tuple[str, ...]] = {
    "why": ("چرا", "why"),
    "what": ("چه", "what"),  # چی is read as چه (COLLOQUIAL)
    "which": ("آنچه", "آن‌چه", "انچه"),
    "not": ("not", "didn't", "don't", "doesn't", "won't", "never"),
    "importance": (
        "اهمیت", "مهم", "ارزش", "وزن", "جدی", "حیاتی", "اهمیت‌دار", "ضروری", "مربوط", "ربط",
        "matter", "matters", "important", "importance", "significant", "significance",
        "count", "counts", "care",
    ),
    "attention": ("توجه", "حواس", "اعتنا", "دنبال", "attention", "notice", "heed", "mind"),
    "now": (
        "حالا", "اکنون", "الان", "اینک", "امروز", "روز", "روزها", "هم‌اکنون", "فعلا", "فعلاً",
        "کنون", "تاکنون",
        "now", "today", "currently",
    ),
    "after": ("بعد", "بعدش", "سپس", "پس", "then", "after", "afterwards"),
    "say": ("گفت", "گوی", "گو", "say", "said", "tell", "told", "speak"),
    #: what is written or said, as a text (the lines, the words of a statement)
    "text": (
        "متن", "سطر", "سطور", "کلمه", "کلمات", "واژه", "حرف", "نوشته", "عبارت", "کاغذ",
        "text", "words", "lines", "wording",
    ),
    "behind": ("پشت", "ورای", "زیر", "behind", "beneath", "beyond"),
    "know": ("دانست", "دان", "know", "known"),
    #: what drives a story, and the story it drives
    "cause": (
        "موتور", "عامل", "محور", "محرک", "انگیزه", "علت", "دلیل", "پیشران", "جرقه", "باعث",
        "موجب", "سبب",
        "engine", "driver", "cause", "reason", "trigger",
    ),
    "news": ("خبر", "اخبار", "news", "headline", "headlines"),
    "current": ("فعلی", "کنونی", "جاری", "حاضر", "موجود", "current", "present"),
    "position": ("نقطه", "جایگاه", "موقعیت", "حال", "وضع", "position", "point", "standing"),
    "from": ("از", "from"),
    "where": ("کجا", "کجاییم", "کجاست", "کجائیم", "where"),
    "worry": ("نگران", "نگرانی", "دلواپس", "worry", "worried", "concern", "concerned"),
    "meaning": ("معنا", "معنی", "مفهوم", "mean", "means", "meaning"),
    "you": ("شما", "ما", "من", "مردم", "you", "us", "me", "readers"),
    "impact": ("اثر", "تاثیر", "تأثیر", "effect", "impact"),
    #: a recent moment and "ago": «ساعاتی پیش», "minutes ago" is the latest
    "moment": (
        "لحظه", "لحظات", "دقیقه", "دقایق", "ساعت", "ساعات",
        "moment", "moments", "minute", "minutes", "hour", "hours",
    ),
    "ago": ("پیش", "قبل", "ago"),
    "zoom": ("زوم", "zoom", "zooming"),
    "inward": ("روی", "داخل", "درون", "on", "in", "into"),
    "outward": ("عقب", "بیرون", "out", "back", "away"),
    "view": (
        "نگاه", "منظر", "زاویه", "دید", "نما", "دریچه", "لنز", "عدسی",
        "view", "look", "lens", "angle", "vantage",
    ),
    "opinion": (
        "نظر", "دیدگاه", "روایت", "عقیده", "برداشت", "موضع", "قرائت", "صدا",
        "opinion", "take", "argument", "narrative", "voice", "views",
    ),
    "other": ("دیگر", "مقابل", "مخالف", "متفاوت", "other", "another", "opposing", "different"),
    "picture": ("تصویر", "قاب", "پازل", "پرتره", "picture", "frame", "puzzle", "canvas"),
    "wide": ("کلان", "گسترده", "وسیع", "فراخ", "wide", "broad", "macro"),
    "far": (
        "دور", "ارتفاع", "بالا", "باز", "far", "afar", "above", "high", "open",
    ),
    "whole": ("کلی", "کامل", "جامع", "بزرگ", "کل", "whole", "full", "big", "large", "complete"),
    "near": (
        "نزدیک", "دقیق", "ریز", "درشت", "موشکاف", "ذره‌بین",
        "close", "near", "detailed", "granular",
    ),
}  # fmt: skip

#: Two concepts that together name a key, wherever they stand in the label. Their words
#: are then read for that key alone (نظر is no longer what they're saying in «نظر دیگر»).
#: A pair whose first concept is ``from`` holds only in that order, next to each other
#: («از ارتفاع», not «دور از دوربین‌ها»). A cue phrase of three words or more is read as
#: a whole before any pair (حال و هوای کنونی, دور از چشم).
#: ``what_last`` is a ``what`` word that ends the label, a question of its own («حالا
#: چی؟», "Now what"), not the start of a phrase ("What happened today").
CONCEPT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("why", "importance", "why_it_matters"),
    ("why", "attention", "why_it_matters"),
    ("why", "now", "driving_the_news"),
    ("what", "attention", "what_to_watch"),
    ("now", "what_last", "whats_next"),
    ("after", "what_last", "whats_next"),
    ("not", "say", "between_the_lines"),
    ("opinion", "other", "the_other_side"),
    ("view", "other", "the_other_side"),
    ("view", "wide", "zoom_out"),
    ("view", "far", "zoom_out"),
    ("picture", "far", "zoom_out"),
    ("view", "near", "zoom_in"),
    ("view", "whole", "big_picture"),
    ("picture", "wide", "big_picture"),
    ("picture", "whole", "big_picture"),
    ("picture", "near", "zoom_in"),
    ("from", "far", "zoom_out"),
    ("zoom", "outward", "zoom_out"),
    ("zoom", "inward", "zoom_in"),
    ("not", "text", "between_the_lines"),
    ("behind", "text", "between_the_lines"),
    ("cause", "news", "driving_the_news"),
    ("which", "cause", "driving_the_news"),
    ("current", "position", "state_of_play"),
    ("know", "now", "state_of_play"),
    ("moment", "ago", "latest"),
    ("now", "where", "state_of_play"),
    ("why", "worry", "why_it_matters"),
    ("meaning", "you", "why_it_matters"),
    ("impact", "you", "why_it_matters"),
)

#: Words that point at the story itself: the word after one («این رویداد», "this
#: event") names the topic, not the section, and is read as a story word.
DEMONSTRATIVES: frozenset[str] = frozenset({"این", "آن", "همین", "this", "that", "these"})

#: Spoken Persian words and their written forms, as a label in a casual voice writes them
#: («مخالفا چی میگن»): read as the written form. Endings are undone by the reader itself
#: (plural ـا for ـها, a joined copula ـه, a joined possessive ـش/ـشون) for words hazm
#: does not know as written.
COLLOQUIAL: dict[str, str] = {
    "اون": "آن", "اونا": "آنها", "اونها": "آنها", "اینا": "اینها", "اینو": "این", "یه": "یک",
    "چی": "چه", "میگن": "میگویند", "میگه": "میگوید", "میگیم": "میگوییم",
    "گفتن": "گفتند", "نگفتن": "نگفتند", "میشه": "میشود", "نمیشه": "نمیشود", "داره": "دارد",
    "دارن": "دارند", "باشه": "باشد", "باشن": "باشند", "میدونیم": "میدانیم",
    "نمیدونیم": "نمیدانیم", "میدیم": "میدهیم", "میکنن": "میکنند", "میره": "میرود",
    "اینه": "این است", "چیه": "چیست", "بگیم": "بگوییم",
}  # fmt: skip
