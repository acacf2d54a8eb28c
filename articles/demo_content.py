"""Demo content for `manage.py load_demo`: written for this project, in English and Arabic.

Everything here is fictional: the people quoted are invented or anonymous residents, and the
stories only imitate the tone of a small local news site. The texts are original, not translations
of one another word for word.
"""

SECTIONS = [  # key, order, name_en, name_ar, slug_en, slug_ar (slug_ar in Arabic letters)
    {
        "key": "syria",
        "order": 1,
        "name_en": "Syria",
        "name_ar": "سوريا",
        "slug_en": "syria",
        "slug_ar": "سوريا",
    },
    {
        "key": "region",
        "order": 2,
        "name_en": "Region",
        "name_ar": "المنطقة",
        "slug_en": "region",
        "slug_ar": "المنطقة",
    },
    {
        "key": "economy",
        "order": 3,
        "name_en": "Economy",
        "name_ar": "اقتصاد",
        "slug_en": "economy",
        "slug_ar": "اقتصاد",
    },
    {
        "key": "culture",
        "order": 4,
        "name_en": "Culture",
        "name_ar": "ثقافة",
        "slug_en": "culture",
        "slug_ar": "ثقافة",
    },
]

TAGS = [  # key, name_en, name_ar, slug_en, slug_ar
    {
        "key": "euphrates",
        "name_en": "Euphrates",
        "name_ar": "الفرات",
        "slug_en": "euphrates",
        "slug_ar": "الفرات",
    },
    {"key": "raqqa", "name_en": "Raqqa", "name_ar": "الرقة", "slug_en": "raqqa", "slug_ar": "الرقة"},
    {
        "key": "deir-ezzor",
        "name_en": "Deir Ezzor",
        "name_ar": "دير الزور",
        "slug_en": "deir-ezzor",
        "slug_ar": "دير-الزور",
    },
    {"key": "hasakah", "name_en": "Hasakah", "name_ar": "الحسكة", "slug_en": "hasakah", "slug_ar": "الحسكة"},
    {
        "key": "qamishli",
        "name_en": "Qamishli",
        "name_ar": "القامشلي",
        "slug_en": "qamishli",
        "slug_ar": "القامشلي",
    },
    {"key": "mosul", "name_en": "Mosul", "name_ar": "الموصل", "slug_en": "mosul", "slug_ar": "الموصل"},
    {"key": "palmyra", "name_en": "Palmyra", "name_ar": "تدمر", "slug_en": "palmyra", "slug_ar": "تدمر"},
    {"key": "water", "name_en": "Water", "name_ar": "المياه", "slug_en": "water", "slug_ar": "المياه"},
    {
        "key": "agriculture",
        "name_en": "Agriculture",
        "name_ar": "الزراعة",
        "slug_en": "agriculture",
        "slug_ar": "الزراعة",
    },
    {
        "key": "education",
        "name_en": "Education",
        "name_ar": "التعليم",
        "slug_en": "education",
        "slug_ar": "التعليم",
    },
    {
        "key": "reconstruction",
        "name_en": "Reconstruction",
        "name_ar": "إعادة الإعمار",
        "slug_en": "reconstruction",
        "slug_ar": "إعادة-الإعمار",
    },
    {"key": "health", "name_en": "Health", "name_ar": "الصحة", "slug_en": "health", "slug_ar": "الصحة"},
    {
        "key": "heritage",
        "name_en": "Heritage",
        "name_ar": "التراث",
        "slug_en": "heritage",
        "slug_ar": "التراث",
    },
    {
        "key": "markets",
        "name_en": "Markets",
        "name_ar": "الأسواق",
        "slug_en": "markets",
        "slug_ar": "الأسواق",
    },
]

AUTHORS = [  # key (ascii slug), username (login name or None), display_name_en/ar, bio_en/ar
    {
        "key": "admindiaa",
        "username": "admindiaa",
        "display_name_en": "admindiaa",
        "display_name_ar": "admindiaa",
        "bio_en": (
            "Founder and editor of Euphrates Post. Covers Deir Ezzor, the Euphrates valley and the "
            "people who live along the river."
        ),
        "bio_ar": "مؤسس «يوفريتس بوست» ومحرّرها. يغطي شؤون دير الزور ووادي الفرات وحياة الناس على ضفاف النهر.",
    },
    {
        "key": "rami-khalaf",
        "username": None,
        "display_name_en": "Rami Khalaf",
        "display_name_ar": "رامي خلف",
        "bio_en": (
            "Reporter based in Raqqa, covering water, local services and the work of municipal councils."
        ),
        "bio_ar": "مراسل مقيم في الرقة، يغطي شؤون المياه والخدمات المحلية وعمل المجالس البلدية.",
    },
    {
        "key": "noor-al-hassan",
        "username": None,
        "display_name_en": "Noor Al-Hassan",
        "display_name_ar": "نور الحسن",
        "bio_en": "Reporter covering education, health and culture in north-east Syria and northern Iraq.",
        "bio_ar": "مراسلة تغطي شؤون التعليم والصحة والثقافة في شمال شرقي سوريا وشمال العراق.",
    },
    {
        "key": "samer-obeid",
        "username": None,
        "display_name_en": "Samer Obeid",
        "display_name_ar": "سامر عبيد",
        "bio_en": "Economy and agriculture reporter in Qamishli, following harvests, markets and prices.",
        "bio_ar": "مراسل الشؤون الاقتصادية والزراعية في القامشلي، يتابع المواسم الزراعية والأسواق والأسعار.",
    },
]

IMAGES = [  # key, colour (RGB of the generated placeholder), alt/caption/credit in both languages
    {
        "key": "river",
        "colour": (38, 92, 140),
        "alt_en": (
            "The wide, slow Euphrates at dusk, with low mud banks, reeds and a small wooden fishing "
            "boat tied up near the shore."
        ),
        "alt_ar": (
            "نهر الفرات العريض الهادئ عند الغروب، بضفافه الطينية المنخفضة والقصب، وقارب صيد خشبي صغير "
            "مربوط قرب الشاطئ."
        ),
        "caption_en": (
            "The Euphrates near Deir Ezzor. Towns along the river depend on it for drinking water and "
            "irrigation."
        ),
        "caption_ar": "نهر الفرات قرب دير الزور، وتعتمد عليه البلدات الواقعة على ضفافه في مياه الشرب والري.",
        "credit_en": "Euphrates Post",
        "credit_ar": "يوفريتس بوست",
    },
    {
        "key": "wheat",
        "colour": (201, 162, 64),
        "alt_en": (
            "A farmer walking through a field of ripe golden wheat under a clear sky, with a combine "
            "harvester working in the distance."
        ),
        "alt_ar": "مزارع يسير في حقل قمح ذهبي ناضج تحت سماء صافية، وحصّادة تعمل في الأفق.",
        "caption_en": "Harvest season in the countryside east of Qamishli.",
        "caption_ar": "موسم الحصاد في ريف القامشلي الشرقي.",
        "credit_en": "Euphrates Post",
        "credit_ar": "يوفريتس بوست",
    },
    {
        "key": "classroom",
        "colour": (92, 128, 96),
        "alt_en": (
            "Pupils in blue school uniforms sitting at wooden desks in a freshly painted classroom "
            "while a teacher writes on the blackboard."
        ),
        "alt_ar": "تلاميذ بزيّ مدرسي أزرق يجلسون إلى مقاعد خشبية في صف مطليّ حديثاً، ومعلمة تكتب على السبورة.",
        "caption_en": "A rehabilitated primary school in Raqqa on the first day of classes.",
        "caption_ar": "مدرسة ابتدائية مرمّمة في الرقة في اليوم الأول من الدوام.",
        "credit_en": "Euphrates Post",
        "credit_ar": "يوفريتس بوست",
    },
    {
        "key": "bridge",
        "colour": (110, 110, 118),
        "alt_en": (
            "A temporary steel bridge across the Euphrates, with a car and a pickup truck loaded with "
            "vegetable crates crossing it."
        ),
        "alt_ar": "جسر حديدي مؤقت فوق نهر الفرات تعبره سيارة وشاحنة صغيرة محمّلة بصناديق الخضار.",
        "caption_en": "The reopened crossing between villages on the two banks of the river, east of Deir Ezzor.",
        "caption_ar": "المعبر بعد إعادة فتحه بين قرى على ضفتي النهر شرقي دير الزور.",
        "credit_en": "Euphrates Post",
        "credit_ar": "يوفريتس بوست",
    },
    {
        "key": "oldcity",
        "colour": (176, 132, 96),
        "alt_en": (
            "Stone houses under reconstruction in a narrow alley, with wooden scaffolding, a carved "
            "doorway and a pile of freshly cut stone blocks."
        ),
        "alt_ar": (
            "بيوت حجرية قيد الترميم في زقاق ضيق، مع سقالات خشبية وباب منقوش وكومة من الحجارة المقطوعة حديثاً."
        ),
        "caption_en": "Restoration work in Mosul's Old City, near the west bank of the Tigris.",
        "caption_ar": "أعمال الترميم في مدينة الموصل القديمة قرب الضفة الغربية لنهر دجلة.",
        "credit_en": "Euphrates Post",
        "credit_ar": "يوفريتس بوست",
    },
    {
        "key": "ruins",
        "colour": (214, 176, 122),
        "alt_en": (
            "A row of ancient limestone columns in the afternoon sun, with broken capitals on the "
            "ground and the desert stretching behind."
        ),
        "alt_ar": (
            "صف من الأعمدة الكلسية الأثرية تحت شمس العصر، وتيجان مكسورة على الأرض، والصحراء ممتدة خلفها."
        ),
        "caption_en": "The great colonnade at Palmyra.",
        "caption_ar": "الشارع المستقيم ذو الأعمدة في تدمر.",
        "credit_en": "Euphrates Post",
        "credit_ar": "يوفريتس بوست",
    },
    {
        "key": "clinic",
        "colour": (70, 140, 150),
        "alt_en": (
            "A nurse preparing a vaccine for a small child held by her mother, next to a white mobile "
            "clinic van parked in a village."
        ),
        "alt_ar": "ممرضة تحضّر لقاحاً لطفل صغير تحمله أمه، بجانب حافلة عيادة متنقلة بيضاء متوقفة في قرية.",
        "caption_en": "A mobile vaccination team in a village south of Hasakah.",
        "caption_ar": "فريق تلقيح متنقل في إحدى القرى جنوب الحسكة.",
        "credit_en": "Euphrates Post",
        "credit_ar": "يوفريتس بوست",
    },
    {
        "key": "market",
        "colour": (160, 70, 60),
        "alt_en": (
            "A busy covered market with stalls of vegetables, flatbread and household goods, and "
            "shoppers walking between them."
        ),
        "alt_ar": "سوق مسقوفة مزدحمة فيها بسطات للخضار والخبز والأدوات المنزلية، ومتسوّقون يمشون بينها.",
        "caption_en": "Shoppers at a market in north-east Syria.",
        "caption_ar": "متسوّقون في إحدى أسواق شمال شرقي سوريا.",
        "credit_en": "Euphrates Post",
        "credit_ar": "يوفريتس بوست",
    },
]

# Each article: key (stable ascii id), section (SECTIONS key), tags (TAGS keys), authors (AUTHORS keys in
# byline order), image (IMAGES key or None), label, days_ago (negative = scheduled), status, featured,
# related (ARTICLES keys, in order), and the texts per language. A language left out has empty values.
ARTICLES = [  # the first one is the featured exclusive
    {
        "key": "new-capital",
        "section": "syria",
        "tags": ["deir-ezzor", "euphrates"],
        "authors": ["admindiaa"],
        "image": "river",
        "label": "exclusive",
        "days_ago": 0.2,
        "status": "published",
        "featured": True,
        "related": ["deir-ezzor-crossing", "euphrates-analysis"],
        "en": {
            "headline": (
                "The organisation moves leaders and their families east to Euphrates towns in Deir "
                "Ezzor, sources say"
            ),
            "summary": (
                "Sources close to the organisation say commanders and their families have been "
                "relocating in recent weeks to towns on the Euphrates in eastern Deir Ezzor province, "
                "after the group lost ground further west."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>The organisation has begun moving members of its leadership, together with their "
                "families, eastwards to towns on the banks of the Euphrates in Deir Ezzor province, "
                "according to two sources close to the group who spoke to Euphrates Post on condition "
                "of anonymity.</p>"
                "<p>The sources said the moves began several weeks ago, after the organisation lost "
                "control of a string of villages and supply routes further west. Families travel in "
                "small groups, mostly at night, in ordinary cars and minibuses so as not to draw "
                "attention, one of them said. “They no longer move together. One car here, another "
                "there, every few days.”</p>"
                "<p>Residents of two towns in the eastern countryside told Euphrates Post they had "
                "noticed newcomers renting houses at prices above the local rate, paying several "
                "months in advance and keeping largely to themselves. Euphrates Post was unable to "
                "verify independently the identity of the new arrivals or the scale of the "
                "movement.</p>"
                "<h2>Pressure on towns still recovering</h2>"
                "<p>Local people say the prospect worries them. Towns along this stretch of the river "
                "are still recovering from years of war: electricity comes for a few hours a day, many "
                "schools teach in two shifts and farmers depend on irrigation pumps that are costly to "
                "run. “We have only just started to rebuild,” said a shopkeeper in one of the towns, "
                "who asked not to be named. “Nobody here wants the war back in our streets.”</p>"
                "<p>Observers who follow the area note that armed groups under pressure have sought "
                "refuge in the river valley before, where farmland, orchards and scattered villages "
                "make movement hard to track. The question now asked in the river towns is whether "
                "this is a temporary retreat, or the first step towards a new centre for the "
                "organisation in the east.</p>"
            ),
        },
        "ar": {
            "headline": "التنظيم ينقل قياداته وعائلاتهم شرقاً نحو بلدات الفرات في ريف دير الزور",
            "summary": (
                "قالت مصادر مقرّبة من التنظيم إن قادة فيه وعائلاتهم ينتقلون منذ أسابيع إلى بلدات على "
                "ضفاف الفرات في ريف دير الزور الشرقي، بعد خسارته مواقع في مناطق أبعد غرباً."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>بدأ التنظيم نقل عدد من قياداته مع عائلاتهم باتجاه الشرق، نحو بلدات تقع على ضفاف "
                "نهر الفرات في محافظة دير الزور، وفق ما أفاد به مصدران مقرّبان منه لـ«يوفريتس بوست»، "
                "طلبا عدم الكشف عن هويتيهما.</p>"
                "<p>وبحسب المصدرين، بدأت عمليات النقل قبل عدة أسابيع، إثر خسارة التنظيم سيطرته على "
                "سلسلة من القرى وطرق الإمداد في مناطق أبعد غرباً. وأوضح أحدهما أن العائلات تنتقل في "
                "مجموعات صغيرة، وغالباً ليلاً، في سيارات مدنية وحافلات صغيرة تجنّباً للفت الأنظار، "
                "مضيفاً: «لم يعودوا يتحركون دفعة واحدة؛ سيارة من هنا وأخرى من هناك كل بضعة أيام».</p>"
                "<p>وقال سكان في بلدتين بالريف الشرقي إنهم لاحظوا وافدين جدداً يستأجرون منازل بأسعار "
                "تفوق المعتاد، ويدفعون إيجار أشهر عدة مقدّماً، ويتجنبون الاختلاط بالأهالي. ولم يتسنَّ "
                "لـ«يوفريتس بوست» التحقق بشكل مستقل من هوية الوافدين أو من حجم هذه التحركات.</p>"
                "<h2>ضغط على بلدات لم تتعافَ بعد</h2>"
                "<p>ويبدي الأهالي قلقاً من هذه التطورات، إذ لا تزال بلدات هذا الشريط النهري تتعافى من "
                "سنوات الحرب؛ فالكهرباء لا تصل إلا ساعات قليلة يومياً، ومدارس كثيرة تعمل بنظام "
                "الدوامين، فيما يعتمد المزارعون على مضخات ري باهظة التكاليف. ويقول صاحب متجر في إحدى "
                "البلدات، فضّل عدم ذكر اسمه: «بالكاد بدأنا نعيد البناء، ولا أحد هنا يريد أن تعود الحرب "
                "إلى شوارعنا».</p>"
                "<p>ويشير متابعون لشؤون المنطقة إلى أن الجماعات المسلحة التي تتعرض للضغط لجأت في "
                "السابق إلى وادي النهر، حيث تصعّب الأراضي الزراعية والبساتين والقرى المتناثرة رصد "
                "التحركات. ويبقى السؤال الذي يتداوله أهالي البلدات الواقعة على الفرات: هل هو انسحاب "
                "مؤقت، أم خطوة أولى نحو مركز جديد للتنظيم في الشرق؟</p>"
            ),
        },
    },
    {
        "key": "raqqa-water-rationing",
        "section": "syria",
        "tags": ["raqqa", "water", "euphrates"],
        "authors": ["rami-khalaf"],
        "image": "river",
        "label": "breaking",
        "days_ago": 0.6,
        "status": "published",
        "featured": False,
        "related": ["euphrates-analysis", "mosul-drip-irrigation"],
        "en": {
            "headline": "Raqqa rations drinking water as the Euphrates falls at pumping stations",
            "summary": (
                "The city’s water directorate says stations drawing from the river will run on a "
                "rotating district schedule from Sunday, after the level at the intakes dropped too "
                "low for the pumps to work safely."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>The water directorate in Raqqa announced on Thursday that the stations supplying "
                "the city with drinking water will run on a rotating schedule from Sunday, after the "
                "level of the Euphrates at the main intakes fell sharply over the past ten days.</p>"
                "<p>Under the new schedule, each district will receive water for about eight hours "
                "every other day until further notice. Technicians have spent the week lowering intake "
                "pipes and clearing silt from around the pumps, but engineers warn that the machines "
                "can be damaged if they run while drawing in air and mud.</p>"
                "<blockquote>“We have not seen the river this low at this time of year in any of the "
                "records we keep. Rationing is the only way to protect the pumps and keep water "
                "reaching every house,” said Yasser Hammoud, an engineer at the "
                "directorate.</blockquote>"
                "<p>Residents of the eastern neighbourhoods, where pressure was already weak, say they "
                "are turning to private tankers. Filling a rooftop tank now costs tens of thousands of "
                "Syrian pounds, a heavy burden for families living on daily wages. The directorate "
                "urged people to store water in clean, covered containers and to boil any water bought "
                "from tankers of unknown origin before drinking it.</p>"
                "<p>The directorate said the district timetable would be posted at local council "
                "offices and on its social media pages on Saturday, and that it would review the "
                "schedule every week depending on the level of the river.</p>"
            ),
        },
        "ar": {
            "headline": "الرقة تقنّن مياه الشرب مع تراجع منسوب الفرات عند محطات الضخ",
            "summary": (
                "أعلنت مديرية المياه في الرقة أن محطات الضخ من النهر ستعمل وفق جدول تناوب بين الأحياء "
                "اعتباراً من الأحد، بعدما انخفض المنسوب عند المآخذ إلى حدّ لا يسمح بتشغيل المضخات "
                "بأمان."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>أعلنت مديرية المياه في الرقة، يوم الخميس، أن المحطات التي تزوّد المدينة بمياه "
                "الشرب ستعمل وفق جدول تناوب اعتباراً من يوم الأحد، بعد تراجع حادّ في منسوب نهر الفرات "
                "عند المآخذ الرئيسية خلال الأيام العشرة الماضية.</p>"
                "<p>وبموجب الجدول الجديد، يحصل كل حيّ على المياه نحو ثماني ساعات يوماً بعد يوم حتى "
                "إشعار آخر. وعمل الفنيون طوال الأسبوع على إنزال أنابيب السحب وإزالة الطمي المتراكم حول "
                "المضخات، غير أن المهندسين يحذّرون من تعرّضها للتلف إذا عملت وهي تسحب الهواء "
                "والطين.</p>"
                "<blockquote>«لم نشهد النهر بهذا الانخفاض في مثل هذا الوقت من السنة في أيٍّ من السجلات "
                "التي لدينا. التقنين هو السبيل الوحيد لحماية المضخات وضمان وصول المياه إلى كل بيت»، "
                "يقول ياسر حمّود، المهندس في المديرية.</blockquote>"
                "<p>ويقول سكان الأحياء الشرقية، حيث كان ضغط المياه ضعيفاً أصلاً، إنهم باتوا يعتمدون "
                "على الصهاريج الخاصة، إذ تبلغ كلفة تعبئة خزان منزلي عشرات الآلاف من الليرات السورية، "
                "وهو عبء ثقيل على العائلات التي تعيش على الأجر اليومي. ودعت المديرية الأهالي إلى تخزين "
                "المياه في أوعية نظيفة ومغطاة، وإلى غلي المياه المشتراة من صهاريج مجهولة المصدر قبل "
                "شربها.</p>"
                "<p>وأوضحت المديرية أنها ستنشر جدول الأحياء في مقارّ المجالس المحلية وعلى صفحاتها في "
                "وسائل التواصل الاجتماعي يوم السبت، على أن تراجعه كل أسبوع تبعاً لمنسوب النهر.</p>"
            ),
        },
    },
    {
        "key": "raqqa-schools",
        "section": "syria",
        "tags": ["raqqa", "education", "reconstruction"],
        "authors": ["noor-al-hassan"],
        "image": "classroom",
        "label": "report",
        "days_ago": 1.5,
        "status": "published",
        "featured": False,
        "related": ["raqqa-book-fair"],
        "en": {
            "headline": "Raqqa’s rebuilt schools reopen, but classrooms remain crowded",
            "summary": (
                "Fourteen schools repaired over the summer have opened their doors in Raqqa. Teachers "
                "welcome the new roofs and windows, but say fifty pupils to a room and the cost of "
                "books still hold many children back."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>Fourteen schools in Raqqa that were repaired over the summer welcomed pupils this "
                "week, bringing the number of working schools in the city to its highest level in "
                "several years, according to the local education committee.</p>"
                "<p>The works, funded by the municipality and two aid organisations, covered new "
                "roofs, windows, toilets and water tanks. At one primary school in the west of the "
                "city, the smell of fresh paint still hung in the corridors on the first morning. "
                "“Last winter the children studied in their coats because half the windows were "
                "missing,” said Fatima Al-Saleh, the headteacher. “Now at least they are warm and "
                "dry.”</p>"
                "<h2>Too many pupils, too few teachers</h2>"
                "<p>The repairs have not solved the shortage of space. Teachers at three of the "
                "reopened schools told Euphrates Post that classes of 45 to 55 pupils are common, and "
                "that several schools run two shifts a day. The committee estimates that the city "
                "needs around 300 more teachers, but salaries remain low and many qualified graduates "
                "have taken better-paid jobs with organisations or left the country.</p>"
                "<ul><li>14 schools repaired over the summer</li><li>Average class at the reopened "
                "schools: about 50 pupils</li><li>Estimated shortage: 300 teachers</li></ul>"
                "<p>Parents, meanwhile, worry about costs. A set of textbooks and notebooks with a "
                "school bag can cost a family more than a week’s wages. Several residents said they "
                "had kept older children at home to work in the markets or the fields, and the "
                "committee says it plans a campaign to bring drop-outs back before the end of the "
                "first term.</p>"
            ),
        },
        "ar": {
            "headline": "مدارس الرقة المرمّمة تفتح أبوابها والاكتظاظ لا يزال يثقل الصفوف",
            "summary": (
                "افتتحت أربع عشرة مدرسة رُمّمت خلال الصيف أبوابها في الرقة. يرحّب المعلمون بالأسقف "
                "والنوافذ الجديدة، لكنهم يقولون إن خمسين تلميذاً في الصف الواحد وكلفة الكتب ما زالت "
                "تعيق كثيراً من الأطفال."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>استقبلت أربع عشرة مدرسة في الرقة، جرى ترميمها خلال الصيف، تلاميذها هذا الأسبوع، "
                "ليرتفع عدد المدارس العاملة في المدينة إلى أعلى مستوى له منذ سنوات، بحسب لجنة التربية "
                "المحلية.</p>"
                "<p>وشملت الأعمال، التي موّلتها البلدية ومنظمتان إنسانيتان، تركيب أسقف ونوافذ جديدة "
                "وتأهيل دورات المياه والخزانات. وفي مدرسة ابتدائية غربي المدينة، كانت رائحة الطلاء "
                "الطازج لا تزال تملأ الممرات صباح اليوم الأول. وتقول مديرة المدرسة فاطمة الصالح: «في "
                "الشتاء الماضي درس الأطفال بمعاطفهم لأن نصف النوافذ كان مفقوداً، أما الآن فهم على "
                "الأقل في مكان دافئ وجافّ».</p>"
                "<h2>تلاميذ كثيرون ومعلمون قلّة</h2>"
                "<p>غير أن الترميم لم يحلّ مشكلة ضيق المكان؛ إذ قال معلمون في ثلاث من المدارس المفتتحة "
                "لـ«يوفريتس بوست» إن الصفوف التي تضم ما بين 45 و55 تلميذاً باتت أمراً مألوفاً، وإن "
                "مدارس عدة تعمل بنظام الدوامين. وتقدّر اللجنة حاجة المدينة إلى نحو 300 معلم إضافي، لكن "
                "الرواتب ما زالت متدنية، وكثير من الخريجين المؤهلين انتقلوا إلى وظائف أفضل أجراً لدى "
                "المنظمات أو غادروا البلاد.</p>"
                "<ul><li>14 مدرسة رُمّمت خلال الصيف</li><li>متوسط عدد التلاميذ في الصف بالمدارس "
                "المفتتحة: نحو 50 تلميذاً</li><li>العجز المقدَّر في الكادر التعليمي: 300 معلم</li></ul>"
                "<p>في المقابل، يشكو الأهالي من التكاليف، فمجموعة الكتب والدفاتر مع حقيبة مدرسية قد "
                "تكلّف الأسرة أكثر من أجر أسبوع كامل. وقال عدد من السكان إنهم أبقوا أبناءهم الأكبر "
                "سناً في البيوت للعمل في الأسواق أو الحقول، فيما تقول اللجنة إنها تعتزم إطلاق حملة "
                "لإعادة المتسرّبين إلى المدارس قبل نهاية الفصل الأول.</p>"
            ),
        },
    },
    {
        "key": "qamishli-wheat",
        "section": "economy",
        "tags": ["qamishli", "agriculture", "markets"],
        "authors": ["samer-obeid"],
        "image": "wheat",
        "label": "",
        "days_ago": 2.5,
        "status": "published",
        "featured": False,
        "related": ["bread-prices"],
        "en": {
            "headline": "Qamishli wheat farmers say the purchase price barely covers their costs",
            "summary": (
                "As the harvest gets under way, growers in the countryside around Qamishli say diesel, "
                "fertiliser and harvester fees have risen faster than the price offered at grain "
                "collection centres."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>The harvest is under way in the countryside around Qamishli, but many wheat "
                "farmers say this season’s purchase price leaves them with little or nothing once "
                "their costs are paid.</p>"
                "<p>Growers interviewed by Euphrates Post in four villages east of the city listed the "
                "same pressures: diesel for irrigation pumps bought on the open market, fertiliser "
                "prices that have nearly doubled in two years, and harvester operators who now charge "
                "by the hour rather than by the dunum. “I sold last year’s crop and it paid for this "
                "year’s seed and fuel. Nothing was left for my family,” said a farmer in his fifties "
                "who asked to be identified only as Abu Jamil.</p>"
                "<p>Farmers who rely on rain rather than irrigation face a different problem. A dry "
                "spring has left thin stalks and light grain in many rain-fed fields, and some have "
                "decided to let sheep graze the crop rather than pay for harvesting it.</p>"
                "<p>Traders at the collection centres say deliveries have been slower than last year, "
                "and that some farmers are keeping part of their crop at home to sell later or to "
                "grind for their own bread. Agricultural engineers warn that if the planted area keeps "
                "shrinking, the region, long known as the country’s granary, may need to bring in more "
                "flour from outside, with consequences for the price of bread.</p>"
            ),
        },
        "ar": {
            "headline": "مزارعو القمح في ريف القامشلي: سعر الشراء بالكاد يغطي التكاليف",
            "summary": (
                "مع انطلاق موسم الحصاد، يقول مزارعون في ريف القامشلي إن أسعار المازوت والأسمدة وأجور "
                "الحصّادات ارتفعت بوتيرة أسرع من السعر المعروض في مراكز استلام الحبوب."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>انطلق موسم الحصاد في ريف القامشلي، لكن كثيراً من مزارعي القمح يقولون إن سعر الشراء "
                "المعتمد هذا الموسم لا يترك لهم بعد سداد التكاليف إلا القليل، أو لا شيء على "
                "الإطلاق.</p>"
                "<p>وعدّد مزارعون التقتهم «يوفريتس بوست» في أربع قرى شرقي المدينة الأعباء ذاتها: مازوت "
                "لتشغيل مضخات الري يُشترى من السوق الحرة، وأسمدة تضاعفت أسعارها تقريباً خلال عامين، "
                "وأصحاب حصّادات باتوا يتقاضون أجورهم بالساعة بدلاً من الدونم. ويقول مزارع في "
                "الخمسينيات من عمره، طلب الاكتفاء بكنيته أبو جميل: «بعت محصول العام الماضي فغطّى ثمن "
                "بذار هذا العام ووقوده، ولم يبقَ لعائلتي شيء».</p>"
                "<p>أما المزارعون الذين يعتمدون على الأمطار بدلاً من الري، فيواجهون مشكلة من نوع آخر؛ "
                "إذ خلّف ربيع شحيح الأمطار سنابل ضعيفة وحبوباً خفيفة في كثير من الحقول البعلية، ما دفع "
                "بعضهم إلى ترك المحصول للأغنام بدلاً من دفع أجور حصاده.</p>"
                "<p>ويقول تجار في مراكز الاستلام إن التوريدات أبطأ من العام الماضي، وإن بعض المزارعين "
                "يحتفظون بجزء من محصولهم في منازلهم لبيعه لاحقاً أو لطحنه من أجل خبزهم. ويحذّر مهندسون "
                "زراعيون من أن استمرار تقلّص المساحات المزروعة قد يضطر المنطقة، التي طالما عُرفت بأنها "
                "سلة غذاء البلاد، إلى استقدام مزيد من الطحين من الخارج، بما ينعكس على سعر الخبز.</p>"
            ),
        },
    },
    {
        "key": "deir-ezzor-crossing",
        "section": "syria",
        "tags": ["deir-ezzor", "euphrates", "reconstruction"],
        "authors": ["admindiaa", "rami-khalaf"],
        "image": "bridge",
        "label": "",
        "days_ago": 3.5,
        "status": "published",
        "featured": False,
        "related": ["new-capital", "deir-ezzor-solar"],
        "en": {
            "headline": "Reopened river crossing shortens the journey for villages east of Deir Ezzor",
            "summary": (
                "A temporary steel bridge linking villages on the two banks of the Euphrates has "
                "reopened after repairs, sparing farmers and students a long detour or a ride in small "
                "river boats."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>A temporary steel bridge linking villages on the two banks of the Euphrates east "
                "of Deir Ezzor reopened to traffic this week after three months of repairs, local "
                "council officials said.</p>"
                "<p>While the crossing was closed, people on the southern bank had two choices: a "
                "detour of more than an hour by road, or a trip across the river in small motorboats "
                "that charge per passenger and rarely carry life jackets. Students at the technical "
                "institute on the northern bank said they had missed classes on days when the wind "
                "made the crossing too rough.</p>"
                "<p>Workers replaced damaged sections of the deck, reinforced the supports on the "
                "riverbed and fitted side rails. The council says the bridge can carry cars and light "
                "lorries, but trucks heavier than ten tonnes remain banned until an engineering "
                "inspection is completed.</p>"
                "<p>“This morning I brought my tomatoes to the market in twenty minutes,” said a "
                "vegetable grower from the southern bank as he waited in the queue to cross. “Last "
                "month the same trip cost me half a day and the boatman’s fare.”</p>"
                "<p>Residents want more than a temporary fix. Council members acknowledge that a "
                "permanent bridge is needed, but say no funding for one has been secured so far.</p>"
            ),
        },
        "ar": {
            "headline": "إعادة فتح معبر نهري تختصر الطريق على قرى شرقي دير الزور",
            "summary": (
                "أُعيد فتح جسر حديدي مؤقت يربط قرى على ضفتي الفرات بعد إصلاحه، ما يجنّب المزارعين "
                "والطلاب طريقاً التفافياً طويلاً أو عبور النهر في قوارب صغيرة."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>أُعيد هذا الأسبوع فتح جسر حديدي مؤقت يربط بين قرى على ضفتي الفرات شرقي دير الزور "
                "أمام حركة السير، بعد ثلاثة أشهر من أعمال الإصلاح، وفق ما أفاد به مسؤولون في المجلس "
                "المحلي.</p>"
                "<p>وطوال فترة إغلاق المعبر، لم يكن أمام سكان الضفة الجنوبية سوى خيارين: طريق التفافي "
                "يستغرق أكثر من ساعة، أو عبور النهر في قوارب آلية صغيرة تتقاضى الأجرة عن كل راكب "
                "ونادراً ما تحمل سترات نجاة. وقال طلاب في المعهد التقني على الضفة الشمالية إنهم "
                "تغيّبوا عن محاضراتهم في الأيام التي جعلت فيها الرياح العبور محفوفاً بالمخاطر.</p>"
                "<p>واستبدل العمال الأجزاء المتضررة من أرضية الجسر، ودعّموا الركائز المثبّتة في قاع "
                "النهر، وركّبوا حواجز جانبية. ويقول المجلس إن الجسر يتحمّل السيارات والشاحنات الخفيفة، "
                "لكن عبور الشاحنات التي تزيد حمولتها على عشرة أطنان سيبقى ممنوعاً إلى حين انتهاء الكشف "
                "الهندسي.</p>"
                "<p>ويقول مزارع خضار من الضفة الجنوبية، بينما ينتظر دوره في طابور العبور: «أوصلتُ "
                "البندورة إلى السوق هذا الصباح في عشرين دقيقة، أما الشهر الماضي فكانت الرحلة نفسها "
                "تكلّفني نصف يوم وأجرة صاحب القارب».</p>"
                "<p>غير أن الأهالي يريدون أكثر من حلّ مؤقت. ويقرّ أعضاء في المجلس بالحاجة إلى جسر "
                "دائم، لكنهم يقولون إنه لم يُؤمَّن أي تمويل له حتى الآن.</p>"
            ),
        },
    },
    {
        "key": "mosul-old-city",
        "section": "region",
        "tags": ["mosul", "reconstruction", "heritage"],
        "authors": ["noor-al-hassan"],
        "image": "oldcity",
        "label": "",
        "days_ago": 4.5,
        "status": "published",
        "featured": False,
        "related": ["palmyra-interview"],
        "en": {
            "headline": "Families return to rebuilt homes in Mosul’s Old City",
            "summary": (
                "Years after the fighting ended, the restoration of traditional stone houses is "
                "bringing residents back to the narrow alleys near the Tigris, though many plots still "
                "stand empty."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>In the narrow alleys of Mosul’s Old City, near the west bank of the Tigris, the "
                "sound of chisels on stone has become part of daily life. Dozens of traditional houses "
                "have been restored over the past year, and families who left long ago are moving back "
                "in.</p>"
                "<p>Restoration teams have tried to reuse original materials wherever they could. "
                "Carved door frames and pieces of marble recovered from the rubble were numbered, "
                "stored and put back in place, while local stone was cut by hand to replace what could "
                "not be saved. “We learned the old techniques again from the elderly masons,” said "
                "Saad, a stonemason in his thirties who works on one of the sites. “Some of them had "
                "not held a chisel in twenty years.”</p>"
                "<p>For returning families, new walls are only a start. Residents say electricity and "
                "water connections in some alleys lag behind the building work, and that shops in the "
                "area are reopening slowly because customers have not yet come back in large "
                "numbers.</p>"
                "<p>Many plots remain empty. Owners who live abroad, or who lost their papers and "
                "cannot prove ownership, have been unable to join the programmes, and local officials "
                "say a committee is reviewing property claims case by case. Still, for those who have "
                "returned, the change is plain. “My children play in the same courtyard where I "
                "played,” said a mother who moved back in the spring. “That is what we were waiting "
                "for.”</p>"
            ),
        },
        "ar": {
            "headline": "عائلات تعود إلى منازلها المرمّمة في مدينة الموصل القديمة",
            "summary": (
                "بعد سنوات من انتهاء المعارك، يعيد ترميم البيوت الحجرية التقليدية السكانَ إلى الأزقة "
                "الضيقة قرب نهر دجلة، وإن كانت قطع أراضٍ كثيرة لا تزال خالية."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>في الأزقة الضيقة لمدينة الموصل القديمة، قرب الضفة الغربية لنهر دجلة، بات صوت "
                "الأزاميل على الحجر جزءاً من الحياة اليومية؛ فقد رُمّمت عشرات البيوت التقليدية خلال "
                "العام الماضي، وبدأت عائلات غادرتها منذ زمن بعيد بالعودة إليها.</p>"
                "<p>وحرصت فرق الترميم على إعادة استخدام المواد الأصلية كلما أمكن ذلك؛ إذ رُقّمت أطر "
                "الأبواب المنقوشة وقطع الرخام المستخرجة من تحت الأنقاض وحُفظت ثم أعيدت إلى مواضعها، "
                "فيما قُطعت حجارة محلية يدوياً لتعويض ما تعذّر إنقاذه. ويقول سعد، وهو بنّاء حجر في "
                "الثلاثينيات يعمل في أحد المواقع: «تعلّمنا الأساليب القديمة من جديد على أيدي البنّائين "
                "المسنّين، وبعضهم لم يمسك إزميلاً منذ عشرين عاماً».</p>"
                "<p>غير أن الجدران الجديدة ليست سوى البداية بالنسبة إلى العائلات العائدة. فالسكان "
                "يقولون إن توصيلات الكهرباء والمياه في بعض الأزقة تتأخر عن أعمال البناء، وإن المحال "
                "التجارية تعاود فتح أبوابها ببطء لأن الزبائن لم يعودوا بأعداد كبيرة بعد.</p>"
                "<p>ولا تزال قطع أراضٍ كثيرة خالية؛ فالمالكون المقيمون في الخارج، أو الذين فقدوا "
                "وثائقهم ولا يستطيعون إثبات ملكيتهم، لم يتمكنوا من الانضمام إلى برامج الترميم، ويقول "
                "مسؤولون محليون إن لجنة تنظر في طلبات الملكية كلاً على حدة. ومع ذلك، يبدو التغيير "
                "جلياً لمن عادوا. وتقول أمّ عادت مع أطفالها في الربيع: «أطفالي يلعبون في الفناء نفسه "
                "الذي لعبتُ فيه صغيرة، وهذا ما كنا ننتظره».</p>"
            ),
        },
    },
    {
        "key": "palmyra-interview",
        "section": "culture",
        "tags": ["palmyra", "heritage"],
        "authors": ["samer-obeid"],
        "image": "ruins",
        "label": "interview",
        "days_ago": 6,
        "status": "published",
        "featured": False,
        "related": ["mosul-old-city"],
        "en": {
            "headline": "“Every stone we record is a page saved”: an archaeologist on documenting Palmyra",
            "summary": (
                "Salma Haddad leads a small team of volunteers who photograph and measure damaged "
                "monuments at Palmyra. She spoke to Euphrates Post about the work, the risks of hasty "
                "rebuilding and what the site means to the people who live beside it."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>Salma Haddad, an archaeologist who trained in Damascus, has spent the past two "
                "years leading a team of eight volunteers, most of them students, who photograph, "
                "measure and catalogue the damaged monuments at Palmyra. Their records go into a "
                "shared digital archive that specialists can consult from anywhere.</p>"
                "<p>Asked why documentation must come before restoration, she was direct: “If you "
                "rebuild without recording, you lose the evidence of what happened and of how the "
                "ancient builders worked. Every stone we record is a page saved. Once it has been "
                "moved, you cannot read it again.”</p>"
                "<blockquote>“People want to see the temples standing again tomorrow, and I understand "
                "that. But a bad restoration is a second destruction, and this time a permanent "
                "one.”</blockquote>"
                "<p>The team works with simple equipment: cameras, a borrowed drone, measuring tapes "
                "and a laptop running photogrammetry software that builds three-dimensional models "
                "overnight. In summer the heat is the biggest obstacle, so work starts at dawn and "
                "stops at noon. Haddad says the team follows the rules set by the antiquities "
                "authorities and does not move or clean any fragment without their approval.</p>"
                "<p>What encourages her most is the interest of young people from the modern town of "
                "Tadmur. “Some of our best volunteers grew up next to the site and never went inside "
                "as children,” she said. “Now they explain its history to visitors. The ruins belong "
                "to the world, but first they belong to them.”</p>"
            ),
        },
        "ar": {
            "headline": "«كل حجر نوثّقه صفحة ننقذها»: عالمة آثار تتحدث عن توثيق معالم تدمر",
            "summary": (
                "تقود سلمى حداد فريقاً صغيراً من المتطوعين يصوّر المعالم المتضررة في تدمر ويقيسها. "
                "تحدّثت إلى «يوفريتس بوست» عن عملها، ومخاطر الترميم المتسرّع، ومكانة الموقع لدى من "
                "يعيشون بجواره."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>تقود عالمة الآثار سلمى حداد، التي درست في دمشق، منذ عامين فريقاً من ثمانية "
                "متطوعين، معظمهم من الطلاب، يصوّرون المعالم المتضررة في تدمر ويقيسونها ويفهرسونها. "
                "وتُحفظ هذه السجلات في أرشيف رقمي مشترك يمكن للمختصين الرجوع إليه من أي مكان.</p>"
                "<p>وعن سبب تقديم التوثيق على الترميم، تجيب بلا تردد: «إذا رمّمتَ من دون توثيق، فإنك "
                "تفقد الدليل على ما جرى وعلى الطريقة التي عمل بها البنّاؤون القدماء. كل حجر نوثّقه "
                "صفحة ننقذها، وما إن يُنقل من مكانه حتى يتعذّر علينا أن نقرأه من جديد».</p>"
                "<blockquote>«يريد الناس أن يروا المعابد قائمة من جديد غداً، وأنا أفهم ذلك. لكن "
                "الترميم السيئ دمار ثانٍ، ودمار دائم هذه المرة».</blockquote>"
                "<p>ويعمل الفريق بمعدات بسيطة: آلات تصوير، وطائرة مسيّرة مستعارة، وأشرطة قياس، وحاسوب "
                "محمول يشغّل برنامجاً للمسح التصويري يبني نماذج ثلاثية الأبعاد خلال الليل. وتبقى "
                "الحرارة العائق الأكبر صيفاً، لذا يبدأ العمل مع الفجر ويتوقف عند الظهيرة. وتؤكد حداد "
                "أن الفريق يلتزم بالقواعد التي تضعها سلطات الآثار، ولا ينقل أي قطعة أو ينظّفها من دون "
                "موافقتها.</p>"
                "<p>وأكثر ما يبعث الأمل في نفسها اهتمام الشباب من مدينة تدمر الحديثة، إذ تقول: «بعض "
                "أفضل متطوعينا نشؤوا بجوار الموقع ولم يدخلوه قط في طفولتهم، وها هم اليوم يشرحون تاريخه "
                "للزوار. الآثار ملك للعالم، لكنها ملكهم أولاً».</p>"
            ),
        },
    },
    {
        "key": "euphrates-analysis",
        "section": "region",
        "tags": ["euphrates", "water", "agriculture"],
        "authors": ["admindiaa"],
        "image": "river",
        "label": "analysis",
        "days_ago": 7.5,
        "status": "published",
        "featured": False,
        "related": ["raqqa-water-rationing", "mosul-drip-irrigation"],
        "en": {
            "headline": "Why the Euphrates is running low, and why it matters beyond this summer",
            "summary": (
                "Upstream dams, a run of dry winters and wasteful irrigation are combining to shrink "
                "the river that millions of people in Syria and Iraq depend on. There is no single "
                "culprit, and no quick fix."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>For the towns of north-east Syria, the level of the Euphrates is not an abstract "
                "statistic. It decides whether the taps run, whether pumps can irrigate the fields and "
                "whether the turbines at the dams can produce electricity. This year, all three are "
                "under strain.</p>"
                "<p>Hydrologists point to several causes acting together. Rain and snow in the river’s "
                "upper catchment have been below average for several winters. Rising temperatures "
                "increase evaporation from reservoirs and open canals. And the flow that reaches Syria "
                "depends on how much water is released from dams upstream, which have multiplied over "
                "the past four decades.</p>"
                "<h2>A shared river without shared rules</h2>"
                "<p>Turkey, Syria and Iraq have long disagreed over how the river should be shared. "
                "Past understandings set minimum flows at the border, but there is no comprehensive, "
                "binding agreement among the three, and figures on releases and reservoir levels are "
                "rarely published in a form that people downstream can check. Each dry year renews the "
                "accusations, while practical questions of measurement and coordination go "
                "unresolved.</p>"
                "<p>Part of the answer lies closer to home. Much of the irrigation in the Syrian and "
                "Iraqi stretches of the valley still relies on flooding fields through unlined earth "
                "canals, which lose a large share of the water before it reaches a crop. Engineers say "
                "lining canals, repairing pumping stations and encouraging drip systems could save "
                "large volumes, though all of it requires money that neither farmers nor local "
                "authorities have.</p>"
                "<p>Without cooperation upstream and investment downstream, specialists warn, "
                "low-water summers like this one are likely to become more frequent. The question is "
                "whether the institutions that manage the river can adapt as quickly as its flow is "
                "changing.</p>"
            ),
        },
        "ar": {
            "headline": "لماذا يتراجع منسوب الفرات، ولماذا يتجاوز الأمر هذا الصيف؟",
            "summary": (
                "تتضافر السدود في أعالي النهر وسلسلة من الشتاءات الجافة وأساليب الري المهدِرة في تقليص "
                "النهر الذي يعتمد عليه ملايين السكان في سوريا والعراق. لا متّهم واحداً، ولا حلول سريعة."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>ليس منسوب الفرات بالنسبة إلى بلدات شمال شرقي سوريا رقماً مجرداً؛ فهو الذي يحدد ما "
                "إذا كانت الصنابير ستجري، وما إذا كانت المضخات قادرة على ري الحقول، وما إذا كانت عنفات "
                "السدود ستولّد الكهرباء. وهذا العام، تتعرض الثلاثة معاً لضغط كبير.</p>"
                "<p>ويشير خبراء المياه إلى أسباب عدة تعمل مجتمعة: فالأمطار والثلوج في منابع النهر جاءت "
                "دون المعدل لعدة مواسم شتوية متتالية، وارتفاع درجات الحرارة يزيد التبخر من البحيرات "
                "والقنوات المكشوفة، فيما يتوقف حجم التدفق الواصل إلى سوريا على الكميات التي تُطلق من "
                "السدود في أعالي النهر، والتي تضاعف عددها خلال العقود الأربعة الماضية.</p>"
                "<h2>نهر مشترك بلا قواعد مشتركة</h2>"
                "<p>لطالما اختلفت تركيا وسوريا والعراق حول تقاسم مياه النهر. وقد حدّدت تفاهمات سابقة "
                "حداً أدنى للتدفق عند الحدود، لكن لا يوجد اتفاق شامل وملزم بين الدول الثلاث، ونادراً "
                "ما تُنشر بيانات الإطلاقات ومناسيب البحيرات بطريقة تتيح لسكان المجرى الأدنى التحقق "
                "منها. ومع كل عام جاف تتجدد الاتهامات، بينما تبقى المسائل العملية المتعلقة بالقياس "
                "والتنسيق معلّقة.</p>"
                "<p>غير أن جزءاً من الحل أقرب إلى الداخل؛ فمعظم الري في الأجزاء السورية والعراقية من "
                "الوادي لا يزال يعتمد على الغمر عبر قنوات ترابية غير مبطّنة، تُهدر نسبة كبيرة من "
                "المياه قبل وصولها إلى المحصول. ويرى مهندسون أن تبطين القنوات وإصلاح محطات الضخ وتشجيع "
                "الري بالتنقيط قد توفر كميات كبيرة، وإن كان ذلك كله يتطلب أموالاً لا يملكها المزارعون "
                "ولا السلطات المحلية.</p>"
                "<p>ويحذّر مختصون من أن الصيف الشحيح بالمياه، كهذا الصيف، مرشّح لأن يتكرر أكثر فأكثر "
                "ما لم يقترن التعاون في أعالي النهر بالاستثمار في مجراه الأدنى. ويبقى السؤال: هل "
                "تستطيع المؤسسات التي تدير النهر أن تتكيّف بالسرعة التي يتغيّر بها جريانه؟</p>"
            ),
        },
    },
    {
        "key": "bread-prices",
        "section": "economy",
        "tags": ["markets", "agriculture"],
        "authors": ["samer-obeid"],
        "image": "market",
        "label": "analysis",
        "days_ago": 9,
        "status": "published",
        "featured": False,
        "related": ["qamishli-wheat"],
        "en": {
            "headline": "What the price of a bundle of bread says about the local economy",
            "summary": (
                "Bread is the one thing every household buys every day, which makes its price a useful "
                "gauge. In north-east Syria it reflects the wheat harvest, fuel costs, the exchange "
                "rate and the limits of subsidies."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>Ask a family in Raqqa, Hasakah or Deir Ezzor how the economy is doing, and the "
                "answer often starts with bread. A bundle of flatbread is bought daily by almost every "
                "household, and its price, at subsidised and private bakeries alike, is followed as "
                "closely as the exchange rate.</p>"
                "<p>That price is the last link in a long chain. It begins with the wheat harvest: "
                "when local production is weak, the authorities must buy grain or flour from "
                "elsewhere, often in foreign currency. It continues with diesel, which runs both the "
                "mills and the bakery ovens, and with the wages of bakers, drivers and porters. A "
                "change at any link tends to reach the customer within weeks.</p>"
                "<h2>Two prices, two queues</h2>"
                "<p>Most towns now have two bread markets side by side. Subsidised bakeries sell at a "
                "low fixed price, but quantities are rationed, queues can be long and quality varies. "
                "Private bakeries sell better bread at several times the price. Families on low "
                "incomes queue; those who can afford it pay more to save time. When the gap between "
                "the two prices widens, it is usually a sign that subsidies are under pressure.</p>"
                "<p>Economists who follow the region say the price of bread shapes everything else. "
                "Because food takes up so much of a poor family’s budget, every increase leaves less "
                "for school costs, medicine or rent. For now the local authorities have kept the "
                "subsidised price unchanged, but with a weak harvest and high fuel costs, few expect "
                "that to be easy to sustain.</p>"
            ),
        },
        "ar": {
            "headline": "ما الذي يقوله سعر ربطة الخبز عن الاقتصاد المحلي؟",
            "summary": (
                "الخبز هو السلعة التي تشتريها كل أسرة يومياً، ما يجعل سعره مؤشراً مفيداً. وفي شمال "
                "شرقي سوريا، يعكس هذا السعر موسم القمح وكلفة الوقود وسعر الصرف وحدود الدعم."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>اسأل أي عائلة في الرقة أو الحسكة أو دير الزور عن حال الاقتصاد، وغالباً ما ستبدأ "
                "الإجابة بالخبز. فربطة الخبز تشتريها الأسر كلها تقريباً كل يوم، ويُتابَع سعرها في "
                "الأفران المدعومة والخاصة على حدّ سواء باهتمام لا يقل عن متابعة سعر الصرف.</p>"
                "<p>وهذا السعر هو الحلقة الأخيرة في سلسلة طويلة تبدأ بموسم القمح؛ فحين يضعف الإنتاج "
                "المحلي تضطر السلطات إلى شراء الحبوب أو الطحين من الخارج، وغالباً بالعملة الأجنبية. ثم "
                "يأتي المازوت الذي تعمل به المطاحن وأفران الخبز معاً، وأجور الخبازين والسائقين "
                "والعتّالين. وأي تغيير في إحدى هذه الحلقات يصل عادةً إلى المستهلك في غضون أسابيع.</p>"
                "<h2>سعران وطابوران</h2>"
                "<p>في معظم البلدات اليوم سوقان للخبز جنباً إلى جنب: أفران مدعومة تبيع بسعر منخفض "
                "ثابت، لكن الكميات مقنّنة والطوابير قد تطول والجودة متفاوتة، وأفران خاصة تبيع خبزاً "
                "أجود بأضعاف السعر. فالأسر ذات الدخل المحدود تقف في الطابور، ومن يستطيع الدفع يشتري "
                "وقته بالمال. وحين تتسع الفجوة بين السعرين، فذلك في العادة مؤشر على أن الدعم يتعرض "
                "لضغوط.</p>"
                "<p>ويقول اقتصاديون يتابعون شؤون المنطقة إن سعر الخبز يؤثر في كل ما عداه؛ فلأن الغذاء "
                "يستهلك الجزء الأكبر من ميزانية الأسرة الفقيرة، تعني كل زيادة في سعر الخبز مالاً أقل "
                "للمستلزمات المدرسية أو الدواء أو الإيجار. وحتى الآن، أبقت السلطات المحلية السعر "
                "المدعوم على حاله، لكن قلّة يتوقعون أن يكون الحفاظ عليه سهلاً في ظل موسم ضعيف وكلفة "
                "وقود مرتفعة.</p>"
            ),
        },
    },
    {
        "key": "hasakah-vaccination",
        "section": "syria",
        "tags": ["hasakah", "health"],
        "authors": ["noor-al-hassan"],
        "image": "clinic",
        "label": "report",
        "days_ago": 11,
        "status": "published",
        "featured": False,
        "related": ["raqqa-schools"],
        "en": {
            "headline": "Mobile clinics reach villages south of Hasakah in a vaccination drive",
            "summary": (
                "Health teams are visiting remote villages to vaccinate children who missed routine "
                "doses, as local doctors warn that gaps in coverage leave communities exposed to "
                "outbreaks of measles."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>Mobile health teams began a two-week vaccination campaign this week in villages "
                "south of Hasakah, aiming to reach children under five who have missed routine doses "
                "because they live far from the nearest health centre.</p>"
                "<p>Each team travels in a converted van with a refrigerator for the vaccines, and is "
                "made up of a nurse, a vaccinator and a volunteer who registers the children. On the "
                "first day in one village, mothers gathered in the shade of the school wall holding "
                "vaccination cards, some of them blank. “Many families have moved several times in "
                "recent years and lost their cards, or never had one,” said Dr Khaled Ibrahim, who "
                "supervises the campaign. “With those children we start from zero.”</p>"
                "<p>Doctors in the area say coverage fell during the years of displacement, and that "
                "measles cases have been reported in camps and villages across the wider region. The "
                "campaign offers vaccines against measles, polio and other childhood diseases, and the "
                "teams also check children for malnutrition and refer serious cases to the hospital in "
                "Hasakah.</p>"
                "<p>Residents welcomed the visits but said they wanted a permanent service. The "
                "nearest clinic for some of the villages is more than 30 kilometres away, and the fare "
                "is more than many families can pay. Health officials say they hope to turn the mobile "
                "teams into a regular monthly round if funding allows.</p>"
            ),
        },
        "ar": {
            "headline": "عيادات متنقلة تصل إلى قرى جنوب الحسكة في حملة تلقيح",
            "summary": (
                "تزور فرق صحية قرى نائية لتلقيح الأطفال الذين فاتتهم الجرعات الروتينية، فيما يحذّر "
                "أطباء محليون من أن الثغرات في التغطية تُبقي المجتمعات عرضة لتفشّي الحصبة."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>بدأت فرق صحية متنقلة هذا الأسبوع حملة تلقيح تستمر أسبوعين في قرى جنوب الحسكة، بهدف "
                "الوصول إلى الأطفال دون الخامسة الذين فاتتهم الجرعات الروتينية بسبب بُعدهم عن أقرب "
                "مركز صحي.</p>"
                "<p>ويتنقل كل فريق في حافلة مجهّزة ببرّاد لحفظ اللقاحات، ويضم ممرضة وملقّحاً ومتطوعاً "
                "يتولى تسجيل الأطفال. وفي اليوم الأول، تجمّعت أمهات في إحدى القرى في ظل جدار المدرسة "
                "حاملاتٍ بطاقات التلقيح، وبعضها فارغ. ويقول الطبيب خالد إبراهيم، المشرف على الحملة: "
                "«كثير من العائلات تنقّلت مرات عدة في السنوات الأخيرة وفقدت بطاقاتها، أو لم تحصل عليها "
                "أصلاً، ومع هؤلاء الأطفال نبدأ من الصفر».</p>"
                "<p>ويقول أطباء في المنطقة إن نسبة التغطية تراجعت خلال سنوات النزوح، وإن إصابات "
                "بالحصبة سُجّلت في مخيمات وقرى في المنطقة الأوسع. وتقدّم الحملة لقاحات ضد الحصبة وشلل "
                "الأطفال وأمراض الطفولة الأخرى، كما تفحص الفرق الأطفال للكشف عن سوء التغذية وتحيل "
                "الحالات الشديدة إلى المستشفى في الحسكة.</p>"
                "<p>ورحّب الأهالي بالزيارات، لكنهم طالبوا بخدمة دائمة، إذ يبعد أقرب مستوصف عن بعض "
                "القرى أكثر من 30 كيلومتراً، وتفوق أجرة المواصلات قدرة كثير من العائلات. ويقول مسؤولون "
                "صحيون إنهم يأملون تحويل الفرق المتنقلة إلى جولة شهرية منتظمة إذا سمح التمويل.</p>"
            ),
        },
    },
    {
        "key": "raqqa-book-fair",
        "section": "culture",
        "tags": ["raqqa", "education", "heritage"],
        "authors": ["rami-khalaf"],
        "image": None,
        "label": "",
        "days_ago": 13,
        "status": "published",
        "featured": False,
        "related": ["raqqa-schools", "qamishli-ensemble"],
        "en": {
            "headline": "Raqqa’s first book fair in years draws students and families",
            "summary": (
                "Publishers and booksellers from several Syrian cities set up stalls in a restored "
                "cultural centre, where children’s books and university textbooks sold fastest."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>For five days this week, the halls of a restored cultural centre in Raqqa were "
                "filled with books. Around twenty publishers and booksellers from several Syrian "
                "cities took part in the city’s first book fair in years, organised by a group of "
                "local teachers and writers with the support of the municipality.</p>"
                "<p>The organisers said children’s books and university textbooks sold fastest, "
                "followed by novels and poetry. Prices were kept low by agreement with the exhibitors, "
                "and a corner was set aside where schoolchildren could swap books they had finished. "
                "“My daughter chose six stories and had read two of them before we got home,” said a "
                "father from the east of the city.</p>"
                "<p>The programme also included evenings of readings by local poets, a talk on the "
                "history of the city’s libraries and a workshop on writing for children. Several "
                "visitors said they had not seen a public cultural event of this size since before the "
                "war.</p>"
                "<p>Booksellers said transport costs and the price of paper make new titles expensive, "
                "and that many readers in the region now rely on digital copies on their phones. Even "
                "so, the organisers hope to make the fair an annual event, and to open a small public "
                "reading room in the centre for the rest of the year.</p>"
            ),
        },
        "ar": {
            "headline": "أول معرض للكتاب في الرقة منذ سنوات يستقطب الطلاب والعائلات",
            "summary": (
                "نصب ناشرون وباعة كتب من مدن سورية عدة أجنحتهم في مركز ثقافي مرمّم، وكانت كتب الأطفال "
                "والكتب الجامعية الأكثر مبيعاً."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>على مدى خمسة أيام هذا الأسبوع، امتلأت قاعات مركز ثقافي مرمّم في الرقة بالكتب، إذ "
                "شارك نحو عشرين ناشراً وبائع كتب من مدن سورية عدة في أول معرض للكتاب تشهده المدينة منذ "
                "سنوات، نظّمته مجموعة من المعلمين والكتّاب المحليين بدعم من البلدية.</p>"
                "<p>وقال المنظمون إن كتب الأطفال والكتب الجامعية كانت الأكثر مبيعاً، تلتها الروايات "
                "ودواوين الشعر. وجرى الاتفاق مع العارضين على إبقاء الأسعار منخفضة، كما خُصّصت زاوية "
                "يتبادل فيها التلاميذ الكتب التي فرغوا من قراءتها. ويقول أب من شرق المدينة: «اختارت "
                "ابنتي ست قصص، وقرأت اثنتين منها قبل أن نصل إلى البيت».</p>"
                "<p>وتضمّن البرنامج أمسيات قرأ فيها شعراء محليون من قصائدهم، ومحاضرة عن تاريخ مكتبات "
                "المدينة، وورشة للكتابة للأطفال. وقال عدد من الزوار إنهم لم يشهدوا فعالية ثقافية عامة "
                "بهذا الحجم منذ ما قبل الحرب.</p>"
                "<p>ويقول باعة الكتب إن كلفة النقل وأسعار الورق تجعل العناوين الجديدة باهظة الثمن، وإن "
                "كثيراً من القرّاء في المنطقة باتوا يعتمدون على النسخ الرقمية في هواتفهم. ومع ذلك، "
                "يأمل المنظمون أن يتحول المعرض إلى موعد سنوي، وأن يفتتحوا في المركز قاعة مطالعة عامة "
                "صغيرة تعمل على مدار العام.</p>"
            ),
        },
    },
    {
        "key": "mosul-drip-irrigation",
        "section": "region",
        "tags": ["mosul", "water", "agriculture"],
        "authors": ["samer-obeid"],
        "image": None,
        "label": "",
        "days_ago": 15,
        "status": "published",
        "featured": False,
        "related": ["euphrates-analysis"],
        "en": {
            "headline": "Farmers around Mosul turn to drip irrigation as canals run short",
            "summary": (
                "With less water reaching their fields, vegetable growers on the plains around Mosul "
                "are switching to drip lines. The savings are real, but so is the cost of getting "
                "started."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>On the farmland around Mosul, black plastic pipes now run along rows of tomatoes, "
                "cucumbers and aubergines where water once flowed freely through open channels. Faced "
                "with irregular supplies in the irrigation canals, a growing number of vegetable "
                "farmers are switching to drip systems.</p>"
                "<p>Growers say the change cuts their water use by about half and reduces weeds, since "
                "only the roots of the plants get wet. “Before, I waited for my turn on the canal and "
                "flooded the whole field. Half the water soaked into the paths or dried in the sun,” "
                "said Omar, who farms eight dunums on the city’s eastern outskirts. “Now I water for "
                "an hour every morning and the plants are stronger.”</p>"
                "<p>The obstacle is money. A drip network for a small farm, with a pump, filters and a "
                "storage tank, costs more than many families earn from a whole season. Some farmers "
                "have received equipment through agricultural support projects; others have bought it "
                "on credit from traders and pay it back after selling their crops.</p>"
                "<p>Agricultural engineers caution that drip irrigation is not a cure on its own. The "
                "pipes clog when the water is muddy, and saving water on one farm does little if the "
                "canals upstream are not maintained. But they say the shift shows how quickly farmers "
                "adapt when they see results in their own fields, and that extension services should "
                "follow them with training and spare parts.</p>"
            ),
        },
        "ar": {
            "headline": "مزارعو ريف الموصل يتجهون إلى الري بالتنقيط مع شحّ مياه القنوات",
            "summary": (
                "مع تراجع المياه الواصلة إلى حقولهم، يتحوّل مزارعو الخضار في سهول الموصل إلى شبكات "
                "الري بالتنقيط. التوفير ملموس، لكن كلفة البداية ثقيلة أيضاً."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>في الأراضي الزراعية المحيطة بالموصل، باتت أنابيب بلاستيكية سوداء تمتد على طول صفوف "
                "الطماطم والخيار والباذنجان، حيث كانت المياه تجري سابقاً في سواقٍ مكشوفة. فأمام عدم "
                "انتظام الحصص في قنوات الري، يتجه عدد متزايد من مزارعي الخضار إلى أنظمة التنقيط.</p>"
                "<p>ويقول المزارعون إن هذا التحول يخفض استهلاكهم للمياه إلى النصف تقريباً، ويقلل "
                "الأعشاب الضارة لأن الماء لا يصل إلا إلى جذور النباتات. ويروي عمر، الذي يزرع ثمانية "
                "دونمات في الأطراف الشرقية للمدينة: «كنت أنتظر دوري على القناة ثم أغمر الحقل كله، "
                "فيضيع نصف الماء في الممرات أو يتبخر تحت الشمس. أما الآن فأسقي ساعة واحدة كل صباح، "
                "والنباتات أقوى».</p>"
                "<p>غير أن العقبة هي المال؛ فشبكة تنقيط لمزرعة صغيرة، مع مضخة ومرشّحات وخزان، تكلّف "
                "أكثر مما تجنيه أسر كثيرة من موسم كامل. وقد حصل بعض المزارعين على المعدات عبر مشاريع "
                "للدعم الزراعي، فيما اشتراها آخرون بالدَّين من التجار على أن يسددوا ثمنها بعد بيع "
                "المحصول.</p>"
                "<p>ويحذّر مهندسون زراعيون من أن التنقيط ليس علاجاً كافياً بمفرده؛ فالأنابيب تنسدّ حين "
                "تكون المياه عكرة، وتوفير المياه في مزرعة واحدة لا يجدي كثيراً إذا لم تُصَن القنوات في "
                "أعلى المجرى. لكنهم يرون أن هذا التحول يكشف سرعة تكيّف المزارعين حين يلمسون النتائج في "
                "حقولهم، وأن على جهات الإرشاد الزراعي مواكبتهم بالتدريب وقطع الغيار.</p>"
            ),
        },
    },
    {
        "key": "deir-ezzor-solar",
        "section": "economy",
        "tags": ["deir-ezzor", "markets", "reconstruction"],
        "authors": ["rami-khalaf"],
        "image": "market",
        "label": "",
        "days_ago": 17,
        "status": "published",
        "featured": False,
        "related": ["deir-ezzor-crossing"],
        "en": {
            "headline": "Solar panels become a best-seller in Deir Ezzor’s markets",
            "summary": (
                "With grid electricity available for only a few hours a day, households and small "
                "businesses are buying panels and batteries. Traders say demand has outpaced supply, "
                "and buyers are learning to spot poor-quality equipment."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>In the markets of Deir Ezzor, shops that once sold televisions and fans now stack "
                "solar panels on the pavement outside. With electricity from the grid arriving for "
                "only a few hours a day in many neighbourhoods, households and small businesses are "
                "turning to the sun.</p>"
                "<p>Traders say a basic system of two panels, a battery and an inverter is enough to "
                "run lights, a fan, a small fridge and phone chargers, and costs roughly what a family "
                "would spend in a year on a subscription to a private generator. “People do the "
                "arithmetic,” said a trader who has sold the equipment in the city for three years. "
                "“After one summer, the panels have paid for themselves.”</p>"
                "<p>The boom has brought problems too. Buyers complain of batteries that lose capacity "
                "within months and panels that produce less than their labels promise. Some "
                "electricians now offer to test equipment before purchase for a small fee, and "
                "experienced buyers advise their neighbours to insist on a written guarantee.</p>"
                "<p>For workshops, bakeries and water pumps the switch is harder, as larger systems "
                "are beyond the reach of most owners. Local engineers say the spread of rooftop panels "
                "is easing pressure on the grid, but warn that worn-out batteries are piling up with "
                "no safe way to recycle them.</p>"
            ),
        },
        "ar": {
            "headline": "ألواح الطاقة الشمسية تتصدّر المبيعات في أسواق دير الزور",
            "summary": (
                "مع وصول كهرباء الشبكة لساعات قليلة يومياً، تستثمر الأسر والمشاريع الصغيرة في الألواح "
                "والبطاريات. ويقول التجار إن الطلب تجاوز العرض، فيما يتعلّم المشترون تمييز المعدات "
                "الرديئة."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>في أسواق دير الزور، باتت المحال التي كانت تبيع أجهزة التلفاز والمراوح ترصّ ألواح "
                "الطاقة الشمسية على الأرصفة أمامها. فمع وصول كهرباء الشبكة ساعات قليلة فقط يومياً في "
                "أحياء كثيرة، تتجه الأسر والمشاريع الصغيرة إلى الشمس.</p>"
                "<p>ويقول التجار إن منظومة بسيطة، تتألف من لوحين وبطارية ومحوّل، تكفي لتشغيل الإنارة "
                "ومروحة وبرّاد صغير وشواحن الهواتف، وتعادل كلفتها تقريباً ما تنفقه الأسرة خلال عام على "
                "اشتراك المولّدة الخاصة. ويقول تاجر يبيع هذه المعدات في المدينة منذ ثلاث سنوات: «الناس "
                "يحسبونها جيداً؛ فبعد صيف واحد تكون الألواح قد سدّدت ثمنها».</p>"
                "<p>لكن الإقبال جلب معه مشكلات أيضاً؛ إذ يشكو مشترون من بطاريات تفقد قدرتها خلال أشهر، "
                "وألواح تنتج أقل مما تعد به ملصقاتها. وبات بعض الكهربائيين يعرضون فحص المعدات قبل "
                "الشراء لقاء أجر زهيد، فيما ينصح المشترون المتمرّسون جيرانهم بالإصرار على كفالة "
                "مكتوبة.</p>"
                "<p>أما الورش والأفران ومضخات المياه، فالتحول فيها أصعب، لأن المنظومات الكبيرة تفوق "
                "قدرة معظم أصحابها. ويرى مهندسون محليون أن انتشار الألواح على الأسطح يخفف الضغط عن "
                "الشبكة، لكنهم يحذّرون من تراكم البطاريات التالفة في غياب وسيلة آمنة لإعادة "
                "تدويرها.</p>"
            ),
        },
    },
    {
        "key": "qamishli-ensemble",
        "section": "culture",
        "tags": ["qamishli", "heritage"],
        "authors": ["noor-al-hassan"],
        "image": None,
        "label": "",
        "days_ago": 20,
        "status": "published",
        "featured": False,
        "related": ["raqqa-book-fair"],
        "en": {
            "headline": "In Qamishli, a youth ensemble sings in three languages",
            "summary": (
                "Twenty-five young musicians rehearse folk songs in Arabic, Kurdish and Syriac, "
                "collecting melodies from older relatives before they are forgotten."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>Three evenings a week, a rented hall in Qamishli fills with the sound of the oud, "
                "the tanbur and the daf. Twenty-five young musicians aged between 14 and 24 rehearse a "
                "repertoire of folk songs in Arabic, Kurdish and Syriac, the three languages most "
                "often heard in the city’s streets.</p>"
                "<p>The ensemble was founded two years ago by a music teacher, Gabriel Yacoub, who "
                "wanted his students to learn the songs their grandparents sang. Members record older "
                "relatives at home, transcribe the melodies and arrange them for the group. “Some of "
                "these songs survive only in the memory of a few people over seventy,” he said. “If we "
                "do not write them down now, they will go with them.”</p>"
                "<p>Rehearsals are as much about listening as singing. Members learn the meaning of "
                "songs in languages they do not speak, and several said the experience had changed the "
                "way they see their neighbours. “I grew up hearing Kurdish songs at weddings without "
                "understanding a word,” said a 19-year-old singer. “Now I sing them, and I know what "
                "they are about.”</p>"
                "<p>The ensemble has performed at school celebrations and a spring festival, and is "
                "preparing its first recording. Its members hope to take the songs beyond Qamishli, "
                "though for now, they say, their best audience is the families who come to rehearsals "
                "and sing along.</p>"
            ),
        },
        "ar": {
            "headline": "في القامشلي، فرقة شبابية تغنّي بثلاث لغات",
            "summary": (
                "يتدرّب خمسة وعشرون موسيقياً شاباً على أغانٍ شعبية بالعربية والكردية والسريانية، "
                "ويجمعون الألحان من أقاربهم المسنّين قبل أن يطويها النسيان."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>ثلاث أمسيات في الأسبوع، تمتلئ قاعة مستأجرة في القامشلي بأصوات العود والطنبور "
                "والدف، حيث يتدرّب خمسة وعشرون موسيقياً شاباً، تتراوح أعمارهم بين 14 و24 عاماً، على "
                "أغانٍ شعبية بالعربية والكردية والسريانية، وهي اللغات الثلاث الأكثر حضوراً في شوارع "
                "المدينة.</p>"
                "<p>أسّس الفرقة قبل عامين مدرّس الموسيقى جبرائيل يعقوب، الذي أراد لطلابه أن يتعلّموا "
                "الأغاني التي كان أجدادهم يردّدونها. ويسجّل الأعضاء أصوات أقاربهم المسنّين في البيوت، "
                "ثم يدوّنون الألحان ويعيدون توزيعها للفرقة. ويقول يعقوب: «بعض هذه الأغاني لا يحفظها "
                "اليوم سوى قلّة تجاوزوا السبعين، وإن لم ندوّنها الآن فستذهب معهم».</p>"
                "<p>ولا تقتصر التدريبات على الغناء، بل تقوم على الإصغاء أيضاً؛ إذ يتعلّم الأعضاء معاني "
                "أغانٍ بلغات لا يتحدثونها، وقال عدد منهم إن التجربة غيّرت نظرتهم إلى جيرانهم. وتقول "
                "مغنية في التاسعة عشرة: «كبرتُ وأنا أسمع الأغاني الكردية في الأعراس من دون أن أفهم "
                "كلمة واحدة، أما الآن فأنا أغنّيها وأعرف ما تقوله».</p>"
                "<p>وقدّمت الفرقة عروضاً في احتفالات مدرسية ومهرجان ربيعي، وتستعد لتسجيل أول أعمالها. "
                "ويأمل أعضاؤها أن يحملوا هذه الأغاني إلى خارج القامشلي، لكن أفضل جمهور لهم حتى الآن، "
                "كما يقولون، هو العائلات التي تحضر التدريبات وتغنّي معهم.</p>"
            ),
        },
    },
    {
        "key": "border-fishermen",
        "section": "region",
        "tags": ["euphrates", "water"],
        "authors": ["admindiaa"],
        "image": "river",
        "label": "",
        "days_ago": 23,
        "status": "published",
        "featured": False,
        "related": ["euphrates-analysis"],
        "en": {
            "headline": "Fishermen near the Syrian-Iraqi border say their catches are shrinking",
            "summary": (
                "On both sides of the border, families who have fished the Euphrates for generations "
                "report fewer and smaller fish, and blame low water, pollution and illegal fishing "
                "methods."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>At dawn, small wooden boats push off from the banks of the Euphrates near the "
                "Syrian-Iraqi border, as they have for generations. But fishermen on both sides of the "
                "frontier say their nets come back lighter every year.</p>"
                "<p>“My father could fill the boat in a morning. Today I am happy with five or six "
                "kilos, and most of them are small,” said a fisherman from a village on the Syrian "
                "bank who has worked the river for thirty years. Fishermen on the Iraqi side described "
                "the same trend, and said some species they once caught regularly have become rare.</p>"
                "<p>They point to several causes. Lower water in summer leaves shallow, warm stretches "
                "where fish struggle to breed. Untreated sewage and farm run-off from towns upstream "
                "pollute the water. And some fishermen use electric shocks or fine-mesh nets that "
                "catch young fish before they can grow, methods that are banned but rarely "
                "punished.</p>"
                "<p>Local environmental groups have called for a closed season during the spawning "
                "months, and for support to fishing families who would lose income while it lasts. "
                "Without such measures, the fishermen say, their trade may not survive another "
                "generation.</p>"
            ),
        },
        "ar": {
            "headline": "",
            "summary": "",
            "source": "",
            "body": "",
        },
    },
    {
        "key": "raqqa-farm-road",
        "section": "syria",
        "tags": ["raqqa", "reconstruction", "agriculture"],
        "authors": ["rami-khalaf"],
        "image": None,
        "label": "",
        "days_ago": 27,
        "status": "published",
        "featured": False,
        "related": [],
        "en": {
            "headline": "",
            "summary": "",
            "source": "",
            "body": "",
        },
        "ar": {
            "headline": "أهالي قرى في ريف الرقة الشمالي يطالبون بإصلاح طريق زراعي متهالك",
            "summary": (
                "يقول سكان خمس قرى إن الطريق الذي يربطهم بالمدينة تحوّل إلى حفر وبرك طينية، ما يرفع "
                "كلفة نقل المحاصيل ويصعّب وصول المرضى والطلاب."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>يطالب أهالي خمس قرى في ريف الرقة الشمالي بإصلاح طريق زراعي يبلغ طوله نحو 12 "
                "كيلومتراً، يربط قراهم بالطريق العام المؤدي إلى المدينة، بعدما تحوّل بفعل السنين "
                "والأمطار إلى سلسلة من الحفر والبرك الطينية.</p>"
                "<p>ويقول مزارعون إن سائقي الشاحنات باتوا يرفضون سلوك الطريق في الشتاء أو يطلبون "
                "أجوراً مضاعفة، ما يرفع كلفة نقل القطن والقمح والخضار إلى الأسواق. ويقول أحد سكان "
                "القرى، طالباً عدم ذكر اسمه: «نخسر جزءاً من المحصول قبل أن يصل إلى السوق، فالخضار تتلف "
                "من طول الطريق ومن الاهتزاز».</p>"
                "<p>ولا تقتصر المعاناة على المزارعين؛ إذ يضطر طلاب المرحلة الثانوية إلى السير مسافات "
                "طويلة في الوحل للوصول إلى الحافلة، ويقول الأهالي إن نقل المرضى ليلاً إلى مستشفيات "
                "المدينة بات مغامرة حقيقية، لا سيما في حالات الولادة والطوارئ.</p>"
                "<p>وقال عضو في لجنة الخدمات بالمجلس المحلي لـ«يوفريتس بوست» إن الطريق مُدرج على قائمة "
                "المشاريع المقترحة لهذا العام، لكن تنفيذه مرهون بتوفر التمويل ومواد التعبيد. وفي "
                "انتظار ذلك، يتطوّع شبان من القرى لردم الحفر الكبيرة بالحصى والتراب، في حلّ يقولون إنه "
                "لا يصمد أمام أول موجة من الأمطار.</p>"
            ),
        },
    },
    {
        "key": "river-photo-exhibition",
        "section": "culture",
        "tags": ["euphrates", "heritage", "raqqa"],
        "authors": ["noor-al-hassan"],
        "image": "river",
        "label": "",
        "days_ago": 0,
        "status": "draft",
        "featured": False,
        "related": [],
        "en": {
            "headline": "Photographers trace life along the Euphrates in a new exhibition",
            "summary": (
                "Sixty photographs by young photographers from Raqqa and Deir Ezzor show fishermen, "
                "farmers and children on the banks of the river, and how the water has retreated over "
                "the years."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>An exhibition opening next week in Raqqa brings together sixty photographs of "
                "daily life along the Euphrates, taken over two years by twelve young photographers "
                "from Raqqa and Deir Ezzor.</p>"
                "<p>The pictures follow the river through the seasons: fishermen mending their nets at "
                "dawn, women washing wool on the banks, children swimming in summer and farmers "
                "opening irrigation channels in spring. Several images show the same places years "
                "apart, recording how the water has pulled back from old landing points and left boats "
                "stranded on dry mud.</p>"
                "<p>“We wanted to show the river as people live with it every day, not only as a front "
                "line or a news headline,” said Ahmad Al-Khalil, one of the organisers, who began "
                "taking pictures with a borrowed phone. “For us it is family, work and memory. Many of "
                "the people in these photographs had never been photographed before.”</p>"
                "<p>The exhibition will run for two weeks at a cultural centre in the city, and will "
                "close with a weekend workshop for beginners on composition and captions. The "
                "organisers hope to take it to Deir Ezzor and Qamishli later in the year, and to "
                "publish the photographs in a small book.</p>"
            ),
        },
        "ar": {
            "headline": "معرض جديد يوثّق بعدسات شابة حياة الناس على ضفاف الفرات",
            "summary": (
                "ستون صورة التقطها مصورون شباب من الرقة ودير الزور تُظهر الصيادين والمزارعين والأطفال "
                "على ضفاف النهر، وكيف انحسرت مياهه على مر السنين."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>يجمع معرض يُفتتح الأسبوع المقبل في الرقة ستين صورة عن الحياة اليومية على ضفاف "
                "الفرات، التقطها على مدى عامين اثنا عشر مصوراً شاباً من الرقة ودير الزور.</p>"
                "<p>وتتبّع الصور النهر عبر فصول السنة: صيادون يرتقون شباكهم عند الفجر، ونساء يغسلن "
                "الصوف على الضفاف، وأطفال يسبحون في الصيف، ومزارعون يفتحون سواقي الري في الربيع. "
                "وتُظهر صور عدة الأماكن نفسها بفارق سنوات، موثّقةً كيف انحسرت المياه عن مراسٍ قديمة "
                "وتركت القوارب جاثمة على الطين اليابس.</p>"
                "<p>ويقول أحمد الخليل، أحد المنظمين، الذي بدأ التصوير بهاتف مستعار: «أردنا أن نُظهر "
                "النهر كما يعيشه الناس كل يوم، لا كخط جبهة أو عنوان في نشرة أخبار فحسب؛ فهو بالنسبة "
                "إلينا عائلة وعمل وذاكرة. كثير من الناس الذين يظهرون في هذه الصور لم يلتقط لهم أحد "
                "صورة من قبل».</p>"
                "<p>ويستمر المعرض أسبوعين في مركز ثقافي بالمدينة، ويُختتم بورشة للمبتدئين في عطلة "
                "نهاية الأسبوع حول تكوين الصورة وكتابة التعليقات. ويأمل المنظمون نقله إلى دير الزور "
                "والقامشلي في وقت لاحق من العام، ونشر الصور في كتاب صغير.</p>"
            ),
        },
    },
    {
        "key": "hasakah-cotton",
        "section": "economy",
        "tags": ["hasakah", "agriculture"],
        "authors": ["samer-obeid"],
        "image": None,
        "label": "",
        "days_ago": -2,
        "status": "published",
        "featured": False,
        "related": ["qamishli-wheat"],
        "en": {
            "headline": "Cotton growers in Hasakah prepare for a smaller season",
            "summary": (
                "High irrigation costs and uncertain prices have led many farmers to cut the area "
                "planted with cotton, once the most profitable summer crop in the region."
            ),
            "source": "Euphrates Post",
            "body": (
                "<p>Cotton, the crop that for decades built houses and paid for weddings across the "
                "Hasakah countryside, is taking up less land this summer. Farmers and agricultural "
                "engineers say the planted area has fallen again, as growers weigh the cost of "
                "irrigating a thirsty crop against uncertain prices at harvest.</p>"
                "<p>Cotton needs regular watering from late spring until autumn, and for farmers who "
                "pump from wells that means months of buying diesel. “One season of cotton drinks more "
                "diesel than wheat and vegetables put together,” said Abu Fares, who has reduced his "
                "cotton field from forty dunums to ten. Many others have switched to cumin, coriander "
                "or sesame, which need less water and can be sold to traders quickly.</p>"
                "<p>The state of the region’s ginning plants, many of them damaged or idle, also "
                "weighs on the decision. With no gin nearby, traders buy raw cotton at lower prices "
                "and haul it long distances, and farmers say they rarely know in advance what they "
                "will be paid.</p>"
                "<p>Engineers warn that the decline carries costs beyond the farm: fewer jobs for "
                "seasonal pickers, many of them women, and less work for hauliers and workshops. They "
                "argue that a clear purchase price announced before planting would do more to save the "
                "crop than any other measure.</p>"
            ),
        },
        "ar": {
            "headline": "مزارعو القطن في الحسكة يستعدون لموسم أصغر",
            "summary": (
                "دفعت كلفة الري المرتفعة وعدم وضوح الأسعار كثيراً من المزارعين إلى تقليص المساحات "
                "المزروعة بالقطن، الذي كان يوماً أربح المحاصيل الصيفية في المنطقة."
            ),
            "source": "يوفريتس بوست",
            "body": (
                "<p>القطن، المحصول الذي بنى البيوت وموّل الأعراس في ريف الحسكة لعقود، يشغل هذا الصيف "
                "مساحة أقل من الأرض. ويقول مزارعون ومهندسون زراعيون إن المساحات المزروعة تراجعت "
                "مجدداً، إذ يوازن المزارعون بين كلفة ري محصول شرِه للمياه وأسعار غير مضمونة عند "
                "الجني.</p>"
                "<p>فالقطن يحتاج إلى ري منتظم من أواخر الربيع حتى الخريف، وهذا يعني لمن يضخّ المياه من "
                "الآبار أشهراً من شراء المازوت. ويقول أبو فارس، الذي قلّص حقل القطن لديه من أربعين "
                "دونماً إلى عشرة: «موسم القطن الواحد يشرب من المازوت أكثر مما يشربه القمح والخضار "
                "معاً». وتحوّل كثيرون إلى الكمون والكزبرة والسمسم، وهي محاصيل أقل حاجة إلى المياه "
                "ويمكن بيعها للتجار بسرعة.</p>"
                "<p>كما يؤثر واقع محالج المنطقة، المتضرر كثير منها أو المتوقف عن العمل، في قرار "
                "المزارعين؛ ففي غياب محالج قريبة يشتري التجار القطن الخام بأسعار أدنى وينقلونه لمسافات "
                "طويلة، ويقول المزارعون إنهم نادراً ما يعرفون مسبقاً كم سيُدفع لهم.</p>"
                "<p>ويحذّر مهندسون من أن هذا التراجع يحمل كلفة تتجاوز المزرعة: فرص عمل أقل لعمال الجني "
                "الموسميين، وكثير منهم من النساء، وعمل أقل لقطاع النقل والورش. ويرون أن إعلان سعر شراء "
                "واضح قبل موسم الزراعة كفيل بإنقاذ المحصول أكثر من أي إجراء آخر.</p>"
            ),
        },
    },
]
