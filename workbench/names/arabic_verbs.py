"""Inflected forms of common news verbs: a word in one of these forms opens or continues no name."""

from __future__ import annotations

# the third person masculine past of verbs that news reports use, unvowelled; a verb's bare form is a
# noun too (قتل, killing; فتح, a party's name) and is not listed as a form unless it opens with ا
# (اعتقل، استهدف, forms that no noun takes)
_PAST = """
قتل اعتقل اقتحم استهدف انسحب سيطر هاجم نفذ نصب أصبح تمتع لمع شن أطلق قصف دمر فجر استشهد أصيب جرح خطف
اختطف أسر أفرج داهم فتش صادر ضبط أحبط أعدم اتهم أدان نفى أكد أعلن صرح أضاف أوضح أشار أفاد ذكر نقل
تابع لفت اعتبر طالب حذر هدد توعد تعهد قرر أصدر أقر وافق رفض رحب استنكر ندد شجب أعرب التقى استقبل زار
وصل غادر توجه انتقل نزح هجر هرب لجأ دخل خرج تقدم تراجع تمكن حاول استطاع بدأ استمر انتهى انطلق جرى شهد
وقع حدث ظهر اختفى قضى توفي نجا سقط انفجر اندلع تجدد تصاعد تواصل استأنف أوقف علق ألغى أغلق افتتح
أنشأ أسس شكل انتخب رشح كلف أعفى أقال استقال ترأس أدار أشرف حضر شارك ساهم ساعد أرسل بعث نشر وزع قدم منح
سلم تسلم استلم تلقى حصل وجد عثر كشف أظهر بث عرض تسبب أدى أسفر خلف أوقع طال استولى تسلل تمركز انتشر احتل
حرر استعاد طرد حاصر فرض رفع خفض شدد عزز أعاد أكمل أنهى باشر واصل عقد سحب اجتمع ناقش بحث تناول أجرى
تحدث تطرق أبلغ أخبر أعلم طلب سأل أجاب رد تمنى أمل تساءل أبدى أثار أثنى اتفق اختلف تصدى دافع واجه قاوم
صمد انضم انشق التحق غاب اعترف ادعى زعم أنكر برر علل استخدم استعمل اعتمد تبنى نشط عمل سعى هدف تعرض
تضرر تأثر تعطل توقف تأخر تأجل تقرر تحول تغير ازداد ارتفع انخفض تراوح بلغ تجاوز تخطى فاق
أودى أسقط أصاب أحرق أضرم نهب سرق اغتال صفى أردى استدرج اعتدى تعدى اشتبك تبادل حشد استنفر
دفع أخلى اقتاد احتجز سجن حاكم عاقب غرم فرّ لاذ تحصن كمن رصد وثق تحقق حقق راقب تفقد
زود أمد موّل دعم ساند أيد عارض انتقد وصف سمى لقب عرف اشتهر انحدر ولد نشأ ترعرع درس تخرج
تولى شغل خدم قاد تزعم
""".split()

# imperfects that do not follow the past's letters (قال → يقول)
_IRREGULAR = """
يقول تقول يقولون يكون تكون يكونون يصل تصل يقوم تقوم يقومون يعود تعود يعودون يبدو تبدو يزال تزال يجري تجري
يرى ترى يأتي تأتي يبقى تبقى يسعى تسعى يلقى يعيش تعيش يريد تريد يجب ينبغي يمكن
""".split()

# forms that are names too and no given name (the cue tables leave out given names: نشأت، يزيد): a party
# (تقدم), a city (تدمر)
NAMES = frozenset("تقدم تدمر".split())
_FAMILY_NAMES = frozenset("حاكم شهد".split())  # bare pasts that are family or given names too

_PAST_ENDINGS = ("ت", "تا", "ا", "وا", "نا", "تم")
_PRESENT_LETTERS = "يتن"
_PRESENT_ENDINGS = ("", "ون", "ان", "ين", "وا")


def _present_stem(past: str) -> str:
    """The letters an imperfect adds its prefix to: أعلن → علن (يعلن), اعتقل → عتقل (يعتقل), قتل → قتل."""
    return past[1:] if past[:1] in "أإا" and len(past) >= 4 else past


def bare_pasts() -> set[str]:
    """The bare past of the listed verbs that a noun may share (وصل، غادر، قرر): no name after a title or
    inside a man's name (الوزير وصل، فؤاد حسين وصل), whatever it is alone. Family names are left out."""
    return {past.replace("ّ", "") for past in _PAST if not past.startswith("ا")} - NAMES - _FAMILY_NAMES


def verb_forms() -> set[str]:
    """Every generated form, unfolded: past forms with their person endings, the bare past of forms
    that open with ا, imperfects with their prefixes and endings (a final ى goes: انتهى → انتهت، ينتهي)."""
    forms: set[str] = set(_IRREGULAR)
    for past in _PAST:
        past = past.replace("ّ", "")
        if past.startswith("ا"):
            forms.add(past)
        stem = _present_stem(past)
        if past.endswith("ى"):
            forms.update(past[:-1] + ending for ending in ("ت", "تا", "وا", "يا", "ينا", "يت"))
            forms.update(letter + stem[:-1] + ending for letter in _PRESENT_LETTERS for ending in ("ي", "ون", "يان"))
            continue
        forms.update(past + ending for ending in _PAST_ENDINGS)
        forms.update(letter + stem + ending for letter in _PRESENT_LETTERS for ending in _PRESENT_ENDINGS)
    return forms - NAMES
