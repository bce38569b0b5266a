"""What marks a name in Arabic news, which has no capital letters: titles, heads, given names.

Curated from public knowledge of Arabic news style and naming (not from any article): the titles and
roles that stand before a person's name, the generic words that head a place or an organisation's
name, common given names (Arabic and Kurdish), the particles of a personal name (بن، أبو، عبد) and the
frequent words that never start or continue a name. Every list is folded like the text it is compared
with (``text.fold.fold``: alef, alef maksura and teh marbuta folded, marks removed).
"""

from __future__ import annotations

from functools import lru_cache

from workbench.names.arabic_verbs import bare_pasts, verb_forms
from workbench.text.fold import fold_arabic_letters, strip_arabic_marks

# titles and roles before a person's name; the value is how sure the cue is (calibrated on the dev set)
_PERSON_TITLES = """
الرئيس رئيس الرئيسة رئيسة النائب نائب الوزير وزير وزيرة القيادي قيادي المتحدث متحدث الناطق ناطق
الشيخ شيخ العميد عميد اللواء العقيد عقيد المقدم مقدم الرائد النقيب نقيب الملازم الفريق فريق العماد
الجنرال جنرال السيد السيدة الدكتور الدكتورة المهندس الأمير أمير الملك السلطان الإمام المرجع القاضي
المحافظ محافظ القائد قائد الزعيم زعيم المسؤول مسؤول المدير مدير الناشط ناشط الناشطة الصحفي الصحافي
الإعلامي المراسل مراسل الكاتب الباحث المحلل الخبير الصحفية الصحافية الإعلامية المراسلة مراسلة الكاتبة
الباحثة المحامي المحامية المدعو المختار مختار عضو العضو السفير سفير المبعوث
مبعوث المستشار مستشار المفتي الحاج المواطن الشاب الطفل الشهيد الأمين الداعية المطران البطريرك
يدعى تدعى المدعوة الملقب الملقبة قائممقام القائممقام معاون مساعد وكيل حاج حج
""".split()

# nouns of appointing and dismissing: a person's name of two words or more follows (انتخاب X Y قائممقام)
_APPOINTMENTS = "انتخاب تعيين ترشيح تكليف إعفاء اختيار إقالة".split()

# words that qualify a title and sit between it and the name: portfolios, "spokesman of ..."
_TITLE_COMPLEMENTS = """
باسم المتقاعد متقاعد الدفاع الداخلية الخارجية النفط المالية العدل الوزراء الجمهورية الأركان الجيش العمليات المشتركة
السابق الأسبق الحالي الراحل الجديد المؤقت العام الأول الركن العراقي العراقية السوري السورية الإيراني
التركي الأمريكي الأميركي الروسي الكردي الكردية المشترك المشتركة الإعلامي الرسمي الميداني العسكري
الأمني المحلي البارز الكبير للجيش للقوات لقوات لوزارة الشرطة الأمن مجلس لمجلس المجلس الإدارة للإدارة
الذاتية التنفيذي التشريعي المركزي الإقليمي للمرصد لتنظيم التنظيم العشائري للحزب الحزب للحركة الحركة
عمليات قاطع قطاع القبلي الديني شرطة القومي السني الشيعي المسيحي الدرزي الإيزيدي التركماني الشبكي السن
""".split()

# titles followed by the place they hold office in, then the name (محافظ نينوى نجم الجبوري)
_TITLES_OF_PLACE = "محافظ المحافظ قائممقام مختار".split()

# roles that follow a person's name: in apposition after a comma or in a list of appointments
# (X، معاون محافظ ...; انتخاب X قائممقام ...), indefinite, some in the accusative (مديرا)
_ROLES_AFTER = """
قائممقام مدير مديرا معاون مساعد نائب نائبا رئيس رئيسا محافظ محافظا قائد قائدا مسؤول مسؤولا عضو عضوا
وزير وزيرا متحدث ناطق مستشار مستشارا زعيم آمر آمرا
نائبة رئيسة مديرة مسؤولة عضوة متحدثة مستشارة وزيرة
""".split()

# a place's name follows these heads (the head is not part of the name)
_PLACE_HEADS = """
محافظة مدينة بلدة قرية حي ريف ناحية قضاء منطقة جبل جبال نهر بادية جزيرة شارع بلدتي قريتي حيي حيا هور أهوار
مدينتي محافظتي أحياء قرى بلدات مدن إقليم حوض مناطق مقاطعة قاعدة قواعد مستوطنة ريفي مفرق وادي
بلدتا قريتا مدينتا محافظتا مخيمات
""".split()

# dual and plural heads: a second place follows after و (بلدتي الطيانة والجرذي)
# place heads that are part of the name they open: a mountain range, a valley (جبل الزاوية، وادي حوران)
_KEPT_PLACE_HEADS = "جبل جبال وادي سهل هور أهوار نهر".split()  # (سهل نينوى, the Nineveh Plains: a place of its own)
# the region's great rivers, named without their head (نهر الفرات → الفرات; a village نهر البارد keeps it)
_RIVERS = "الفرات دجلة الخابور الزاب العاصي العاصى بردى بردي ديالى البليخ الساجور عفرين قويق اليرموك العظيم الأردن".split()

# (the dual in the nominative too: تعرضت قريتا X وY)
_PLURAL_PLACE_HEADS = """بلدتي قريتي مدينتي محافظتي ريفي بلدتا قريتا مدينتا محافظتا حيي حيا أحياء قرى بلدات مدن مناطق قواعد
مخيمات""".split()  # (camps named in a list are named by their place: مخيمات حمام العليل والجدعة)
# a singular place head that an indefinite adjective may describe (قاعدة جماهيرية: a popular base)
_DESCRIBED_PLACE_HEADS = "قاعدة منطقة".split()  # (منطقة سكنية: a residential area)

# heads that are part of an organisation's name (حزب الله، قوات سوريا الديمقراطية)
_ORG_HEADS = """
حزب حركة قوات لواء مرصد جبهة كتائب كتيبة تنظيم جماعة تيار ائتلاف تحالف مجلس هيئة فصيل منظمة اتحاد جمعية
مؤسسة وزارة مديرية فرقة فوج سرايا عصائب جيش مركز تجمع إدارة حرس غرفة معهد وحدات محكمة ألوية مطرانية أبرشية
""".split()

# organisation heads that are not part of the name: a militia named (ميليشيا عصائب ... → عصائب ...)
_DROPPED_ORG_HEADS = "ميليشيا مليشيا ميليشيات مليشيات".split()

# organisation heads whose name may hold a place: مجلس محافظة نينوى، تحالف نينوى الموحدة، وحدات حماية سنجار
_PLACE_ORG_HEADS = "مجلس تحالف ائتلاف جبهة تجمع حركة حزب وحدات قيادة إدارة مطرانية أبرشية".split()

# heads of a news outlet, a tribe or an electoral bloc: the name follows, the head is not part of it
# (وكالة «نورث برس», كتلة الفتح)
# dual and plural tribe heads: a second tribe follows after و (عشيرتي X وY)
_PLURAL_TRIBE_HEADS = "عشيرتي قبيلتي عشائر قبائل".split()

_OUTLET_HEADS = ("وكالة صحيفة موقع قناة شبكة مجلة إذاعة تلفزيون عشيرة قبيلة عشائر قبائل كتلة قائمة عشيرتي قبيلتي فخذ فخد "
                 + " ".join(_DROPPED_ORG_HEADS)).split()

# words before a quoted name that say an armed group bears it (مسلحي «...», عناصر «...»)
_MEMBERS_OF = "مسلحي مقاتلي عناصر فصيل فصائل كتيبة".split()

# pages and accounts: a quoted name after them is the group or outlet that runs them (صفحة «...»)
_PAGES = "صفحة صفحات حساب حسابات معرف معرفات".split()

# shrines and mosques: the name after them is a place, a title included (مقام السيدة زينب)
_SHRINE_HEADS = "مقام مرقد ضريح العتبة الحضرة".split()
_SHRINE_ADJECTIVE_HEADS = "العتبة الحضرة".split()  # named by an adjective: العتبة الحسينية

# facilities named with their head (سجن الصناعة، مخيم الهول، حقل العمر): the head is kept; a military
# base is named after its place (قاعدة عين الأسد، قواعد الشيخ ناصر): a place head
_FACILITY_HEADS = "سجن مخيم حقل مطار سد معبر مستشفى فندق جامع مسجد ساحة كنيسة كاتدرائية".split()  # (ساحة التحرير, a square)

# broadcasters named after a place: the head is part of the name (تلفزيون سوريا، إذاعة بغداد)
_BROADCAST_HEADS = "تلفزيون إذاعة راديو".split()

# news outlets and agencies often quoted in Arabic news (public facts, a small gazetteer)
_OUTLETS = """
رويترز سبوتنيك سانا روداو رووداو الميادين المنار السومرية
تويتر فيسبوك فيس بوك تلغرام تيليغرام تليجرام تلجرام يوتيوب إنستغرام واتساب
""".split()
_OUTLET_ENDINGS = "برس بريس نيوز تايمز بوست توداي انترناشونال ميديا ناو ديجيتال نت 24".split()  # كوردستان 24  # فرانس برس، سكاي نيوز

# first words of compound place names (دير الزور، تل تمر، رأس العين، أبو كمال)
_PLACE_FIRST = """
دير تل رأس عين أبو أم البو آل بئر جسر كفر خان قلعة بيت مرج حمام بني سيدي بلد باب سوق عرب وادي حوش
جديد جديدة
""".split()

# common given names (Arabic, Kurdish, Turkmen): public naming facts, not people from any article
_GIVEN_NAMES = """
نواف زاهد جودت راغب هايل عناد أيهم معتز صابر صبحي عمرو نهاد جبير كرار منتظر مرتضى مجتبى كوثر ناهدة وداد رقية غفران
سجاد حسنين شوكت مدحت نشأت طلعت بهجت صفوت ثروت رأفت فخري شكري عوني مظفر مشاري بندر متعب أوس مضر نوح آدم شادي فادي رامز
كنان شيرزاد كاوه بارزان سربست
وصفي وسام وائل وحيد وهيب وفيق وجيه وضاح وديع وعد ولاء نصيف أيوب أيسر واثق سراج ملهم
آوات هالو دياري بشوا سركو مهران سامان رزكار دانا كارزان ديلان هردي شاسوار قوباد
محمد أحمد محمود مصطفى علي حسن حسين نيجرفان عمر عثمان خالد سعد سعيد إبراهيم إسماعيل يوسف يونس موسى عيسى
سليمان داود جمال كمال فيصل فاضل فارس فراس فؤاد نوري هادي عادل عامر عمار عماد عباس ياسر ياسين جعفر
صادق طارق زيد زيدان وليد رياض رائد حيدر قاسم كاظم جواد مهدي مقتدى برهم مسعود نيجيرفان مسرور مظلوم
إلهام فرهاد شيروان آزاد هوشيار فؤاد بافل قباد لاهور كوسرت ريبوار نوزاد دلشاد سرتيب جلال صلاح نجم
منصور ناصر نصر نبيل نزار نعمان هاشم هشام همام وائل وسام ياسر يحيى يعقوب أيمن أسامة أنس أمين أنور
بشار بشير بكر بلال ثامر جاسم جبار جميل حاتم حازم حامد حسام حمد حمدان حمزة حميد خضر خليل راشد رامي
رضا رعد رشيد زياد زكريا سالم سامي سامر سلمان سلام سمير شاكر شوقي صالح صباح صفاء ضياء طالب طلال
ظافر عبود عدنان عزيز عزت علاء عوض غازي غسان فالح فتحي فهد فواز قيس كريم لؤي ماجد مازن مالك مجيد
محسن مراد مروان مشعان معاذ معن منذر مهند موفق نادر ناجي نايف نجيب نديم نوفل هيثم وعد وحيد وضاح
ياسين يزن أكرم أديب أسعد أشرف إياد باسم باسل تامر توفيق ثائر جابر جلال حارث حافظ حكمت حمود خلف
دريد ذياب راضي رحيم ريان زهير سعدون سلطان شهاب صدام طه عبيد عقيل عواد غانم فرج فياض قحطان كنعان
لطيف محيي مزاحم مشتاق مثنى نجاح نوري هاني وليد ياسر إسحاق أبي إدريس أدهم أحمد رعد مؤيد
جيندار عكيد شيار روناهي هفرين آلدار بولات سيبان ريزان كاوا هوكر بيوار دلوفان
عصام عصمت شريف حنين نعيم غياث رفعت خيري رمزي خدر إلياس حنا يوحنا بطرس جورج ميشيل سركيس ضرغام مشعل فرحان ناظم ثابت آراس ئاراس
فليح ستار قصي عدي سيف ليث أثيل مصعب أنمار منهل نوار طراد شلال عجيل دحام خضير جدعان صقر مطر
مشهور صفوان عزام عمران عرفات حمدي رشدي مجدي فوزي صبري لطفي حلمي رؤوف شاهر منير وسيم نسيم حبيب
ربيع رفيق شفيق سامح ماهر طاهر سليم جهاد نضال كفاح حسان رضوان عرفان فاروق سعدي
هيمن ريبين شيركو دلير زانا آري كاروان هاوكار بختيار سردار ريكان هيوا بيستون سيروان أوميد هفال
جوان روجهات شفان جنان هيا داغر بريفان كلستان گلستان شفين ولات دلشير هدايت قدري سرمد علياء وحيدة نعسان عواص
بدر بهاء بسام برهان
شيماء ابتسام وفاء غادة رغد هبة آلاء زهراء بتول هيفاء ميسون سوسن نسرين لمى رزان إيمان
فاطمة زينب مريم عائشة خديجة سارة نور هدى رنا ليلى سلمى أمل هند سعاد نادية سميرة منى ريم دعاء
نجلاء رحاب ميادة ريما رشا رانيا لينا نوال سهى عبير رولا ديمة بشرى شذى إسراء جيهان سناء
نرمين روجين بيريفان زوزان شيرين فيان شيخموس يزيد يعرب يامن تميم تمام
عاطف عاصم سرحان مطلك نبهان فندي غنام مخلف سطام حاجم دهام حردان هايس عطا حنان
جوليا جوزيف لورانس نقولا ميشال أنطون أنطوان طوني إيلي مارون شربل إدوارد ريتا ماري كاترين كريستين جورجيت
سمعان لوقا مرقس واصف إنجي أغناطيوس إغناطيوس بنديكتوس أبلحد ذنون
معين مأمون مقداد منيب نشوان نصار وجدي أنيس إيهاب خلدون رباح ركان سعود سفيان سهيل صهيب ضاري عاصي علوان فهمي لقمان
مرهف مزهر مصطاف نجاد هزاع عزالدين نورالدين بدرالدين جاسب حسون مطشر شنشل عطوان غزاي مزعل ثجيل حنتوش خزعل صكبان كاطع
مجبل وناس أسيل رباب روان صفية عبلة لبنى ماجدة ميساء نادين رستم
خلوصي هاكان يشار دولت بولنت أوزغور
إيمانويل ايمانويل فلاديمير سيرغي سيرجي دميتري ديمتري ميخائيل ألكسندر الكسندر يفغيني دونالد أنطونيو انطونيو جون جيمس مايك
مايكل ديفيد دافيد ستيفن ستيف بيتر توماس توم ريتشارد روبرت ويليام وليام تشارلز هيلاري كامالا أنجيلا انجيلا أولاف
فرانسوا بيير لوران نيكولا مارين جيروم ستافان جوزيب أورسولا اورسولا أنالينا بنيامين نفتالي يائير أفيغدور
""".split()  # (Christian ones, Turkish ones: Yaşar, Hulusi, Hakan, Devlet, Bülent, Özgür; then Western, Russian and
# Israeli ones that are no Arabic words: not جو (Joe: "air"), بول (Paul), غير (Geir: "other"), جان (Jean: لجان,
# committees); not بشارة, ميلاد, متى, words of running text: good news, birth, when)
# names of عبد + a name of God often written as one word (عبدالله العريان, beside عبد الله)
_GIVEN_NAMES += ["عبد" + rest for rest in """
الله الرحمن الرحيم الكريم العزيز القادر الحميد المجيد السلام الجبار الناصر الحسين الأمير الواحد الرزاق
الغني الهادي المهدي الستار الباسط الوهاب اللطيف الخالق العظيم الحكيم الحليم الفتاح المنعم الجليل الإله
الرزاق الزهرة الغفور الملك المحسن الحافظ الرؤوف الصمد الباقي الرضا الحسن العال الجواد
""".split()]

# adjectives that describe an organisation rather than name it (القوات العراقية، الأجهزة الأمنية): nationalities
# and generic qualifiers; another nisba after a definite head names it (التيار الصدري، الحرس الثوري)
_DESCRIBING_ADJECTIVES = """
العراقي السوري الإيراني التركي الأمريكي الأميركي الروسي الكردي العربي السعودي الإسرائيلي اللبناني الأردني
المصري الفرنسي البريطاني الألماني الأوروبي الأجنبي الحكومي الأمني العسكري المحلي الرسمي النظامي الجوي
البري البحري العشائري الشيعي السني الاتحادي المركزي الإقليمي الدولي الميداني الشعبي الخاص المسلح
الإرهابي التكفيري المتطرف الإجرامي الطبي الصحي الإعلامي الرئيسي التجاري الثقافي الإداري القضائي
الطائفي المتشدد البلدي المسلح المسلحة البرلماني البرلمانية التنفيذي التنفيذية الرئاسي الرئاسية التشريعي
التشريعية
""".split()
# adjectives that describe a title, not a body's name (المحلل السياسي، المفتي الشرعي، زعيم قبلي)
_TITLE_ADJECTIVES = """
السياسي الشرعي القانوني الانتقالي القبلي الديني المدني الاجتماعي الاقتصادي الحقوقي الإنساني الدبلوماسي
الاستخباري الأكاديمي الحزبي النقابي الطلابي
""".split()

# nationalities: a one-word glossary spelling that is also a common noun, followed by one, is that noun
# (القاعدة التركية: the Turkish base, not al-Qaeda)
_NATIONALITIES = """
العراقي السوري الإيراني التركي الأمريكي الأميركي الروسي الكردي العربي السعودي الإسرائيلي اللبناني الأردني
المصري الفرنسي البريطاني الألماني الأوروبي
""".split()

# ordinal numbers: an organisation with one in its name is a numbered unit (الفرقة الرابعة), not named
_ORDINALS = """
الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة السابع السابعة
الثامن الثامنة التاسع التاسعة العاشر العاشرة
""".split()

# assemblies named by their members: common nouns like البرلمان, not names (a parliament, a cabinet)
_GENERIC_BODIES = ["مجلس النواب", "مجلس الوزراء", "مجلس الشعب", "مجلس الشيوخ", "مجلس الأعيان", "مجلس الأمة",
                   # bodies named by what they are, the same in any town or party (the civil council, the
                   # opposition's forces, the advisory board) and a word that only looks like one (the current)
                   "مجلس الشورى", "مجلس الصلح", "مجلس المحافظة", "المجلس المدني", "الهيئة الاستشارية",
                   "الهيئة التأسيسية", "قوات المعارضة", "قوات السلطة", "قوات السلطات", "غرفة التنسيق",
                   "الجمعية الخيرية", "التيار الكهربائي"]

# branches of security named by an adjective after الأمن: the agency (الأمن العام، قوى الأمن الداخلي)
_SECURITY_BRANCHES = "الداخلي العام الوطني العسكري السياسي الجنائي القومي".split()

# a police force named by its level or branch (الشرطة الاتحادية، الشرطة العسكرية); by its country too
_POLICE_BRANCHES = "الاتحادية العسكرية".split()

# prepositions that close a personal name after a title (العميد X Y Z في حمص)
_CLOSING = "في من إلى الى على".split()

# units after a number: a quantity, not an outlet's number (مدة 24 ساعة)
_UNITS = "ساعة ساعات يوما أيام أسبوعا شهرا أشهر عاما سنة سنوات دقيقة دقائق كم كيلومتر كيلومترا ألف مليون".split()
# (not يوم, شهر: درعا 24 يوم أمس, the outlet then "yesterday")

# verbs of saying: what follows them speaks, so it is not a place (وقال كوباني، في تصريح)
_SPEECH_VERBS = "قال أضاف أكد أوضح أشار صرح تابع نفى شدد اعتبر".split()

# particles of a personal name: son of, father of (kunya), servant of (عبد + a name of God)
_SON_OF = "بن ابن بنت".split()
_KUNYA = "أبو أبي أبا البو آل بني بنو".split()  # and the tribe: البو حسن، آل ...، بني مالك
_ABD = "عبد عبدال".split()

# frequent words of news text that never start or continue a name (verbs, function words, nouns)
# common nouns that are also the names of listed towns (الثورة, Tabqa's other name; أمان): never a place
# found by the place list alone (a head or a list still finds them)
_NOT_PLACES = """الثورة ثورة أمان الأمان موصول السلمية إبادة الإبادة الكرامة الخارجة مسقط
الساحل مالي مالية قنوات الحراك حراك الإشارة إشارة طواحين المزرعة مزرعة الحاضر كريمة عالية قيصرية الشامية
الحسينية حسينية الإسماعيلية إسماعيلية عشاق""".split()  # common words that GeoNames also has as places: the coast, financial, channels

_NOT_NAME = """
مثل مثلا ذكرى أهالي علوية شيعية مسيحية درزية إسماعيلية إيزيدية ايزيدية
تقع يقع تبعد يبعد تضم يضم تشهد يشهد تسمى يسمى تعرف يعرف الشهداء شهداء
العبور عبور الزيارة زيارة المرور السير الملاحة النزوح
سيطرة نفوذ تمكنت تمكن تمكنوا أقصى أدنى البريد بريد آنذاك حينها وقتها
شرطة كبير كبيرا تفجير لنا ينحدر ينحدرون تنحدر قاموا قام إعلامي الانفجار الحادث الحادثة إعدام البالغ البالغة الموقع أمني أمنية مشتركة شؤون طوارئ طوارىء اطراف أطراف سابق سابقة دون الكامل بالكامل النواحي الأقضية القرى البلدات المدن المحافظات
من في على إلى الى عن أن إن ان مع بين بعد قبل حتى منذ التي الذي الذين اللذين هذه هذا ذلك تلك هؤلاء
كان كانت يكون تكون قال قالت يقول تقول أكد أكدت يؤكد أضاف أضافت يضيف أعلن أعلنت يعلن أشار أشارت يشير
أوضح أوضحت أفاد أفادت ذكر ذكرت نقل نقلت تابع تابعت بين بينت لفت لفتت اعتبر اعتبرت دعا دعت أفاد
قد لم لن ما لا أو او ثم كل غير عند حيث أي إذ نحو خلال عام يوم أمس اليوم غدا مساء صباح فجر ضد لدى
سوى أمام وراء فوق تحت داخل خارج حول عبر وفق وفقا بحسب حسب ضمن إثر أثناء جراء بسبب لأن كما أيضا
وقد فقد وكان وقال وأكد وأضاف وأعلن وأشار وذلك وهو وهي هو هي هم نحن أنا له لها لهم به بها فيه فيها
منه منها عليه عليها إليه إليها عنه عنها معه معها أنه أنها إنه إنها لكن لكنه بل إلا سواء أكثر أقل
نحو قرابة حوالي نفس ذات جميع بعض عدد عدة أحد إحدى اثنين ثلاثة أول آخر أخرى آخرين الأول الثاني
الجيش الأمن الشرطة النظام الحكومة الدولة البلاد المنطقة المدينة القرية السجن المخيم القوات العناصر
المسلحين المسلحون الإرهابي الإرهابية الإرهابيين التنظيم الهجوم الهجمات الاشتباكات المعارك القتال
العملية العمليات السيطرة الكاملة الأمنية العسكرية المدنيين المواطنين الأهالي السكان الضحايا القتلى
الجرحى المعتقلين السجناء الأطفال النساء الرجال الشباب العشائر العشيرة الحدود الطريق الشمالي الجنوبي
الشرقي الغربي الشمالية الجنوبية الشرقية الغربية شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط الأخير
الأخيرة الماضي الماضية المقبل المقبلة الجاري الحالي الحالية السابق السابقة الكبير الكبرى الجديد
الجديدة المحلي المحلية الدولي الدولية الرسمي الرسمية المحتلة الواقعة الواقع التابعة التابع المدعومة
المدعوم المشتركة التحالف بيان تصريح تصريحات مصدر مصادر تقرير تقارير وكالة وكالات صحيفة حزب حركة قوات
صواريخ صاروخ طائرات طائرة مسيرات مسيرة أسلحة ذخائر تم تمت بالنيابة
يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان
الموالية الموالي الموالين المعروفين المعروف المعروفة الإيراني الإيرانية العراقي العراقية
الأمريكي الأميركي الأمريكية الأميركية الروسي الروسية التركي التركية السعودي السعودية الإسرائيلي
جديدة جديد المنشأة منشأة بصدد
مئات آلاف عشرات ألف مئة الاحتلال المحتجزين المتواجدين المتواجدة الموجودين عشائرية
بساتين أراضي مزارع المحاذية المجاورة القريبة المحيطة الحدودية المنتشرة المتاخمة النائية المذكورة المستهدفة المحررة
مقتل مصرع إصابة اعتقال اغتيال قصف هجوم انفجار استهداف سقوط قوله قولها وقوله إنه إنهم أنهم
أيار حزيران تموز آب أيلول تشرين الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
ليلا صباحا ظهرا عصرا فجرا مجددا مؤخرا حاليا سابقا لاحقا قرب بالقرب
مهمة مهم كبيرة صغيرة قريبة بعيدة مجاورة واحدة لجنة لجان تابعة تابع تابعين المنضوية المنضوي
واسعة شاسعة عديدة متفرقة مختلفة كثيرة قليلة أخرى متعددة المحتل
الشمال الجنوب الشرق الغرب الوسط الأربعة الثلاثة الخمسة الاثنين الآخرين الآخر الأخرى
مكتب دائرة قسم شعبة محو الأطراف آمنة عازلة مشترك قتلى جرحى ضحايا قتيل جريح مصابين
مسيحي مسيحية سني سنية شيعي شيعية درزي درزية إيزيدي إيزيدية ايزيدي يزيدي تركماني تركمانية كلداني آشوري
سرياني أرمني مسلم البدو بدو النازحين النازحون المرشحين المرشحون المرشح أحزاب احزاب العوائل العائلات
فيما إجازة اجازة عطلة مشايخ الشبك بارز الركن أمر معظم بواقع سلطات الفعاليات الوفد حكومي حكومية محليين مدني
مدنيين نازحون نازحين عراقي إيراني ايراني أمريكي أميركي روسي سعودي لبناني أردني مصري كردي محلي أعضاء شرقى
غربى شمالى جنوبى جلسات الأقليات الاقليات أكبر أصغر أخطر أكثر أهم أبرز أطول أقرب أبعد أفضل أسوأ أشد أوسع فصل قاحل
جاف واسع واسعة صغير صغيرة ركن تعد يعد استشهاد
لذا لذلك وجهاء الوجهاء المناصب مناصب بقية أركان الأركان مواقع أسبق الأسبق الواردة الوارد الاشتباك
الاشتباكات الطرفين الطرفان المواجهة المواجهات الاحتجاج الاحتجاجات قاطع العنصر البارز الخاص
""".split()


@lru_cache(maxsize=200_000)
def cue_fold(word: str) -> str:
    """How words are compared with these lists: marks stripped, alef and teh marbuta folded, but
    alef maksura kept (على, on, is not علي, Ali)."""
    return fold_arabic_letters(strip_arabic_marks(word), maksura=False)


def _folded(words: list[str]) -> frozenset:
    return frozenset(cue_fold(w) for w in words)


@lru_cache(maxsize=1)
def tables() -> dict[str, frozenset]:
    """Every list, folded (built on first use: folding loads camel-tools' tables)."""
    return {
        "title": _folded(_PERSON_TITLES + _APPOINTMENTS),
        "appointment": _folded(_APPOINTMENTS),
        "complement": _folded(_TITLE_COMPLEMENTS),
        "title_of_place": _folded(_TITLES_OF_PLACE),
        # المناطق, the areas, is a common noun: plural heads count without the article only
        "place_head": _folded(_PLACE_HEADS)
        | _folded(["ال" + w for w in _PLACE_HEADS if w not in _PLURAL_PLACE_HEADS]),
        "plural_place_head": _folded(_PLURAL_PLACE_HEADS),
        "described_place_head": _folded(_PLURAL_PLACE_HEADS + _DESCRIBED_PLACE_HEADS),
        "kept_place_head": _folded(_KEPT_PLACE_HEADS),
        "river": _folded(_RIVERS),
        "speech": _folded(_SPEECH_VERBS),
        "closing": _folded(_CLOSING),
        "unit": _folded(_UNITS),
        "security": _folded(["الأمن"]),
        "direction": _folded("شمال جنوب شرق غرب".split()),
        "security_branch": _folded(_SECURITY_BRANCHES),
        "security_forces": _folded(["قوى"]),
        "police": _folded(["الشرطة"]),
        "council": _folded(["مجلس"]),
        "police_branch": _folded(_POLICE_BRANCHES) | _folded([w + "ة" for w in _NATIONALITIES]),
        "generic_body": frozenset(" ".join(cue_fold(w) for w in body.split()) for body in _GENERIC_BODIES),
        # في إطار (within the framework of) is an idiom: the framework as a head only with the article
        "org_head": _folded(_ORG_HEADS) | _folded(["ال" + w for w in _ORG_HEADS]) | _folded(["الإطار"]),
        "outlet_head": _folded(_OUTLET_HEADS),
        "dropped_org_head": _folded(_DROPPED_ORG_HEADS),
        "plural_tribe_head": _folded(_PLURAL_TRIBE_HEADS),
        "place_org_head": _folded(_PLACE_ORG_HEADS) | _folded(["ال" + w for w in _PLACE_ORG_HEADS]),
        "members_of": _folded(_MEMBERS_OF),
        "pages": _folded(_PAGES),
        "broadcast_head": _folded(_BROADCAST_HEADS),
        "shrine_head": _folded(_SHRINE_HEADS),
        "shrine_adjective_head": _folded(_SHRINE_ADJECTIVE_HEADS),
        "role_after": _folded(_ROLES_AFTER),
        "facility_head": _folded(_FACILITY_HEADS) | _folded(["ال" + w for w in _FACILITY_HEADS]),
        "outlet": _folded(_OUTLETS),
        "outlet_end": _folded(_OUTLET_ENDINGS),
        "place_first": _folded(_PLACE_FIRST),
        "given": _folded(_GIVEN_NAMES),
        "name_start": _folded(_GIVEN_NAMES + _SON_OF + _KUNYA + _ABD),
        "son_of": _folded(_SON_OF),
        "kunya": _folded(_KUNYA),
        "abd": _folded(_ABD),
        "not_name": _folded(_NOT_NAME),
        "not_place": _folded(_NOT_PLACES),
        "describing": _folded(_DESCRIBING_ADJECTIVES) | _folded([w + "ة" for w in _DESCRIBING_ADJECTIVES]),
        "title_adjective": _folded(_DESCRIBING_ADJECTIVES + _TITLE_ADJECTIVES) - _folded(_GIVEN_NAMES),
        "nationality": _folded(_NATIONALITIES) | _folded([w + "ة" for w in _NATIONALITIES]),
        "ordinal": _folded(_ORDINALS),
        "verb": _folded(list(verb_forms())) - _folded(_GIVEN_NAMES),
        "bare_past": _folded(list(bare_pasts())) - _folded(_GIVEN_NAMES),
    }
