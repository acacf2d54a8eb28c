"""The first Privacy & Cookies Policy, published as version 1 in English and Arabic.

Editors replace it in the admin (copy into a new draft, edit, publish); this text is only the
starting point a small newsroom can stand behind on day one.
"""

from django.db import migrations
from django.utils import timezone

TITLE_EN = "Privacy & Cookies Policy"
TITLE_AR = "سياسة الخصوصية وملفات تعريف الارتباط"

BODY_EN = """
<p>This page explains what the Euphrates Post stores about its readers, why, for how long, and what you can ask of us.
We collect as little as we can and we sell nothing to anyone.</p>
<h2>When you comment</h2>
<p>The comment form asks for your name, your e-mail address and your comment, and for your consent to store them.
Your name and comment are published once a moderator approves them; your e-mail address is never shown and is used
only to tell you about your comment. To fight spam we also keep your IP address and the name of your browser for
<strong>30 days</strong>, after which the address is erased. Approved comments stay on the site until you ask us to
remove them.</p>
<h2>Cookies</h2>
<p>Cookies that the site needs to work are always set. Everything else, remembering your language or your name and
e-mail address for the comment form, or counting how many different readers read an article, is set only if you agree, and you can
refuse as easily as you accept. Silence counts as refusal. We keep your choice for six months, then ask again,
and we ask again whenever this policy changes. The table below lists every cookie the site may set. The site has
no advertising, no third-party trackers and no social-media buttons that follow you.</p>
<h2>Reading statistics</h2>
<p>To build the “Most read” list we count how often each article is read. This works without cookies: to ignore
repeated reloads we keep a scrambled form of your address and browser name for 30 minutes, never the address itself.
If you accept statistics cookies, a random number in a cookie also lets us count different readers. It says nothing
about who you are and is never shared.</p>
<h2>Proof of your choice</h2>
<p>Each time you make a cookie choice we record it: a random consent number, what you chose, the version of this
policy, the language, the time and the name of your browser. No IP address is recorded. These records are kept for
13 months so that we can show what was agreed, then deleted.</p>
<h2>Your rights</h2>
<p>You may ask to see the data we hold about you, to correct it, to erase it, to restrict or object to its use, and
to receive it in a portable form. You may withdraw your consent at any time with “Cookie settings” at the bottom of
every page; withdrawing removes the optional cookies already set. To exercise these rights, write to the newsroom
through its published contact address; we answer within one month. You may also complain to your data-protection
authority.</p>
<h2>Changes to this policy</h2>
<p>Every change is published as a new version with its date, and every reader is asked for their cookie choices again.</p>
"""

BODY_AR = """
<p>توضّح هذه الصفحة ما تحفظه «يوفريتس بوست» عن قرّائها، ولماذا، ولأي مدة، وما الذي يحقّ لك أن تطلبه منّا.
نجمع أقلّ ما يمكن، ولا نبيع شيئًا لأحد.</p>
<h2>عندما تعلّق</h2>
<p>يطلب نموذج التعليق اسمك وبريدك الإلكتروني وتعليقك، وموافقتك على حفظها. يُنشر اسمك وتعليقك بعد أن يوافق عليهما
مشرف؛ أمّا بريدك الإلكتروني فلا يظهر أبدًا، ولا يُستخدم إلا لإبلاغك بشأن تعليقك. ولمكافحة الرسائل المزعجة نحتفظ أيضًا
بعنوان IP الخاص بك واسم متصفحك مدة <strong>30 يومًا</strong>، ثم يُمحى العنوان. وتبقى التعليقات المنشورة على الموقع
إلى أن تطلب منّا حذفها.</p>
<h2>ملفات تعريف الارتباط (الكوكيز)</h2>
<p>تُستخدم دائمًا الملفات التي يحتاجها الموقع ليعمل. أمّا ما عداها، كتذكّر لغتك أو اسمك وبريدك الإلكتروني في نموذج التعليق، أو إحصاء عدد
القرّاء المختلفين لكل مقال، فلا يُحفظ إلا بموافقتك، ويمكنك الرفض بالسهولة نفسها التي تقبل بها. ويُعدّ السكوت رفضًا.
نحتفظ باختيارك ستة أشهر ثم نسألك من جديد، ونسألك كذلك كلما تغيّرت هذه السياسة. ويسرد الجدول أدناه كلّ ملف قد يضعه
الموقع. لا إعلانات في الموقع، ولا أدوات تتبّع من جهات أخرى، ولا أزرار لشبكات التواصل تلاحقك.</p>
<h2>إحصاءات القراءة</h2>
<p>لإعداد قائمة «الأكثر قراءة» نحصي عدد مرّات قراءة كل مقال. ويتمّ ذلك من دون ملفات تعريف الارتباط: ولتجاهل إعادة
تحميل الصفحة مرارًا نحتفظ بصيغة مشفّرة من عنوانك واسم متصفحك مدة 30 دقيقة، ولا نحتفظ بالعنوان نفسه أبدًا. وإذا قبلت
ملفات الإحصاءات، فإن رقمًا عشوائيًا في ملف تعريف ارتباط يتيح لنا أيضًا إحصاء القرّاء المختلفين، وهو لا يدلّ على هويتك
ولا يُشارَك مع أحد.</p>
<h2>إثبات اختيارك</h2>
<p>في كل مرة تختار فيها بشأن ملفات تعريف الارتباط نسجّل اختيارك: رقم موافقة عشوائيًا، وما اخترته، ونسخة هذه السياسة،
واللغة، والوقت، واسم متصفحك. ولا نسجّل أي عنوان IP. ونحتفظ بهذه السجلات 13 شهرًا لنثبت ما تمّت الموافقة عليه، ثم
نحذفها.</p>
<h2>حقوقك</h2>
<p>يحقّ لك أن تطلب الاطلاع على بياناتك التي لدينا، وتصحيحها، ومحوها، وتقييد استخدامها أو الاعتراض عليه، والحصول عليها
بصيغة قابلة للنقل. ويمكنك سحب موافقتك في أي وقت من «إعدادات ملفات تعريف الارتباط» أسفل كل صفحة، ويؤدي السحب إلى إزالة
الملفات الاختيارية المحفوظة. ولممارسة هذه الحقوق راسل غرفة الأخبار عبر عنوان الاتصال المنشور، وسنردّ خلال شهر واحد.
ويمكنك أيضًا تقديم شكوى إلى هيئة حماية البيانات المختصّة.</p>
<h2>تغييرات هذه السياسة</h2>
<p>يُنشر كل تغيير في نسخة جديدة مؤرّخة، ويُسأل كل قارئ عن اختياراته بشأن ملفات تعريف الارتباط من جديد.</p>
"""


def seed(apps, schema_editor):
    PrivacyPolicy = apps.get_model("newsroom", "PrivacyPolicy")
    if PrivacyPolicy.objects.exists():
        return
    PrivacyPolicy.objects.create(
        title=TITLE_EN,
        title_en=TITLE_EN,
        title_ar=TITLE_AR,
        body=BODY_EN.strip(),
        body_en=BODY_EN.strip(),
        body_ar=BODY_AR.strip(),
        change_note="First version.",
        version=1,
        published_at=timezone.now(),
    )


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
