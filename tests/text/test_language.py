import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff.text.language import UNDETERMINED, guess_language

ENGLISH = [
    "Russian Foreign Minister Sergei Lavrov said on Thursday that Moscow would not accept new sanctions, "
    "and warned Washington against what he called reckless steps on the Korean peninsula.",
    "Chinese President Xi Jinping met Turkish President Recep Tayyip Erdoğan in Beijing, where the two "
    "leaders discussed trade, the war in Syria and the fate of Uighur refugees living in Istanbul.",
    "Mr. Erdoğan told reporters in Ankara: \u201cWe will not bow to pressure.\u201d Officials in "
    "Brussels declined to comment, while NATO Secretary General Jens Stoltenberg urged restraint.",
    "President Emmanuel Macron, speaking at the Élysée Palace, called the attack \u201cune honte\u201d, "
    "a disgrace, and said France would ask the UN Security Council to meet.",
    "Prime Minister Benjamin Netanyahu and Palestinian President Mahmoud Abbas have not held direct "
    "talks since 2014, and Hamas fired rockets from Gaza into southern Israel overnight.",
    "Venezuela's Nicolás Maduro accused Colombia's Iván Duque of plotting against him; "
    "Bogotá denied it and recalled its ambassador from Caracas on Saturday.",
    "North Korea fired a ballistic missile over Hokkaido, Japan's Chief Cabinet Secretary Yoshihide Suga "
    "said, adding that Tokyo had lodged a strong protest with Pyongyang through its embassy in Beijing. "
    "Xi Jinping (\u4e60\u8fd1\u5e73) has urged calm.",
    "KYIV, March 3 (Reuters) - Ukraine's Volodymyr Zelenskiy and Russia's Vladimir Putin traded "
    "accusations as shelling hit Kharkiv, Mariupol and Zaporizhzhia, local officials said.",
]

FOREIGN = {
    "fr": "Le président de la République a annoncé mardi une série de mesures pour soutenir les "
    "agriculteurs, qui manifestent depuis plusieurs semaines dans le pays contre la baisse de leurs revenus.",
    "es": "El Gobierno de España anunció el martes un nuevo paquete de ayudas para los agricultores, que "
    "llevan varias semanas protestando en las carreteras del país por la caída de sus ingresos.",
    "de": "Die Bundesregierung hat am Dienstag ein neues Hilfspaket für die Landwirte angekündigt, die seit "
    "mehreren Wochen auf den Straßen des Landes gegen den Rückgang ihrer Einkommen protestieren.",
    "it": "Il governo italiano ha annunciato martedì un nuovo pacchetto di aiuti per gli agricoltori, che da "
    "diverse settimane protestano sulle strade del paese contro il calo dei loro redditi e per la sicurezza.",
    "pt": "O governo português anunciou na terça-feira um novo pacote de ajudas para os agricultores, que "
    "há várias semanas protestam nas estradas do país contra a queda dos seus rendimentos e pela segurança.",
    "ru": "Министр иностранных дел России Сергей Лавров заявил во вторник, что Москва не примет новых санкций.",
    "zh": "中国外交部发言人周二表示，中方坚决反对任何单方面制裁，并呼吁各方保持克制，通过对话解决分歧。",
    "ja": "日本政府は火曜日、北朝鮮が弾道ミサイルを発射したと発表し、強く抗議した。",
    "ar": "أعلنت وزارة الخارجية يوم الثلاثاء أنها ترفض أي عقوبات جديدة وتدعو إلى الحوار بين جميع الأطراف.",
    "ko": "한국 정부는 화요일 북한이 탄도 미사일을 발사했다고 밝히고 강력히 항의했다고 말했다.",
    "el": "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης για τους αγρότες που διαμαρτύρονται.",
    "he": "הממשלה הודיעה ביום שלישי על צעדים חדשים לתמיכה בחקלאים שמפגינים כבר כמה שבועות.",
}


@pytest.mark.parametrize("text", ENGLISH)
def test_english_news_is_english(text):
    guess = guess_language(text)
    assert guess.english and guess.language == "en" and guess.script == "Latin"


def test_english_paragraphs_together_are_english():
    assert guess_language("\n\n".join(ENGLISH)).language == "en"


@pytest.mark.parametrize(("language", "text"), sorted(FOREIGN.items()))
def test_other_languages_are_named(language, text):
    guess = guess_language(text)
    assert (guess.language, guess.english) == (language, False)
    assert guess.evidence


def test_cyrillic_message_names_the_script():
    assert "Cyrillic" in guess_language(FOREIGN["ru"]).evidence


def test_unlisted_latin_language_is_not_english_when_long_enough():
    hungarian = (
        "A kormány kedden bejelentette, hogy újabb támogatást nyújt a gazdáknak, akik hetek óta tüntetnek "
        "az ország útjain a jövedelmük csökkenése miatt. A miniszter szerint a csomag mintegy százmilliárd "
        "forintot tesz ki, és már a jövő hónaptól igényelhető lesz minden érintett termelő számára. "
        "Az ellenzék szerint azonban ez kevés, és a gazdák szövetsége további tárgyalásokat sürget "
        "a kormánnyal mielőtt véget vetnének a tiltakozásnak."
    )
    guess = guess_language(hungarian)
    assert (guess.language, guess.english) == (UNDETERMINED, False)
    assert guess_language(" ".join(hungarian.split()[:30])).english  # too few words to be sure


@pytest.mark.parametrize("text", ["", "Ships left.", "Россия", "NATO-RUS", "12 345 678", "习近平"])
def test_short_text_is_given_the_benefit_of_the_doubt(text):
    assert guess_language(text).english


def test_english_article_quoting_another_language_stays_english():
    text = ENGLISH[0] + " " + FOREIGN["ru"] + " " + ENGLISH[1] + " " + ENGLISH[4]
    assert guess_language(text).english


@given(st.text(max_size=300))
def test_never_raises(text):
    guess = guess_language(text)
    assert isinstance(guess.english, bool) and guess.script
