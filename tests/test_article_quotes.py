"""Quotations and quoted terms, speakers and roles, on many short texts.

Each row is a short text (one or a few sentences, as in an article's lede) and, for every
span in quote marks, the expected ``(speaker, role, kind)``. The rows cover Persian usage
in general (apposition in every order, roles before names, honorifics, references back,
time and place phrases, attributions, terms) rather than any one article.
"""

from __future__ import annotations

import time

import pytest

from bot.article.model import QUOTE, TERM
from bot.article.people import (
    Mention,
    looks_like_name,
    mention_of,
    split_title,
    strip_honorifics,
)
from bot.article.quotes import find_quotes, quote_kind, quote_spans, sentence_like
from bot.article.references import Cast, names_in, orgs_in

Q, T = QUOTE, TERM
NADERI = ("کاوه نادری", "مدیرعامل سازمان بنادر استان", Q)
NADERI_FIRST = "کاوه نادری، مدیرعامل سازمان بنادر استان، گفت: «صادرات رشد کرد»."

Row = tuple[str, list[tuple[str | None, str | None, str]]]

PERSIAN: list[Row] = [
    # apposition, role first, with time and place phrases after it
    (
        "مدیرعامل سازمان بنادر استان، کاوه نادری، عصر سه‌شنبه در جمع خبرنگاران گفت: "
        "«ظرفیت بندر کافی نیست».",
        [NADERI],
    ),
    # name first
    ("کاوه نادری، مدیرعامل سازمان بنادر استان، گفت: «ظرفیت بندر کافی نیست».", [NADERI]),
    # after the quote, name then role, and role then name
    ("«ظرفیت بندر کافی نیست»، کاوه نادری، مدیرعامل سازمان بنادر استان، گفت.", [NADERI]),
    ("«ظرفیت بندر کافی نیست»، مدیرعامل سازمان بنادر استان، کاوه نادری، افزود.", [NADERI]),
    (
        "«بحران آب جدی است»، عیسی کلانتری، رئیس پیشین سازمان حفاظت محیط زیست، گفت.",
        [("عیسی کلانتری", "رئیس پیشین سازمان حفاظت محیط زیست", Q)],
    ),
    # a time phrase before the speaker, an honorific before the name
    (
        "ساعتی بعد، مدیر پروژه، دکتر پرستو نیک‌نام، در نشستی خبری گفت: "
        "«کار تا پایان سال تمام می‌شود».",
        [("پرستو نیک‌نام", "مدیر پروژه", Q)],
    ),
    ("مدیر پروژه دکتر پرستو نیک‌نام گفت: «کار تمام است».", [("پرستو نیک‌نام", "مدیر پروژه", Q)]),
    ("روز دوشنبه در تهران، سخنگوی دولت گفت: «تصمیمی گرفته نشده است».", [("سخنگوی دولت", None, Q)]),
    ("صبح امروز، استاندار تهران گفت: «مدارس تعطیل است».", [("استاندار تهران", None, Q)]),
    ("دیروز وزیر کشور گفت: «انتخابات برگزار می‌شود».", [("وزیر کشور", None, Q)]),
    ("شامگاه پنج‌شنبه، فرماندار شهرستان اعلام کرد: «راه باز است».", [("فرماندار شهرستان", None, Q)]),
    ("در همین حال، رئیس پلیس راهور گفت: «جاده‌ها لغزنده است».", [("رئیس پلیس راهور", None, Q)]),
    ("همچنین معاون وزیر بهداشت افزود: «واکسن کافی داریم».", [("معاون وزیر بهداشت", None, Q)]),
    # a role written straight before a name
    ("رئیس‌جمهور ترامپ گفت مذاکرات «بسیار خوب» بود.", [("ترامپ", "رئیس\u200cجمهور", Q)]),
    ("وزیر نیرو علی اکبری روز دوشنبه گفت: «جیره‌بندی نداریم».", [("علی اکبری", "وزیر نیرو", Q)]),
    (
        "وزیر امور خارجه آمریکا مارکو روبیو گفت: «پیشرفت کردیم».",
        [("مارکو روبیو", "وزیر امور خارجه آمریکا", Q)],
    ),
    (
        "رئیس‌جمهور اوکراین زلنسکی گفت: «ما تسلیم نمی‌شویم».",
        [("زلنسکی", "رئیس\u200cجمهور اوکراین", Q)],
    ),
    # roles with no name are descriptions, kept whole
    ("کاپیتان تیم گفت: «این برد را تقدیم می‌کنیم».", [("کاپیتان تیم", None, Q)]),
    ("مدیرعامل ایرانخودرو گفت: «قیمت‌ها ثابت می‌ماند».", [("مدیرعامل ایرانخودرو", None, Q)]),
    ("وزیر گفت: «نه».", [("وزیر", None, Q)]),
    (
        "یکی از مقامات وزارت نیرو گفت: «برنامه‌ای برای قطع آب نداریم».",
        [("یکی از مقامات وزارت نیرو", None, Q)],
    ),
    (
        "نماینده مردم تبریز در مجلس، در نطق میان دستور، گفت: «بودجه کافی نیست».",
        [("نماینده مردم تبریز در مجلس", None, Q)],
    ),
    (
        "سخنگوی وزارت امور خارجه در نشست هفتگی با خبرنگاران تأکید کرد که "
        "«ایران از مذاکره استقبال می‌کند».",
        [("سخنگوی وزارت امور خارجه", None, Q)],
    ),
    ("«تردد در این مسیر ممنوع است»، سخنگوی پلیس راهور گفت.", [("سخنگوی پلیس راهور", None, Q)]),
    # honorifics and ranks stay out of the name
    (
        "در همین حال، حجت‌الاسلام محمد احمدی، امام جمعه شهر، گفت: «مردم صبور باشند».",
        [("محمد احمدی", "امام جمعه شهر", Q)],
    ),
    (
        "سرهنگ رضا کریمی، فرمانده انتظامی شهرستان، گفت: «سارقان دستگیر شدند».",
        [("رضا کریمی", "فرمانده انتظامی شهرستان", Q)],
    ),
    (
        "خانم مریم حسینی، یکی از ساکنان محله، گفت: «آب از دیروز قطع است».",
        [("مریم حسینی", "یکی از ساکنان محله", Q)],
    ),
    (
        "دبیرکل ناتو، ینس استولتنبرگ، هشدار داد که «خطر جنگ جدی است».",
        [("ینس استولتنبرگ", "دبیرکل ناتو", Q)],
    ),
    (
        "نخست‌وزیر عراق، محمد شیاع السودانی، گفت: «عراق بی‌طرف است».",
        [("محمد شیاع السودانی", "نخست\u200cوزیر عراق", Q)],
    ),
    # attributions
    (
        "به گفته علی رضایی، کارشناس اقتصادی، تورم «مهار شدنی» است.",
        [("علی رضایی", "کارشناس اقتصادی", Q)],
    ),
    ("طبق گفته منبعی مطلع، طرفین «نزدیک» هستند.", [("منبعی مطلع", None, Q)]),
    ("به نقل از رویترز، قیمت‌ها «بالا» است.", [("رویترز", None, Q)]),
    ("به باور این پژوهشگر، «راه دیگری نمانده است».", [("این پژوهشگر", None, Q)]),
    ("«مذاکرات متوقف شده است»، به گفته یک دیپلمات اروپایی.", [("یک دیپلمات اروپایی", None, Q)]),
    # به گزارش names a news source, never a speaker
    (
        "به گزارش خبرگزاری ایسنا، سخنگوی ستاد بحران گفت: «وضعیت عادی است».",
        [("سخنگوی ستاد بحران", None, Q)],
    ),
    ("به گزارش ایرنا، «همه مدارس فردا تعطیل است».", [(None, None, Q)]),
    # organisations
    (
        "روابط عمومی شرکت در اطلاعیه‌ای نوشت: «خطا برطرف شد».",
        [("روابط عمومی شرکت", None, Q)],
    ),
    (
        "وزارت امور خارجه در بیانیه‌ای اعلام کرد: «گفت‌وگوها ادامه دارد». "
        "این وزارتخانه افزود: «نشست بعدی در ژنو است».",
        [("وزارت امور خارجه", None, Q), ("وزارت امور خارجه", None, Q)],
    ),
    # references back: surname, pronoun, honorific and surname, «این مقام»، the role again
    (
        NADERI_FIRST + " به گفته نادری، صادرات «دو برابر» شده است. وی افزود: «واردات کم شد».",
        [NADERI] * 3,
    ),
    (NADERI_FIRST + " آقای نادری گفت: «بازار آرام است».", [NADERI] * 2),
    (NADERI_FIRST + " «بازار آرام است»، او افزود.", [NADERI] * 2),
    (
        NADERI_FIRST + " مدیرعامل سازمان بنادر استان افزود: «بازار آرام است».",
        [NADERI] * 2,
    ),
    (
        "یک مقام آمریکایی گفت مذاکرات «مثبت» بود. «هیچ تصمیمی گرفته نشده»، این مقام افزود.",
        [("یک مقام آمریکایی", None, Q)] * 2,
    ),
    (
        "به گفته یک اقتصاددان دانشگاه تهران، رشد «شکننده» است. "
        "«قدرت خرید پایین است»، این اقتصاددان افزود.",
        [("یک اقتصاددان دانشگاه تهران", None, Q)] * 2,
    ),
    (
        "«ما دیگر نمی‌توانیم منتظر بمانیم»، علی کریمی، یکی از کشاورزان ورزنه، گفت. "
        "این کشاورز افزود: «زمین‌ها کشت نشده».",
        [("علی کریمی", "یکی از کشاورزان ورزنه", Q)] * 2,
    ),
    (
        "سخنگوی وزارت امور خارجه، ناصر کنعانی، گفت: «مذاکره ادامه دارد». "
        "کنعانی افزود: «ما صبوریم».",
        [("ناصر کنعانی", "سخنگوی وزارت امور خارجه", Q)] * 2,
    ),
    # names and subjects learnt from sentences without quotations
    (
        "مصطفی احمدی، کارشناس امنیت اطلاعات، این خطا را نمایشی ارزیابی کرد. "
        "احمدی گفت: «نشتی رخ نداده است».",
        [("مصطفی احمدی", "کارشناس امنیت اطلاعات", Q)],
    ),
    (
        "سخنگوی وزارت بهداشت گفت مراجعه‌ها افزایش یافته است. او افزود: «بیمارستان‌ها آماده‌اند».",
        [("سخنگوی وزارت بهداشت", None, Q)],
    ),
    (
        "هیئت به رهبری مشاور امنیت ملی رستام اوماروف به میامی رفت. "
        "اوماروف تأکید کرد که «استقلال مهم است».",
        [("رستام اوماروف", "مشاور امنیت ملی", Q)],
    ),
    # nobody named: a quotation without a speaker
    ("او گفت: «نه».", [(None, None, Q)]),
    ("«ما آماده‌ایم»", [(None, None, Q)]),
    ("پیام وزیر روشن بود: «صرفه‌جویی کنید».", [(None, None, Q)]),
    ("روی دیوار نوشته بودند «اینجا آب نیست».", [(None, None, Q)]),
    # a sign's words are the words of whoever carries it, when the clause names them
    ("معترضان پلاکاردهایی با شعار «ما آب می‌خواهیم» در دست داشتند.", [("معترضان", None, Q)]),
    # a speaker line ending with a colon, its quotes on the lines after it
    (
        "سخنگوی دولت در نشست خبری گفت:\n- «یارانه‌ها قطع نمی‌شود».\n- «کالابرگ ادامه دارد».\n"
        "قیمت‌ها ثابت ماند.\n«جمله‌ای بی‌گوینده»",
        [("سخنگوی دولت", None, Q)] * 2 + [(None, None, Q)],
    ),
    # a colon after a speaker with no verb (titles, bullets)
    ("ترامپ: «مذاکرات خوب بود»", [("ترامپ", None, Q)]),
    ("وزیر نیرو: «جیره‌بندی نداریم»", [("وزیر نیرو", None, Q)]),
    # several quotes in one sentence; a second verb shares the subject
    (
        "وزیر گفت: «الف است» و افزود: «ب است».",
        [("وزیر", None, Q), ("وزیر", None, Q)],
    ),
    (
        "یک مشاور پیشین وزارت نیرو نوشت: «شعار «هر قطره مهم است» تکرار شد».",
        [("یک مشاور پیشین وزارت نیرو", None, Q)],
    ),
    # characterising verbs: a quotation; naming verbs: a term
    (
        "رئیس کمیسیون کشاورزی مجلس این طرح را «پرهزینه و غیرواقع‌بینانه» خواند.",
        [("رئیس کمیسیون کشاورزی مجلس", None, Q)],
    ),
    ("کارشناسان این وضعیت را «ورشکستگی آبی» می‌نامند.", [(None, None, T)]),
    # terms: scare quotes, coined phrases, titles and names
    ("تهران در سال گذشته تنها ۲۱ روز هوای «پاک» داشت.", [(None, None, T)]),
    ("در عمل، سهم «آب بدون درآمد» در شبکه پایتخت هنوز بالاست.", [(None, None, T)]),
    ("استان در وضعیت «تنش آبی شدید» قرار دارد.", [(None, None, T)]),
    (
        "«مزد کافی نیست»، علی خدایی گفت. خدایی، نماینده کارگران، افزود: «اعتراض می‌کنیم».",
        [("علی خدایی", None, Q), ("علی خدایی", "نماینده کارگران", Q)],
    ),
    (
        "یک منبع نزدیک به هیئت‌مدیره باشگاه به ورزش سه گفت: «پیشنهاد رد شد».",
        [("یک منبع نزدیک به هیئت‌مدیره باشگاه", None, Q)],
    ),
    (
        "به گفته یک منبع آگاه در وزارت فرهنگ و ارشاد اسلامی، تصمیم «از بیرون» گرفته شد.",
        [("یک منبع آگاه در وزارت فرهنگ و ارشاد اسلامی", None, Q)],
    ),
    (
        "مدیرعامل صندوق، حسن یزدانی، اعلام کرد این صندوق کسری دارد و گفت: «کمک لازم است».",
        [("حسن یزدانی", "مدیرعامل صندوق", Q)],
    ),
    (
        "ایجنت دلاوری، مهرداد نوری، در صفحه شخصی‌اش نوشت: «موکل من حق دارد».",
        [("مهرداد نوری", "ایجنت دلاوری", Q)],
    ),
    ("گروهی از هواداران از سامانه «بی‌نظم» فروش بلیت انتقاد کردند.", [(None, None, T)]),
    ("دولت طرح «آب برای همه» را اجرا می‌کند.", [(None, None, T)]),
    ("وزیر گفت طرح «نهضت ملی مسکن» ادامه دارد.", [(None, None, T)]),
    ("کتاب «سمفونی مردگان» دوباره چاپ شد.", [(None, None, T)]),
    ("پویش «هر قطره مهم است» از امروز آغاز شد.", [(None, None, T)]),
    ("فیلم «جدایی نادر از سیمین» جایزه گرفت.", [(None, None, T)]),
    ("هشتگ «نه به گرانی» در شبکه‌های اجتماعی فراگیر شد.", [(None, None, T)]),
    ("این پروژه با عنوان «تهران سبز» شناخته می‌شود.", [(None, None, T)]),
    ("در برخی پیامک‌ها به جای نماد «&» متن خام نمایش داده شد.", [(None, None, T)]),
    # a term and a quotation in one text
    (
        "سخنگوی شرکت گفت: «قطعی برق تمام شد». طرح «خاموشی هوشمند» هم لغو شد.",
        [("سخنگوی شرکت", None, Q), (None, None, T)],
    ),
    # more of the same, written after the rules above were settled
    (
        "معاون اول رئیس‌جمهور، محمدرضا عارف، در حاشیه جلسه هیئت دولت گفت: "
        "«تصمیم نهایی با مجلس است».",
        [("محمدرضا عارف", "معاون اول رئیس‌جمهور", Q)],
    ),
    (
        "«کسی از گرسنگی نمی‌میرد»، این را مهدی طاهری، مدیر بانک غذا، گفت.",
        [("مهدی طاهری", "مدیر بانک غذا", Q)],
    ),
    (
        "دکتر سیامک رحیمی، متخصص ریه، هشدار داد: «ماسک پارچه‌ای کافی نیست». "
        "رحیمی همچنین گفت: «سالمندان در خانه بمانند».",
        [("سیامک رحیمی", "متخصص ریه", Q)] * 2,
    ),
    (
        "شهردار تهران، علیرضا زاکانی، امروز صبح اعلام کرد: «مترو رایگان است». "
        "زاکانی افزود که این طرح «تا پایان هفته» ادامه دارد.",
        [("علیرضا زاکانی", "شهردار تهران", Q)] * 2,
    ),
    ("به گفته مسئولان هواشناسی، بارش «کمتر از نرمال» است.", [("مسئولان هواشناسی", None, Q)]),
    (
        "عصر دیروز، دادستان کل کشور در حاشیه بازدید از زندان اوین گفت: «پرونده‌ها بررسی می‌شود».",
        [("دادستان کل کشور", None, Q)],
    ),
    ("این طرح که به «طرح صیانت» معروف شد، با مخالفت روبه‌رو شد.", [(None, None, T)]),
    ("نمایندگان از تصویب «لایحه عفاف» خبر دادند.", [(None, None, T)]),
    ("آنها سرود «ای ایران» را خواندند.", [(None, None, T)]),
    ("در این بیانیه آمده است: «ایران به تعهدات خود پایبند است».", [(None, None, Q)]),
    (
        "سفیر ایران در روسیه، کاظم جلالی، تصریح کرد: «همکاری‌ها ادامه دارد».",
        [("کاظم جلالی", "سفیر ایران در روسیه", Q)],
    ),
    (
        "آیت‌الله سید احمد خاتمی، خطیب نماز جمعه تهران، گفت: «مردم هوشیار باشند».",
        [("سید احمد خاتمی", "خطیب نماز جمعه تهران", Q)],
    ),
    (
        "بر اساس اعلام ستاد مدیریت بحران، «هیچ خسارت جانی» گزارش نشده است.",
        [("ستاد مدیریت بحران", None, Q)],
    ),
    (
        "یک منبع آگاه در وزارت نفت که نخواست نامش فاش شود، گفت: «صادرات کم شده است».",
        [("یک منبع آگاه در وزارت نفت", None, Q)],
    ),
    ("یک دیپلمات اروپایی در وین گفت: «هنوز زود است».", [("یک دیپلمات اروپایی", None, Q)]),
    ("یک مقام در نشست خبری گفت: «هنوز زود است».", [("یک مقام", None, Q)]),
    (
        "مدیرعامل یک استارتاپ در حوزه حمل‌ونقل گفت: «قانون خوبی است».",
        [("مدیرعامل یک استارتاپ در حوزه حمل‌ونقل", None, Q)],
    ),
    (
        "یک مال‌باخته ۳۴ ساله از اصفهان گفت: «همه چیز رفت».",
        [("یک مال‌باخته ۳۴ ساله از اصفهان", None, Q)],
    ),
    (
        "روزنامه شرق از قول یک نماینده نوشت: «بند حذف شد».",
        [("یک نماینده", None, Q)],
    ),
    (
        "به نوشته دنیای اقتصاد، «برخی شعب شرط گذاشته بودند».",
        [("دنیای اقتصاد", None, Q)],
    ),
    (
        "مجلس «قانون جهش نوآوری» را تصویب کرد؛ به گفته وزیر، «این قانون مهم است».",
        [(None, None, T), ("وزیر", None, Q)],
    ),
    (
        "«دعوا بر سر پسماند نیست»؛ این را یک عضو شورا که نخواست نامش فاش شود به همشهری گفت.",
        [("یک عضو شورا", None, Q)],
    ),
    (
        "معاون سیاسی، امنیتی و اجتماعی استانداری گیلان، سیامک نیکپور، گفت: «نه».",
        [("سیامک نیکپور", "معاون سیاسی، امنیتی و اجتماعی استانداری گیلان", Q)],
    ),
    (
        "وزیر تعاون، کار و رفاه اجتماعی احمد میرزایی گفت: «نه».",
        [("احمد میرزایی", "وزیر تعاون، کار و رفاه اجتماعی", Q)],
    ),
    (
        "حسین رحمانی، اقتصاددان، معتقد است: «تزریق ارز کافی نیست».",
        [("حسین رحمانی", "اقتصاددان", Q)],
    ),
    (
        "برخی کارشناسان آن پرتاب‌ها را «عجولانه» توصیف کرده بودند.",
        [("برخی کارشناسان", None, Q)],
    ),
    (
        "شرکت برق در اطلاعیه‌ای مصرف مازوت را «محدود و موقت» خواند و اعلام کرد:"
        " «هیچ واحدی مصرف نمی‌کند».",
        [("شرکت برق", None, Q), ("شرکت برق", None, Q)],
    ),
    (
        "گروهی از مال‌باختگان با پلاکاردهایی با نوشته «پول ما را پس بدهید» تجمع کردند.",
        [("گروهی از مال‌باختگان", None, Q)],
    ),
    ("مردم این خیابان را «خیابان مرگ» می‌نامند.", [(None, None, T)]),
    ("پزشکان از افزایش موارد «آنفلوآنزای فصلی» خبر می‌دهند.", [(None, None, T)]),
    (
        "وزیر اقتصاد عبدالناصر همتی در توییتی نوشت: «تورم مهار می‌شود». "
        "«به زودی خبرهای خوبی می‌شنوید»، وزیر اقتصاد افزود.",
        [("عبدالناصر همتی", "وزیر اقتصاد", Q)] * 2,
    ),
    (
        "وزیر راه و شهرسازی، فرزانه صادق، گفت: «قطار تا دو سال آینده راه می‌افتد». "
        "صادق در ادامه یادآور شد: «بودجه آن تأمین شده است».",
        [("فرزانه صادق", "وزیر راه و شهرسازی", Q)] * 2,
    ),
    ("کارشناسان از آن با عنوان «رکود تورمی» یاد می‌کنند.", [(None, None, T)]),
    (
        "استاندار خوزستان در واکنش به این خبر گفت که وضعیت «تحت کنترل» است.",
        [("استاندار خوزستان", None, Q)],
    ),
    (
        "اما رئیس اتاق بازرگانی تهران گفت: «این تصمیم به تولید آسیب می‌زند».",
        [("رئیس اتاق بازرگانی تهران", None, Q)],
    ),
    (
        "کاوه نادری، که پیش‌تر معاون وزیر بود، گفت: «بندر آماده است».",
        [("کاوه نادری", None, Q)],
    ),
    ("«ذخایر کافی است»، روزنامه کیهان نوشت.", [("روزنامه کیهان", None, Q)]),
    (
        "سخنگوی کاخ سفید، کارولین لیویت، به خبرنگاران گفت: «رئیس‌جمهور آماده گفت‌وگو است».",
        [("کارولین لیویت", "سخنگوی کاخ سفید", Q)],
    ),
    (
        "دبیرکل سازمان ملل متحد، آنتونیو گوترش، در پیامی نوشت: «جهان نمی‌تواند ساکت بماند». "
        "گوترش افزود: «آتش‌بس فوری لازم است». به گفته او، «هیچ گزینه‌ای کنار نرفته است».",
        [("آنتونیو گوترش", "دبیرکل سازمان ملل متحد", Q)] * 3,
    ),
    ("یک دیپلمات غربی در وین به رویترز گفت: «توافق نزدیک است».", [("یک دیپلمات غربی", None, Q)]),
    ("بنا بر اعلام پلیس راهور، «ترافیک در محورهای شمالی سنگین است».", [("پلیس راهور", None, Q)]),
    (
        "«امروز روز سختی بود»؛ این جمله را بازیکن جوان تیم پس از بازی گفت.",
        [("بازیکن جوان تیم", None, Q)],
    ),
    (
        "مدیر روابط عمومی شرکت گاز استان گیلان گفت: «گازرسانی قطع نمی‌شود».",
        [("مدیر روابط عمومی شرکت گاز استان گیلان", None, Q)],
    ),
    # hazm leaves many common words uncounted: they are not taken for names
    ("مدیر فنی تیم گفت: «بازیکنان آماده‌اند».", [("مدیر فنی تیم", None, Q)]),
    ("رئیس دانشکده فنی گفت: «کلاس‌ها دایر است».", [("رئیس دانشکده فنی", None, Q)]),
    ("ناشران از «بحران کاغذ» گلایه دارند.", [(None, None, T)]),
    ("مجموعه تلویزیونی «پایتخت» دوباره پخش می‌شود.", [(None, None, T)]),
    ("این رمان در ایران با نام «کیمیاگر» منتشر شد.", [(None, None, T)]),
    ("او بارها از «اقتصاد مقاومتی» دفاع کرده است.", [(None, None, T)]),
    ("صدها نفر با سر دادن شعار «نه به جنگ» در میدان جمع شدند.", [(None, None, Q)]),
    ("تیم ملی با شعار «همه با هم» به جام جهانی رفت.", [(None, None, T)]),
    ("بر روی بنرها نوشته شده بود: «تهران شهر پاک»", [(None, None, Q)]),
    (
        "به گزارش ایسنا، معاون درمان وزارت بهداشت با بیان اینکه «تخت‌های آی‌سی‌یو پر است»، "
        "خواستار رعایت پروتکل‌ها شد.",
        [("معاون درمان وزارت بهداشت", None, Q)],
    ),
    (
        "یک شهروند تهرانی که در صف نان ایستاده بود، گفت: «هر روز گران‌تر می‌شود».",
        [("یک شهروند تهرانی", None, Q)],
    ),
    (
        "رئیس‌جمهور فرانسه امانوئل مکرون اعلام کرد: «اروپا متحد است».",
        [("امانوئل مکرون", "رئیس‌جمهور فرانسه", Q)],
    ),
    (
        "«واکسن‌ها رسیده است»، معاون وزیر بهداشت، دکتر قاسم جان‌بابایی، گفت.",
        [("قاسم جان‌بابایی", "معاون وزیر بهداشت", Q)],
    ),
    (
        "سازمان هواشناسی هشدار داد که «بارش‌های سیل‌آسا» در راه است. "
        "این سازمان همچنین اعلام کرد: «مردم از سفر پرهیز کنند».",
        [("سازمان هواشناسی", None, Q)] * 2,
    ),
    # a verb of saying after the quote, its subject opening the clause before it
    ("او از «دیپلماسی اقتصادی» سخن گفت.", [(None, None, Q)]),
    (
        NADERI_FIRST + " نادری این بار از «بازنگری» در قراردادها سخن گفت.",
        [NADERI, NADERI],
    ),
    ("وزیر کار از «جهش دستمزد» صحبت کرد.", [("وزیر کار", None, Q)]),
    ("کارشناسان از «رکود تورمی» انتقاد کردند.", [(None, None, T)]),
    # the bearer of a sign: people named or described, never the sign itself
    (
        "دانشجویان با پلاکاردهایی با شعار «ما کلاس حضوری می‌خواهیم» مقابل دانشگاه جمع شدند.",
        [("دانشجویان", None, Q)],
    ),
    ("پلاکاردی با نوشته «اینجا کسی تنها نیست» در ورزشگاه دیده می‌شد.", [(None, None, Q)]),
    ("سال‌هاست پارچه‌نوشته «ما هنوز اینجا هستیم» بر دیوار مانده است.", [(None, None, Q)]),
    ("معترضان «ما آب می‌خواهیم» سر دادند.", [("معترضان", None, Q)]),
    # an occasion after a role held somewhere is when it spoke, not where the role is held
    (
        "نماینده مجلس در جلسه علنی روز سه‌شنبه گفت: «بودجه کافی نیست».",
        [("نماینده مجلس", None, Q)],
    ),
    (
        "نماینده ایران در سازمان ملل در نشست شورای امنیت گفت: «ما تسلیم نمی‌شویم».",
        [("نماینده ایران در سازمان ملل", None, Q)],
    ),
    # an apposition closed by commas keeps its noun's complements
    (
        "«سفارش‌ها نصف شد»، مینا رستمی، مدیر یک کارگاه فرش در کاشان، گفت.",
        [("مینا رستمی", "مدیر یک کارگاه فرش در کاشان", Q)],
    ),
    (
        "زهرا کاظمی، پرستار بیمارستانی در اهواز، روز دوشنبه گفت: «تخت خالی نداریم».",
        [("زهرا کاظمی", "پرستار بیمارستانی در اهواز", Q)],
    ),
    (
        "یک کارشناس بازار در گفت‌وگو با ایسنا گفت: «قیمت‌ها پایین می‌آید».",
        [("یک کارشناس بازار", None, Q)],
    ),
    # a role with plural and ezafe-marked words, beside a name: the role kept whole
    (
        "دبیر انجمن تولیدکنندگان فولاد، بهرام سبحانی، گفت: «صادرات متوقف شد». "
        "سبحانی افزود: «برق نداریم».",
        [("بهرام سبحانی", "دبیر انجمن تولیدکنندگان فولاد", Q)] * 2,
    ),
    (
        "رئیس اتحادیه واردکنندگان نهاده‌های دامی گفت: «ذخایر کم است».",
        [("رئیس اتحادیه واردکنندگان نهاده‌های دامی", None, Q)],
    ),
]

ENGLISH: list[Row] = [
    (
        'Lakeport Grid Authority raised rates on Monday. "We had no choice," the authority said.',
        [("Lakeport Grid Authority", None, Q)],
    ),
    (
        '"We had no choice," said Maria Chen, the authority\'s chief executive.',
        [("Maria Chen", "the authority's chief executive", Q)],
    ),
    (
        'Acme Industries cut 200 jobs. On Tuesday, the company said it would "review every '
        'contract."',
        [("Acme Industries", None, Q)],
    ),
    (
        'Agency CEO Dana Whitfield said trains run "every 12 minutes." "It is close," she said.',
        [("Dana Whitfield", "Agency CEO", Q)] * 2,
    ),
    (
        'According to commodities analyst Lena Ortiz, prices have "run ahead of fundamentals."',
        [("Lena Ortiz", "commodities analyst", Q)],
    ),
    (
        'A company spokesperson said the outage was "regrettable."',
        [("A company spokesperson", None, Q)],
    ),
    (
        '"We will appeal," Jane Doe, the city\'s lawyer, said.',
        [("Jane Doe", "the city's lawyer", Q)],
    ),
    (
        'City council member Luis Ortega criticised the plan. Ortega said the delay "cost '
        'riders a year."',
        [("Luis Ortega", "City council member", Q)],
    ),
    (
        '"This is a tax on the poor," said state Sen. Robert Hale, a Democrat.',
        [("Robert Hale", "state Sen.", Q)],
    ),
    (
        'Consumer advocate Dana Price called the hearing "a formality."',
        [("Dana Price", "Consumer advocate", Q)],
    ),
    ('He said: "Not yet."', [(None, None, Q)]),
    (
        '"We are not going anywhere," Mayor Karen Bass said Tuesday.',
        [("Karen Bass", "Mayor", Q)],
    ),
    (
        'The Federal Reserve held rates steady. "Inflation remains elevated," the Fed said.',
        [("Federal Reserve", None, Q)],
    ),
    (
        'Sarah Kim, a senior economist at Moody\'s, said the data was "a wake-up call."',
        [("Sarah Kim", "senior economist at Moody's", Q)],
    ),
    (
        "A spokesperson for Harbor Freight Lines, the port's largest carrier, said ships"
        ' were going to "other ports."',
        [("A spokesperson for Harbor Freight Lines", None, Q)],
    ),
    (
        '"It is not a magic switch," said Dr. Helen Park, a professor at Coastal State University.',
        [("Helen Park", "professor at Coastal State University", Q)],
    ),
    (
        '"Nobody saw it coming," said a senior engineer on the payments team.',
        [("a senior engineer on the payments team", None, Q)],
    ),
    (
        'The layoffs, which Raman described in the memo as "painful but necessary," start soon.',
        [("Raman", None, Q)],
    ),
    ('"It\'s a mess," one resident told reporters.', [("one resident", None, Q)]),
    (
        'Last week, Transport Secretary Pete Buttigieg called the delays "unacceptable."',
        [("Pete Buttigieg", "Transport Secretary", Q)],
    ),
    ('The company launched what it calls "Project Blue" in May.', [(None, None, T)]),
    (
        '"We will rebuild," Gov. Gavin Newsom said. Newsom added that the state had "no plan B."',
        [("Gavin Newsom", "Gov.", Q)] * 2,
    ),
    (
        '"We are done," said John Smith, adding that the plan was dead.',
        [("John Smith", None, Q)],
    ),
    ('In a statement, the ministry said "talks continue."', [("the ministry", None, Q)]),
    (
        'White House press secretary Karoline Leavitt said the president was "ready to talk."',
        [("Karoline Leavitt", "White House press secretary", Q)],
    ),
    (
        '"We are watching closely," a State Department spokesperson said.',
        [("a State Department spokesperson", None, Q)],
    ),
    ('"Enough is enough," read one sign.', [(None, None, Q)]),
    # an apposition that describes (lower case, "the ...") is not the speaker's name
    (
        "A spokesperson for Acme Mills, the town's oldest business, said the plant \"will "
        'reopen on Monday."',
        [("A spokesperson for Acme Mills", None, Q)],
    ),
    ('Officials have described the program as a "pilot."', [("Officials", None, Q)]),
    ('The plan includes a new "reliability surcharge" on parking.', [(None, None, T)]),
    ('So-called "forever chemicals" were found in the water.', [(None, None, T)]),
    ("", []),
]


def _ids(rows: list[Row]) -> list[str]:
    return [f"{n:02d}" for n in range(len(rows))]


@pytest.mark.parametrize(("text", "expected"), PERSIAN, ids=_ids(PERSIAN))
def test_persian(text: str, expected: list[tuple[str | None, str | None, str]]) -> None:
    quotes = find_quotes("", None, text, (), "fa")
    assert [(q.speaker, q.role, q.kind) for q in quotes] == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH, ids=_ids(ENGLISH))
def test_english(text: str, expected: list[tuple[str | None, str | None, str]]) -> None:
    quotes = find_quotes("", None, text, (), "en")
    assert [(q.speaker, q.role, q.kind) for q in quotes] == expected


def test_terms_have_no_speaker_and_quote_sections_are_kept() -> None:
    quotes = find_quotes("وزیر: «نه»", None, "سهم «آب بدون درآمد» بالاست.", (), "fa")
    assert [(q.section, q.kind, q.speaker) for q in quotes] == [
        ("title", Q, "وزیر"),
        ("lede", T, None),
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("", []),
        ("«", []),
        ("»«", []),
        ("«»", []),
        ("««الف»»", ["«الف»"]),
        ("«الف «ب»", ["ب"]),
        ("«باز «ب» ج» و «د»", ["باز «ب» ج", "د"]),
        ("«" * 10_000, []),
        ("«الف» " + "«" * 50 + " «ب»", ["الف"]),
    ],
)
def test_hostile_spans(text: str, spans: list[str]) -> None:
    assert [span.text for span in quote_spans(text)] == spans


@pytest.mark.parametrize(
    "text",
    [
        "«" * 10_000,
        "»" * 10_000,
        "«»" * 5_000,
        "««" * 2_500 + "»»" * 2_500,
        "وزیر گفت «الف» و " * 600,
        "کلمه " * 2_000 + "وزیر گفت: «پایان».",
        "،" * 10_000 + " وزیر گفت «نه»",
        "به گفته وزیر، " * 700 + "«نه»",
        "«الف " * 2_000,
    ],
    ids=["opens", "closes", "pairs", "nested", "many", "long", "commas", "attributions", "open"],
)
def test_hostile_lines_finish_quickly(text: str) -> None:
    find_quotes("", None, "«گرم کردن»", (), "fa")  # word lists loaded outside the clock
    started = time.perf_counter()
    quotes = find_quotes("", None, text, (), "fa")
    assert time.perf_counter() - started < 5
    assert all(q.kind in {Q, T} and (q.kind == Q or q.speaker is None) for q in quotes)
    assert all(len((q.speaker or "").split()) <= 12 for q in quotes)


@pytest.mark.parametrize(
    ("phrase", "lang", "expected"),
    [
        ("رئیس‌جمهور ترامپ", "fa", ("رئیس\u200cجمهور", "ترامپ")),
        ("وزیر نیرو علی اکبری", "fa", ("وزیر نیرو", "علی اکبری")),
        ("مشاور امنیت ملی رستام اوماروف", "fa", ("مشاور امنیت ملی", "رستام اوماروف")),
        ("مدیر پروژه دکتر پرستو نیک‌نام", "fa", ("مدیر پروژه", "پرستو نیک\u200cنام")),
        ("وزیر نیرو", "fa", None),
        ("رئیس‌جمهور آمریکا", "fa", None),
        ("مدیر بهره‌برداری آبفای تهران", "fa", None),
        ("یک مقام آمریکایی", "fa", None),
        # plurals and an ezafe-marked plural are common nouns: no name begins among them
        ("رئیس انجمن واردکنندگان نهاده‌های دامی", "fa", None),
        ("", "fa", None),
        ("Agency CEO Dana Whitfield", "en", ("Agency CEO", "Dana Whitfield")),
        ("commodities analyst Lena Ortiz", "en", ("commodities analyst", "Lena Ortiz")),
        ("Secretary of State Marco Rubio", "en", ("Secretary of State", "Marco Rubio")),
        ("a company spokesperson", "en", None),
        ("Lena Ortiz", "en", None),
    ],
)
def test_split_title(phrase: str, lang: str, expected: tuple[str, str] | None) -> None:
    assert split_title(phrase, lang) == expected


@pytest.mark.parametrize(
    ("phrase", "lang", "name"),
    [
        ("دکتر پرستو نیک‌نام", "fa", "پرستو نیک\u200cنام"),
        ("جناب آقای مهندس حسن روحانی", "fa", "حسن روحانی"),
        ("حجت‌الاسلام والمسلمین محمد احمدی", "fa", "محمد احمدی"),
        ("سرهنگ", "fa", "سرهنگ"),
        ("Dr. Jane Doe", "en", "Jane Doe"),
        ("Ms. Doe", "en", "Doe"),
        ("", "fa", ""),
    ],
)
def test_strip_honorifics(phrase: str, lang: str, name: str) -> None:
    assert strip_honorifics(phrase, lang) == name


@pytest.mark.parametrize(
    ("phrase", "lang", "expected"),
    [
        ("کاوه نادری", "fa", True),
        ("رستام اوماروف", "fa", True),
        ("وزیر نیرو", "fa", False),
        ("سخنگوی دولت", "fa", False),
        ("یک مقام آمریکایی", "fa", False),
        ("وزارت امور خارجه", "fa", False),
        ("ساعتی بعد", "fa", False),
        ("", "fa", False),
        ("Dana Whitfield", "en", True),
        ("Lakeport Grid Authority", "en", False),
        ("the authority", "en", False),
    ],
)
def test_looks_like_name(phrase: str, lang: str, expected: bool) -> None:
    assert looks_like_name(phrase, lang) is expected


@pytest.mark.parametrize(
    ("parts", "speaker", "role"),
    [
        (["کاوه نادری", "مدیرعامل سازمان بنادر"], "کاوه نادری", "مدیرعامل سازمان بنادر"),
        (["مدیرعامل سازمان بنادر", "کاوه نادری"], "کاوه نادری", "مدیرعامل سازمان بنادر"),
        (["یک کارشناس", "علی رضایی"], "علی رضایی", "کارشناس"),
        (
            ["رئیس انجمن واردکنندگان نهاده‌های دامی", "مهدی کرمانی"],
            "مهدی کرمانی",
            "رئیس انجمن واردکنندگان نهاده‌های دامی",
        ),
        (
            ["a spokesperson for Acme", "the town's largest employer"],
            "a spokesperson for Acme",
            None,
        ),
        (["ویتکوف", "کوشنر و روبیو"], "ویتکوف، کوشنر و روبیو", None),
        (["وزارت امور خارجه"], "وزارت امور خارجه", None),
        (["The National Coffee Association"], "National Coffee Association", None),
        (["", "  "], None, None),
    ],
)
def test_mention_of(parts: list[str], speaker: str | None, role: str | None) -> None:
    lang = "en" if parts[0].isascii() and parts[0].strip() else "fa"
    mention = mention_of(parts, lang)
    assert (mention.speaker if mention else None, mention.role if mention else None) == (
        speaker,
        role,
    )


@pytest.mark.parametrize(
    ("before", "after", "text", "located", "kind"),
    [
        ("تهران تنها ۲۱ روز هوای ", " داشت.", "پاک", False, T),
        ("وزیر گفت: ", ".", "نه", True, Q),
        ("پیام روشن بود: ", ".", "صرفه‌جویی کنید", False, Q),
        ("کتاب ", " چاپ شد.", "سمفونی مردگان", False, T),
        ("کارزار ", " آغاز شد.", "هر قطره مهم است", False, T),
        ("معترضان با شعار ", " آمدند.", "ما آب می‌خواهیم", False, Q),
        ("معترضان با شعار ", " آمدند.", "نان", False, T),
        ("", "", "ما آماده‌ایم", False, Q),
        ("", "", "", False, Q),
        ("The plan has a new ", " on parking.", "reliability surcharge", False, T),
    ],
)
def test_quote_kind(before: str, after: str, text: str, located: bool, kind: str) -> None:
    lang = "en" if before.isascii() and before else "fa"
    assert quote_kind(before, after, text, located, lang) == kind


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("ما آب می‌خواهیم", "fa", True),
        ("وضعیت امسال بی‌سابقه است", "fa", True),
        ("آب بدون درآمد", "fa", False),
        ("پاک", "fa", False),
        ("آبی‌ها هرگز تنها نیستند", "fa", True),
        ("این وضع دیگر نبود", "fa", True),
        ("We made progress,", "en", True),
        ("remarkably resilient", "en", False),
        ("", "fa", False),
    ],
)
def test_sentence_like(text: str, lang: str, expected: bool) -> None:
    assert sentence_like(text, lang) is expected


def test_cast_resolves_references() -> None:
    cast = Cast("fa")
    assert cast.resolve(Mention("وی")) is None  # nobody named yet
    assert cast.resolve(Mention("این مقام")) == Mention("این مقام")  # kept as written
    naderi = Mention("کاوه نادری", "مدیرعامل سازمان بنادر", named=True)
    cast.remember(naderi)
    cast.remember(Mention("وزارت نیرو", org=True))
    assert cast.resolve(Mention("نادری", named=True)) == naderi
    assert cast.resolve(Mention("او")) == naderi
    assert cast.resolve(Mention("این سازمان")) == Mention("وزارت نیرو", org=True)
    assert cast.resolve(Mention("این مقام")) == naderi
    assert cast.resolve(Mention("مدیرعامل سازمان بنادر")) == naderi


@pytest.mark.parametrize(
    ("sentence", "lang", "names"),
    [
        (
            "هیئت به رهبری مشاور امنیت ملی رستام اوماروف هدایت می‌شود.",
            "fa",
            [("رستام اوماروف", "مشاور امنیت ملی")],
        ),
        ("ذخایر سدهای تهران کم شد.", "fa", []),
        ("Brooks met council member Luis Ortega.", "en", [("Luis Ortega", "council member")]),
        ("", "fa", []),
    ],
)
def test_names_in(sentence: str, lang: str, names: list[tuple[str, str | None]]) -> None:
    assert names_in(sentence, lang) == names


def test_orgs_in() -> None:
    assert orgs_in("The Lakeport Grid Authority met Acme Industries.") == [
        "Lakeport Grid Authority",
        "Acme Industries",
    ]
    assert orgs_in("") == []


ISFAHAN = """ورشکستگی آبی در اصفهان؛ زاینده‌رود برای چهارمین سال خشک ماند
بستر خشک زاینده‌رود زیر پل خواجو. عکس: سارا احمدی/ایسنا
مدیرعامل شرکت آب منطقه‌ای اصفهان، حسن ساسانی، روز یکشنبه اعلام کرد که ذخایر سد کم است.
چرا مهم است: کارشناسان از وضعیت کنونی با عنوان «ورشکستگی آبی» یاد می‌کنند.
آخرین اخبار: ساسانی گفت: «اگر بارش‌های پاییزی کم باشد، با جیره‌بندی روبه‌رو خواهیم شد».
- وی افزود که مصرف کشاورزی «دست‌کم ۳۰ درصد» باید کم شود.
- به گفته ساسانی، طرح «انتقال آب از سرشاخه‌ها» هنوز به نتیجه نرسیده است.
پیش‌زمینه: ساعتی بعد، استاندار اصفهان، مهندس مهدی جمالی‌نژاد، در جمع کشاورزان گفت: «حق‌آبه می‌دهیم».
- کشاورزان سال‌هاست با شعار «آب، حق ماست» در برابر استانداری تجمع می‌کنند.
آنچه می‌گویند: «ما دیگر نمی‌توانیم منتظر بمانیم»، علی کریمی، یکی از کشاورزان ورزنه، به خبرنگار ما گفت.
- این کشاورز افزود: «زمین‌های ما سه سال است کشت نشده».
- یک مقام وزارت نیرو که نخواست نامش فاش شود، وضعیت اصفهان را «بحرانی‌ترین در کشور» توصیف کرد.
- دکتر پروین صالحی، استاد دانشگاه صنعتی اصفهان، می‌گوید: «فرونشست به ۱۵ سانتی‌متر رسیده است».
- به باور صالحی، «بدون اصلاح الگوی کشت، هیچ طرح انتقالی جواب نمی‌دهد».
گام بعدی: شورای عالی آب هفته آینده درباره طرح «اصفهان ۱۴۱۰» تصمیم می‌گیرد."""
SASANI = ("حسن ساسانی", "مدیرعامل شرکت آب منطقه\u200cای اصفهان", Q)
KARIMI = ("علی کریمی", "یکی از کشاورزان ورزنه", Q)
SALEHI = ("پروین صالحی", "استاد دانشگاه صنعتی اصفهان", Q)
ISFAHAN_QUOTES = [
    (None, None, T), SASANI, SASANI, (None, None, T),
    ("مهدی جمالی\u200cنژاد", "استاندار اصفهان", Q), ("کشاورزان", None, Q), KARIMI, KARIMI,
    ("یک مقام وزارت نیرو", None, Q), SALEHI, SALEHI, (None, None, T),
]  # fmt: skip

LAKEPORT = """Lakeport raises power rates for the second time this year
The Lakeport Grid Authority on Tuesday approved a 9% increase in electricity rates.
Driving the news: The authority's board voted 5-2 after a four-hour hearing.
- "We did not take this decision lightly," board chair Maria Gonzalez said after the vote.
- She said the increase would fund "long-overdue upgrades" to the grid.
What they're saying: "This is a tax on the poor," said state Sen. Robert Hale, a Democrat.
- "Rates are set by the cost of service," the authority said in a statement.
- Consumer advocate Dana Price called the hearing "a formality."
Between the lines: The authority has pitched a "grid resilience fee" as separate from the base rate.
On Wednesday, the utility's chief executive, Tom Becker, told reporters that outages fell.
- "The upgrades are working," Becker said."""
GONZALEZ = ("Maria Gonzalez", "board chair", Q)
BECKER = ("Tom Becker", "the utility's chief executive", Q)
LAKEPORT_QUOTES = [
    GONZALEZ, GONZALEZ, ("Robert Hale", "state Sen.", Q), ("Lakeport Grid Authority", None, Q),
    ("Dana Price", "Consumer advocate", Q), (None, None, T), BECKER,
]  # fmt: skip


TABRIZ = """کشمکش بر سر آرش دلاوری ادامه دارد
باشگاه تراکتور پیشنهاد الغرافه برای جذب مهاجم ملی‌پوش تراکتور، آرش دلاوری، را رد کرد.
آخرین اخبار: ایجنت دلاوری، مهرداد نوری، در صفحه شخصی‌اش نوشت: «موکل من حق تصمیم دارد».
- «من فقط می‌خواهم فوتبال بازی کنم»، دلاوری پس از تمرین به خبرنگاران گفت.
واکنش‌ها: عضو کمیسیون ورزش مجلس، خانم زهرا شیخی، هشدار داد: «باشگاه بدهکار است».
- این نماینده افزود: «فروش راه حل نیست»."""
DELAVARI = ("آرش دلاوری", "مهاجم ملی‌پوش تراکتور", Q)
SHEIKHI = ("زهرا شیخی", "عضو کمیسیون ورزش مجلس", Q)
TABRIZ_QUOTES = [("مهرداد نوری", "ایجنت دلاوری", Q), DELAVARI, SHEIKHI, SHEIKHI]

BRIGHTLINE = """Brightline Cloud cuts 1,400 jobs
Brightline Cloud, the enterprise software company, said Tuesday it will lay off 1,400 people.
The big picture: Analysts expected cuts.
- The company, in a filing with the SEC, said it expects "approximately $95 million" in charges."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ISFAHAN, ISFAHAN_QUOTES),
        (LAKEPORT, LAKEPORT_QUOTES),
        (TABRIZ, TABRIZ_QUOTES),
        (BRIGHTLINE, [("Brightline Cloud", None, Q)]),
    ],
    ids=["fa", "en", "fa-references", "en-organisation"],
)
def test_whole_articles(normalizer, text: str, expected: list[tuple[str | None, ...]]) -> None:
    from bot.article import parse_article

    article = parse_article(text, normalizer=normalizer)
    assert [(q.speaker, q.role, q.kind) for q in article.quotes] == expected
    assert len(article.quotations) == sum(kind == Q for *_, kind in expected)
