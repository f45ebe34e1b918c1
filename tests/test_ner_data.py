"""The training-data readers of models/ner_data.py: WikiFANE Gold's split clitics are written back onto their
words as news text has them, and its fine classes land in our scheme (or leave the sentence out)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "models"))

from ner_data import read_fane, spans  # noqa: E402

# The first sentence of WikiFANE_Gold_2014_500K.txt (Arabic Wikipedia, CC BY-SA 3.0), cut short, in its own
# format: a left-to-right mark before each Arabic word, clitics apart, fine classes; then a sentence holding a
# vehicle (no class in our scheme) and one naming a people (PER.Group: O, as in ANERcorp).
FANE = (
    "\ufeff\u200eجمهورية\tB-Nation\n\u200eجنوب\tI-Nation\n\u200eالسودان\tI-Nation\n،\tO\n\u200eو\tO\n"
    "\u200eتعتبر\tO\n\u200eمدينة\tO\n\u200eجوبا\tB-Population-Center\n\u200eعاصمة\tO\n\u200eها\tO\n"
    "\u200eو\tO\n\u200eاويل\tB-Population-Center\n\u200eوياي\tI-Population-Center\n\u200eل\tO\n"
    "\u200eالرئيس\tO\n\u200eسلفا\tB-Politician\n\u200eكير\tI-Politician\n.\tO\n\t\n"
    "\u200eطائرة\tO\n\u200eبوينغ\tB-Air\n.\tO\n\t\n"
    "\u200eو\tO\n\u200eبدا\tO\n\u200eالاوروبيين\tB-Group\n\u200eب\tO\n\u200eالنيل\tB-Water-Body\n.\tO\n\t\n"
)


def test_wikifane_clitics_attached_and_classes_mapped(tmp_path: Path) -> None:
    path = tmp_path / "fane.txt"
    path.write_text(FANE, encoding="utf-8")
    sentences = read_fane(path)
    assert len(sentences) == 2  # the sentence with a vehicle is left out
    words, tags = sentences[0]
    assert " ".join(words) == "جمهورية جنوب السودان ، وتعتبر مدينة جوبا عاصمتها واويل وياي للرئيس سلفا كير ."
    found = [(" ".join(words[s:e]), label) for s, e, label in spans(tags)]
    assert found == [
        ("جمهورية جنوب السودان", "GPE"),
        ("جوبا", "GPE"),
        ("واويل وياي", "GPE"),  # the name's start takes its clitic along, as ANERcorp tags "وبيروت"
        ("سلفا كير", "PERSON"),
    ]
    words, tags = sentences[1]
    assert words == ["وبدا", "الاوروبيين", "بالنيل", "."]
    assert tags == ["O", "O", "B-GPE", "O"]
