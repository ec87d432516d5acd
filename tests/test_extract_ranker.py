"""The learned speaker ranker (stance.extract.ranker, ranker_features, train_speaker_ranker):
candidate features on invented snippets, deterministic training on a few gold articles, the
ranker against wrong-by-construction candidates, the weights loader against crafted files,
and the ``speaker_model`` switch through ``extract_quotes`` and ``stance.evaluate_extraction``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from stance.errors import ConfigError, DataError
from stance.extract import extract_quotes
from stance.extract.pipeline import stages
from stance.extract.ranker import (
    MAX_WEIGHTS_BYTES,
    WEIGHTS_PATH,
    choose,
    load_weights,
    parse_weights,
    statement_candidates,
    weights_json,
)
from stance.extract.ranker_features import BIT, FEATURES, SIDE, SpeakerCandidate
from stance.extract.scoring import Report, norm_speaker, score_article
from stance.extract.train_speaker_ranker import collect, evaluate, fit, main, read_articles
from tests.conftest import ROOT, error_lines, needs_morfeusz, run_module

ARTICLES = ROOT / "data" / "articles"
# invented people and places
EN = ('Harbour commissioner Harriet Quill met the ferry operators on Monday. "We will not sign this contract," '
      'Quill said. Her deputy, Tomas Brenn, said the talks would resume in May.')
PL = ("Burmistrz Ewa Sosnowska spotkała się w poniedziałek z Borysem Tarnem. – Nie zamkniemy portu – powiedziała "
      "Sosnowska. Według Tomasza Wilczyńskiego decyzja zapadnie w maju.")


def statements(text: str, lang: str) -> list[tuple[str, str | None, dict[str, SpeakerCandidate]]]:
    """(statement text, the rules' speaker, candidates by speaker) for each statement."""
    chosen, resolver = stages(text, lang)
    return [(text[c.start:c.end], rules, {k.speaker: k for k in cands})
            for c, (rules, cands) in zip(chosen, statement_candidates(text, chosen, resolver))]


def on(c: SpeakerCandidate) -> set[str]:
    return {n for n, v in zip(FEATURES, c.x) if v}


# --------------------------------------------------------------------------- features
def test_english_features():
    (s1, rules1, c1), (s2, rules2, c2) = statements(EN, "en")
    assert s1.startswith("We will not sign") and rules1 == "Harriet Quill"
    quill, brenn = c1["Harriet Quill"], c1["Tomas Brenn"]
    assert {"rules", "rules_explicit", "event", "event_same_sentence", "event_after", "subject", "kind_name",
            "full_name", "prev_sentence", "same_paragraph", "before", "after"} <= on(quill)
    # the deputy is named in the next sentence, as the subject of another cue
    assert {"next_sentence", "after", "event", "subject"} <= on(brenn)
    assert not on(brenn) & {"rules", "same_sentence", "event_same_sentence", "before", "prev_speaker", "pl_rules"}
    assert quill.near > brenn.near and quill.event_near > brenn.event_near
    assert c1["Harriet Quill"].salience > c1["Tomas Brenn"].salience  # named twice
    assert s2 == "the talks would resume in May" and rules2 == "Tomas Brenn"
    assert {"prev_speaker", "prev_speaker_near", "before"} <= on(c2["Harriet Quill"])
    assert "prev_speaker" not in on(c2["Tomas Brenn"])


def test_polish_features_case_and_gender():
    pytest.importorskip("morfeusz2")
    by_text = {s: (rules, c) for s, rules, c in statements(PL, "pl")}
    rules, c = by_text["Nie zamkniemy portu"]
    assert rules == "Ewa Sosnowska"
    ewa, tarn, wilczynski = c["Ewa Sosnowska"], c["Borys Tarn"], c["Tomasz Wilczyński"]
    # "powiedziała" is feminine: the woman agrees, the two men do not
    assert {"nominative", "subject", "gender_match", "pl_rules", "pl_subject"} <= on(ewa)
    assert "gender_clash" in on(tarn) and "gender_clash" in on(wilczynski)
    # the cue's own form says so, and both men's given names: a clash the ranker never chooses
    assert "verb_gender_clash" in on(tarn) and "verb_gender_clash" in on(wilczynski)
    assert "verb_gender_clash" not in on(ewa)
    # "z Borysem Tarnem" (instrumental), "Według Tomasza Wilczyńskiego" (genitive): no subjects
    assert not on(tarn) & {"nominative", "subject", "rules"}
    assert "nominative" not in on(wilczynski)


def test_the_ranker_never_chooses_a_name_the_cue_verb_disagrees_with():
    weights = load_weights()
    best = SpeakerCandidate("Tadeusz Grabski", bits=BIT["rules"] | BIT["subject"] | BIT["verb_gender_clash"], near=1.0)
    other = SpeakerCandidate("Dorota Szczepańska", bits=BIT["mention"], near=0.1)
    assert weights.score(best) > weights.score(other)  # the features alone prefer him
    assert choose("Tadeusz Grabski", [best, other], weights) == "Dorota Szczepańska"
    # when every candidate clashes, the filter says nothing
    assert choose("Tadeusz Grabski", [best], weights) == "Tadeusz Grabski"


def test_vectors_are_bounded_numbers_and_speakers_distinct():
    for text, lang in ((EN, "en"), (PL, "pl")):
        for _s, _rules, cands in statements(text, lang):
            keys = [norm_speaker(s) for s in cands]
            assert len(keys) == len(set(keys))
            for c in cands.values():
                assert len(c.x) == len(FEATURES) and all(0.0 <= v <= 1.0 for v in c.x)


def test_candidates_per_statement_are_bounded():
    """Hundreds of people before a statement: only those around it are read (linear cost)."""
    filler = " ".join(f"Minister Jan Kowal{n:03d}ski met Anna Lis{n:03d}owa." for n in range(300))
    text = filler + ' "We will wait," said Harriet Quill.'
    (_s, rules, cands), = [s for s in statements(text, "en") if s[0] == "We will wait,"]
    assert rules == "Harriet Quill" and "Harriet Quill" in cands
    assert len(cands) <= 3 * SIDE + 6


# --------------------------------------------------------------------------- training
def _few_articles(tmp_path: Path, ids=("en-b01", "en-b02", "pl-b01", "pl-b02")) -> Path:
    folder = tmp_path / "arts"
    folder.mkdir()
    for i in ids:
        shutil.copy(ARTICLES / f"{i}.json", folder / f"{i}.json")
    return folder


def test_training_is_deterministic(tmp_path):
    folder = _few_articles(tmp_path)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["--articles", str(folder), "--out", str(first)]) == 0
    assert main(["--articles", str(folder), "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    weights = load_weights(first)
    assert any(weights.coef) and weights.intercept == 0.0
    assert not list(tmp_path.glob(".*.tmp"))  # written through a temporary file and a rename
    # leaving an article out changes the data, so the weights
    assert main(["--articles", str(folder), "--out", str(second), "--exclude", "pl-b02"]) == 0
    assert first.read_bytes() != second.read_bytes()


def test_training_refuses_bad_input(tmp_path, capsys):
    assert main(["--articles", str(tmp_path / "nowhere"), "--out", str(tmp_path / "w.json")]) == 2
    assert main(["--articles", str(_few_articles(tmp_path)), "--out", str(tmp_path / "w.json"), "--C", "0"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("train_speaker_ranker: ") for line in err)
    assert not (tmp_path / "w.json").exists()


def test_ranker_beats_wrong_by_construction_candidates(tmp_path):
    """A tiny real training run and the packaged weights both put the speaker above a person
    who never speaks (the object of the sentence before) and above a candidate with no
    evidence at all."""
    trained = parse_weights(fit(collect(read_articles(_few_articles(tmp_path)))).encode())
    by_text = {s: (rules, c) for s, rules, c in statements(PL, "pl")}
    rules, cands = by_text["Nie zamkniemy portu"]
    nobody = SpeakerCandidate("Nikt Nikomu")
    for weights in (trained, load_weights()):
        assert weights.score(cands["Ewa Sosnowska"]) > weights.score(cands["Borys Tarn"])
        assert weights.score(cands["Ewa Sosnowska"]) > weights.score(nobody)
        assert choose(rules, [nobody, cands["Borys Tarn"], cands["Ewa Sosnowska"]], weights) == "Ewa Sosnowska"
        # the rules' answer does not win by being the rules' answer alone
        wrong = SpeakerCandidate("Borys Tarn", bits=BIT["rules"] | BIT["rules_fallback"])
        assert choose(None, [wrong, cands["Ewa Sosnowska"]], weights) == "Ewa Sosnowska"


@pytest.mark.slow
def test_packaged_weights_are_no_worse_than_the_rules_on_the_tuning_articles():
    data = collect(read_articles(ARTICLES))
    rules = evaluate(data, None, "rules").overall
    ranked = evaluate(data, load_weights(), "ranker").overall
    assert rules.matched == ranked.matched  # the statements are the same; only speakers differ
    assert ranked.speaker_ok >= rules.speaker_ok


def test_training_scores_what_the_product_outputs():
    # the trainer's evaluation applies the product's guards and whole-text passes, so its
    # speakers are those extract_quotes gives, for both models (thirty blind-round articles)
    arts = [a for a in read_articles(ARTICLES) if a["id"].startswith(("pl-b12", "en-b12", "en-b13"))]
    data = collect(arts)
    for model in ("rules", "ranker"):
        trained = evaluate(data, load_weights(), model).overall
        product = Report()
        for a in arts:
            quotes = extract_quotes(a["text"], a["lang"], speaker_model=model)
            score_article(a["id"], a["lang"], a["statements"], [q.to_dict() for q in quotes], product)
        assert (trained.matched, trained.speaker_ok) == (product.overall.matched, product.overall.speaker_ok), model


# --------------------------------------------------------------------------- the weights file
def _valid() -> dict:
    return json.loads(weights_json({n: 0.5 for n in FEATURES}, 0.0))


def _crafted(case: str) -> bytes:
    d = _valid()
    if case == "extra_key":
        d["note"] = 1
    elif case == "target":
        d["_target_"] = "os.system"
    elif case == "target_instead_of_coef":
        d["coef"] = {"_target_": "builtins.eval", "_args_": ["1"]}
    elif case == "string_coef":
        d["coef"][3] = "0.5"
    elif case == "bool_coef":
        d["coef"][3] = True
    elif case == "null_intercept":
        d["intercept"] = None
    elif case == "nested_coef":
        d["coef"][3] = [0.5]
    elif case == "unknown_feature":
        d["features"][3] = "__import__('os').system('true')"
    elif case == "duplicate_feature":
        d["features"][3] = d["features"][2]
    elif case == "too_many_features":
        d["features"] = d["features"] * 2
        d["coef"] = d["coef"] * 2
    elif case == "length_mismatch":
        d["coef"] = d["coef"][:-1]
    elif case == "version":
        d["version"] = 2
    elif case == "version_string":
        d["version"] = "1"
    elif case == "missing_key":
        del d["intercept"]
    elif case == "not_an_object":
        return json.dumps([d]).encode()
    elif case in ("nan", "infinity", "overflow"):
        literal = {"nan": "NaN", "infinity": "-Infinity", "overflow": "1e999"}[case]
        return json.dumps(d).replace('"intercept": 0.0', f'"intercept": {literal}').encode()
    elif case == "deep_nesting":
        return b'{"version": 1, "features": ' + b"[" * 30_000 + b"]" * 30_000 + b"}"
    elif case == "not_utf8":
        return json.dumps(d).encode("utf-16")
    elif case == "huge_array":
        return b'{"version": 1, "features": [], "intercept": 0, "coef": [' + b"0," * 10**7 + b"0]}"
    return json.dumps(d).encode()


@pytest.mark.parametrize("case", [
    "extra_key", "target", "target_instead_of_coef", "string_coef", "bool_coef", "null_intercept", "nested_coef",
    "unknown_feature", "duplicate_feature", "too_many_features", "length_mismatch", "version", "version_string",
    "missing_key", "not_an_object", "nan", "infinity", "overflow", "deep_nesting", "not_utf8", "huge_array"])
def test_loader_refuses_crafted_files(tmp_path, case):
    path = tmp_path / f"{case}.json"
    path.write_bytes(_crafted(case))
    with pytest.raises(DataError) as err:
        load_weights(path)
    message = str(err.value)
    assert "\n" not in message and str(path) in message and "speaker-ranker" in message
    if case == "huge_array":
        assert path.stat().st_size > MAX_WEIGHTS_BYTES and "bytes" in message  # refused unread


def test_loader_accepts_the_packaged_and_a_valid_file(tmp_path):
    packaged = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(packaged) == {"version", "features", "coef", "intercept"}
    assert packaged["features"] == list(FEATURES)
    assert load_weights().coef == [float(c) for c in packaged["coef"]]
    path = tmp_path / "w.json"
    path.write_bytes(_crafted("valid"))
    assert load_weights(path).coef == [0.5] * len(FEATURES)
    with pytest.raises(DataError, match="no such file"):
        load_weights(tmp_path / "missing.json")


# --------------------------------------------------------------------------- the switch
def test_speaker_model_switch_keeps_the_statements():
    import stance

    for text, lang in ((EN, "en"), (PL, "pl")):
        base = [(q.text, q.kind, q.start, q.end, q.cue) for q in extract_quotes(text, lang)]
        for model in ("ranker", "hybrid"):
            got = extract_quotes(text, lang, speaker_model=model)
            assert [(q.text, q.kind, q.start, q.end, q.cue) for q in got] == base
            assert all(isinstance(q.speaker, str) for q in got)
        assert stance.extract_quotes(text, lang, speaker_model="ranker") == extract_quotes(text, lang, speaker_model="ranker")
    for bad in ("learned", None, 1):
        with pytest.raises(ConfigError, match="speaker_model must be one of rules, ranker, hybrid"):
            extract_quotes(EN, "en", speaker_model=bad)
    assert extract_quotes("", "en", speaker_model="ranker") == []


def _article(tmp_path: Path) -> Path:
    s1, s2 = PL.index("Nie zamkniemy"), PL.index("decyzja")
    art = {"id": "t-01", "lang": "pl", "title": "t", "text": PL, "non_statements": [], "statements": [
        {"text": "Nie zamkniemy portu", "start": s1, "end": s1 + 19, "speaker": "Ewa Sosnowska", "kind": "direct"},
        {"text": PL[s2:-1], "start": s2, "end": len(PL) - 1, "speaker": "Tomasz Wilczyński", "kind": "indirect"}]}
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "t-01.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_evaluate_extraction_speaker_model(tmp_path, tracking_uri, hydra_outputs):
    import mlflow

    folder = _article(tmp_path)
    proc = run_module("stance.evaluate_extraction", f"data.path={folder}", f"tracking.uri={tracking_uri}",
                      "speaker_model=ranker", *hydra_outputs)
    assert proc.returncode == 0, proc.stderr
    client = mlflow.MlflowClient(tracking_uri)
    (run,) = client.search_runs([client.get_experiment_by_name("quote-stance").experiment_id])
    assert run.data.params["speaker_model"] == "ranker"
    assert run.data.metrics["extract_pl_speaker_acc"] == pytest.approx(1.0)
    proc = run_module("stance.evaluate_extraction", f"data.path={folder}", f"tracking.uri={tracking_uri}",
                      "speaker_model=oracle", *hydra_outputs)
    assert proc.returncode == 2
    lines = error_lines(proc)
    assert len(lines) == 1 and "speaker_model must be one of rules, ranker, hybrid" in lines[0]
    assert "Traceback" not in proc.stderr


def test_the_default_speaker_model_is_the_ranker_everywhere():
    """Chosen on the held-out validation half; the API, the config and the package agree."""
    from stance import api
    from stance.config import EvaluateExtractionConfig
    from stance.extract import DEFAULT_SPEAKER_MODEL, extract_quotes

    assert DEFAULT_SPEAKER_MODEL == "ranker" == EvaluateExtractionConfig().speaker_model
    text = "Reforma\n\nMinister Ewa Bury broniła reformy. – Nikt nas nie pytał – powiedziała pielęgniarka."
    assert extract_quotes(text, "pl") == extract_quotes(text, "pl", speaker_model="ranker")
    assert api.extract_quotes(text, "pl") == extract_quotes(text, "pl", speaker_model="ranker")


@pytest.mark.parametrize("lang, text, speaker", [
    ("en", "Talks\n\nAnna Nair spoke first. The ministry insisted no settlement was possible.", "ministry"),
    ("en", "Talks\n\nAnna Nair spoke first. Officials said the deal is close.", "officials"),
    ("pl", "Rozmowy\n\nAnna Lis przyjechała do Genewy. MSZ przekazało, że rozmowy trwają.", "MSZ"),
])
def test_the_ranker_never_gives_an_institution_or_a_group_to_a_person(lang, text, speaker):
    from stance.extract import extract_quotes

    assert [q.speaker for q in extract_quotes(text, lang, speaker_model="ranker")] == [speaker]


@needs_morfeusz
def test_a_cues_subject_is_one_candidate_in_the_case_the_cue_gives_it():
    # "obrońcy" after "Według" is a genitive singular, though it may be a nominative plural:
    # the phrase is the frame's subject, so its mention is "obrońca Roberta K." too
    text = "Według obrońcy Roberta K. zarzuty są chybione. Zdaniem Anny K. to błąd."
    chosen, resolver = stages(text, "pl")
    for _rules, cands in statement_candidates(text, chosen, resolver):
        assert "obrońcy Roberta K." not in [c.speaker for c in cands]
        assert "obrońca Roberta K." in [c.speaker for c in cands]
